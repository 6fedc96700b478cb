import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkUptime, foldResults, type LoggedResult, rollupRange } from '@vantage/shared';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DASHBOARD_HOURS, type DesktopStore, openDesktopStore } from './index.js';
import { monitorIdOf, pagesOf, syntheticResults } from './testing/result-fixtures.js';

const HOUR = 3_600_000;
const FROM = Date.UTC(2025, 5, 10, 0, 0, 0);
// 30 h of history; "now" is 25 minutes into the hour after the last round.
const NOW = FROM + 30 * HOUR + 25 * 60_000;
const REGIONS = ['eu-west', 'us-east', 'ap-south'];

let dir: string;
let store: DesktopStore;
let log: LoggedResult[];
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'vantage-desktop-dashboard-'));
  store = openDesktopStore(join(dir, 'vantage.db'), { now: () => NOW });
  for (const id of [monitorIdOf(0), monitorIdOf(1), 'quiet']) {
    const saved = store.monitors.save({
      id,
      name: `Monitor ${id}`,
      type: 'http',
      url: `https://${id}.example.com/`,
    });
    expect(saved.ok).toBe(true);
  }
  // Monitors 0 … 2 every 10 minutes from 3 regions; monitor 2 has no configuration (deleted).
  log = [
    ...syntheticResults({
      monitors: 3,
      regions: REGIONS,
      intervalMs: 600_000,
      from: FROM,
      count: 3 * 3 * 6 * 30,
    }),
  ];
  for (const page of pagesOf(log, 500)) store.ingestResults(page, { relay: 'ws://relay/ws' });
});
afterEach(() => {
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('dashboardSummary', () => {
  it('gives each configured monitor its newest check, per-region state, 24 hourly bars and their uptime', () => {
    const summary = store.dashboardSummary();
    expect(summary.map((s) => s.monitorId)).toEqual([monitorIdOf(0), monitorIdOf(1), 'quiet']);

    const id = monitorIdOf(1);
    const mine = log.filter((r) => r.monitorId === id && r.probeHealthy);
    const line = summary[1]!;
    expect(line).toMatchObject({ name: `Monitor ${id}`, type: 'http', paused: false });
    const newest = mine.reduce((a, b) => (b.ts > a.ts ? b : a));
    expect(line.last).toEqual({
      region: newest.region,
      ts: newest.ts,
      state: newest.state,
      latencyMs: newest.latencyMs,
      message: newest.message,
    });
    expect(line.regions.map((r) => r.region)).toEqual([...REGIONS].sort());
    for (const region of line.regions) {
      const own = mine.filter((r) => r.region === region.region).reduce((a, b) => (b.ts > a.ts ? b : a));
      expect(region).toMatchObject({ ts: own.ts, state: own.state });
    }

    const firstHour = Math.floor(NOW / HOUR) * HOUR - (DASHBOARD_HOURS - 1) * HOUR;
    const hours = rollupRange(foldResults(mine.map((r) => ({ ...r, region: '*' }))), 'hour').filter(
      (b) => b.start >= firstHour,
    );
    expect(line.bars).toHaveLength(DASHBOARD_HOURS);
    expect(line.bars[0]!.start).toBe(firstHour);
    expect(line.bars.at(-1)!.start).toBe(Math.floor(NOW / HOUR) * HOUR);
    for (const bar of line.bars) {
      const bucket = hours.find((b) => b.start === bar.start);
      if (bucket === undefined) {
        expect(bar).toMatchObject({ count: 0, state: 'none' });
        continue;
      }
      expect(bar).toMatchObject({
        up: bucket.up,
        degraded: bucket.degraded,
        down: bucket.down,
        count: bucket.count,
      });
      expect(bar.state).toBe(bucket.down > 0 ? 'down' : bucket.degraded > 0 ? 'degraded' : 'up');
    }
    // The last round of checks was in the hour before the current one: that bar is the last with checks.
    expect(line.bars.at(-1)!.state).toBe('none');
    expect(line.uptime24h).toBe(checkUptime(hours));
    expect(line.uptime24h).toBeGreaterThan(0.9);
    expect(line.uptime24h).toBeLessThan(1);
  });

  it('shows a monitor that never reported as having no data, not as up', () => {
    const quiet = store.dashboardSummary().find((s) => s.monitorId === 'quiet')!;
    expect(quiet.last).toBeNull();
    expect(quiet.regions).toEqual([]);
    expect(quiet.uptime24h).toBeNull();
    expect(quiet.bars.every((b) => b.state === 'none' && b.count === 0)).toBe(true);
  });

  it('stays current while results arrive after it was first read', () => {
    const later = [
      ...syntheticResults({
        monitors: 3,
        regions: REGIONS,
        intervalMs: 600_000,
        from: NOW - 20 * 60_000,
        count: 18,
        cursorBase: log.length,
      }),
    ].map((r, i) => ({ ...r, seq: 10_000 + i, state: 'down' as const }));
    const before = store.dashboardSummary();
    store.ingestResults(later, { relay: 'ws://relay/ws' });
    const after = store.dashboardSummary();
    expect(after[0]!.bars.at(-1)).toMatchObject({ down: 6, count: 6, state: 'down' });
    expect(after[0]!.uptime24h!).toBeLessThan(before[0]!.uptime24h!);
    expect(after[0]!.last).toMatchObject({
      state: 'down',
      ts: later.filter((r) => r.monitorId === monitorIdOf(0)).at(-1)!.ts,
    });
    store.close();
    store = openDesktopStore(join(dir, 'vantage.db'), { now: () => NOW });
    expect(store.dashboardSummary()).toEqual(after);
  });

  it('keeps its figures across a reopen', () => {
    const before = store.dashboardSummary();
    store.close();
    store = openDesktopStore(join(dir, 'vantage.db'), { now: () => NOW });
    expect(store.dashboardSummary()).toEqual(before);
  });
});
