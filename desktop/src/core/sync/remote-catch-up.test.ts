import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { LoggedResult } from '@vantage/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TempStore, tempStore } from '../store/testing/temp-store.js';
import { expectedRollups, readStoredResults, readStoredRollups } from '../store/testing/store-inspection.js';
import {
  type ChildRun,
  createRelayToken,
  type RelayProcess,
  spawnProbeProcess,
  spawnRelayProcess,
} from './testing/child-processes.js';
import { eventually } from './testing/eventually.js';
import { type HttpTarget, startHttpTarget } from './testing/http-target.js';
import { relayGet, startSyncUnderTest, testMonitor } from './testing/sync-fixture.js';

const REGIONS = [
  { region: 'eu-west', sourceAddress: '127.0.0.2' },
  { region: 'us-east', sourceAddress: '127.0.0.3' },
];
const MINUTE = 60_000;

let dir: string;
let relay: RelayProcess;
let desktopToken: string;
let target: HttpTarget;
let temp: TempStore;
const probes: ChildRun[] = [];
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'vantage-sync-remote-'));
  const dataDir = join(dir, 'relay');
  target = await startHttpTarget();
  relay = await spawnRelayProcess(dataDir);
  desktopToken = readFileSync(join(dataDir, 'desktop-token'), 'utf8').trim();
  for (const { region, sourceAddress } of REGIONS) {
    const token = await createRelayToken(dataDir, region, region);
    probes.push(
      spawnProbeProcess([
        ...['--relay', relay.url.replace(/^http/, 'ws'), '--token', token, '--region', region],
        ...['--name', `probe-${region}`, '--data-dir', join(dir, `probe-${region}`)],
        ...['--source-address', sourceAddress, '--log-level', 'warn'],
      ]),
    );
  }
  temp = tempStore();
}, 60_000);
afterAll(async () => {
  await Promise.all(probes.map((p) => p.kill('SIGTERM')));
  await relay?.kill('SIGTERM');
  temp?.dispose();
  await target?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Every result in the relay's log, read page by page over its REST API. */
async function relayLog(): Promise<LoggedResult[]> {
  const all: LoggedResult[] = [];
  for (let after = 0; ;) {
    const page = await relayGet<{ results: LoggedResult[]; cursor: number }>(
      relay.url,
      desktopToken,
      `/results?after=${after}&limit=1000`,
    );
    all.push(...page.results);
    if (page.results.length < 1000) return all;
    after = page.cursor;
  }
}

const regionsSeen = (since: number) =>
  new Set(
    temp.store
      .lastChecks('api', 200)
      .filter((r) => r.ts >= since)
      .map((r) => r.region),
  );

describe('a desktop on a remote relay with two probe processes', () => {
  it('catches up after being offline: every result exactly once, and no hole in the minute chart', async () => {
    // An http:// base address, as a user types it; the sync finds the WebSocket endpoint.
    let started = startSyncUnderTest(temp.store, relay.url, desktopToken);
    await eventually(() => expect(started.sync.status().connection).toBe('connected'), 20_000);
    expect((await started.sync.upsertMonitor(testMonitor('api', target.url))).ok).toBe(true);
    const before = Date.now();
    await eventually(() => expect(regionsSeen(before).size).toBe(2), 30_000, 100);
    await eventually(() => expect(started.recorded.results.some((r) => r.live)).toBe(true), 10_000);

    // Offline: the desktop stops; the probes keep checking and the relay keeps the log.
    await started.sync.stop();
    const offlineFrom = Date.now();
    const storedAtStop = temp.store.sync.list()[0]!.cursor;
    await new Promise((resolve) => setTimeout(resolve, 6000));
    const offlineTo = Date.now();
    temp.reopen();

    started = startSyncUnderTest(temp.store, relay.url, desktopToken);
    await eventually(() => expect(started.sync.status().catchUp.live).toBe(true), 20_000);
    expect(started.sync.status().catchUp.received).toBeGreaterThan(0);
    expect(started.sync.status().cursor).toBeGreaterThan(storedAtStop);

    // Quiesce: probes stop (flushing their spools), then the sync reads up to the relay's head.
    await Promise.all(probes.map((p) => p.kill('SIGTERM')));
    const log = await relayLog();
    await eventually(async () => expect(started.sync.status().cursor).toBe(log.at(-1)!.cursor), 10_000);
    await started.sync.stop();

    temp.store.close();
    const stored = readStoredResults(temp.path);
    // Rollups (per region and `*`) equal a recomputation from the stored raw rows.
    expect(readStoredRollups(temp.path)).toEqual(expectedRollups(stored));
    temp.reopen();
    const ids = stored.map((r) => `${r.probeId}:${r.seq}`);
    expect(stored).toHaveLength(log.length);
    expect(new Set(ids).size).toBe(ids.length);
    expect(new Set(ids)).toEqual(new Set(log.map((r) => `${r.probeId}:${r.seq}`)));

    // Results checked while the desktop was away are there, from both regions, with no gap.
    for (const { region } of REGIONS) {
      const times = stored
        .filter((r) => r.region === region && r.ts >= offlineFrom && r.ts <= offlineTo)
        .map((r) => r.ts)
        .sort((a, b) => a - b);
      expect(times.length).toBeGreaterThanOrEqual(4);
      const gaps = times.slice(1).map((t, i) => t - times[i]!);
      expect(Math.max(...gaps)).toBeLessThan(3000);
    }
    // The `*` minute chart over the offline window has no hole: each minute holding a result
    // checked while the desktop was away has a point counting exactly the stored results of that
    // minute (the window's last minute may have just begun when the probes stopped, so the
    // range ends with the newest such result rather than at offlineTo).
    const away = stored.filter((r) => r.ts >= offlineFrom && r.ts <= offlineTo).map((r) => r.ts);
    const from = Math.floor(offlineFrom / MINUTE) * MINUTE;
    const to = Math.floor(Math.max(...away) / MINUTE) * MINUTE + MINUTE;
    const chart = temp.store.chartSeries({ monitorId: 'api', from, to });
    expect(chart.resolution).toBe('minute');
    const minuteOf = (ts: number) => Math.floor(ts / MINUTE) * MINUTE;
    const rawCounts = chart.points.map((p) => ({
      start: p.start,
      count: stored.filter((r) => minuteOf(r.ts) === p.start).length,
    }));
    expect(chart.points.map((p) => ({ start: p.start, count: p.count }))).toEqual(rawCounts);
    expect(chart.points.length).toBeGreaterThanOrEqual(1);
    for (const point of chart.points) expect(point.count).toBeGreaterThan(0);
  }, 120_000);
});
