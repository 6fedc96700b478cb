import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  type CheckResult,
  foldResults,
  type LoggedResult,
  type Resolution,
  rollupRange,
  summarizeBucket,
} from '@vantage/shared';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type ChartPoint, chartResolution, type DesktopStore, openDesktopStore } from './index.js';
import { monitorIdOf, pagesOf, syntheticResults } from './testing/result-fixtures.js';

const DAY = 86_400_000;
const FROM = Date.UTC(2025, 0, 1);
const DAYS = 32;
const NOW = FROM + DAYS * DAY;
const RELAY = 'ws://127.0.0.1:7070/ws';
const REGIONS = ['eu-west', 'us-east'];

let dir: string;
let store: DesktopStore;
let log: LoggedResult[];

/** Gives each test of the enclosing describe a fresh store holding 32 days of history. */
function withHistory(): void {
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'vantage-desktop-history-'));
    store = openDesktopStore(join(dir, 'vantage.db'), { now: () => NOW });
    // 3 monitors × 2 regions every 20 minutes for 32 days.
    log = [
      ...syntheticResults({
        monitors: 3,
        regions: REGIONS,
        intervalMs: 1_200_000,
        from: FROM,
        count: 3 * 2 * 72 * DAYS,
      }),
    ];
    for (const page of pagesOf(log, 1000)) store.ingestResults(page, { relay: RELAY });
  });
  afterEach(() => {
    store.close();
    rmSync(dir, { recursive: true, force: true });
  });
}

/** The chart points shared's rollup code gives for these results, independently of the store. */
function expectedPoints(
  results: readonly CheckResult[],
  resolution: Resolution,
  region: string,
): Map<number, ChartPoint> {
  const input = results.filter((r) => region === '*' || r.region === region).map((r) => ({ ...r, region }));
  const minutes = foldResults(input, 'minute');
  const buckets = resolution === 'minute' ? minutes : rollupRange(minutes, resolution);
  return new Map(
    buckets.map((b) => {
      const { monitorId: _m, region: _r, resolution: _res, ...point } = summarizeBucket(b);
      return [b.start, point];
    }),
  );
}

function checkPoints(points: ChartPoint[], expected: Map<number, ChartPoint>): void {
  for (const point of points) {
    const want = expected.get(point.start);
    if (want === undefined) expect(point).toMatchObject({ count: 0, uptime: null, latency: null });
    else expect(point).toEqual(want);
  }
}

describe('chartSeries', () => {
  withHistory();

  it('charts 30 days from hourly rollups, equal to shared summaries of the raw results, and unchanged once raw rows are pruned', () => {
    const monitor = monitorIdOf(1);
    const query = { monitorId: monitor, from: NOW - 30 * DAY, to: NOW };
    const chart = store.chartSeries(query);
    expect(chart).toMatchObject({
      monitorId: monitor,
      region: '*',
      resolution: 'hour',
      from: NOW - 30 * DAY,
      to: NOW,
    });
    expect(chart.points).toHaveLength(720);
    const expected = expectedPoints(
      log.filter((r) => r.monitorId === monitor),
      'hour',
      '*',
    );
    checkPoints(chart.points, expected);
    expect(chart.points.filter((p) => p.count > 0)).toHaveLength(720);
    expect(chart.points.some((p) => p.latency !== null && p.latency.p99Ms > p.latency.p50Ms)).toBe(true);

    store.settings.update({ rawRetentionDays: 1 });
    expect(store.pruneHistory().rawResults).toBeGreaterThan(log.length * 0.9);
    expect(store.chartSeries(query)).toEqual(chart);
  });

  it('charts one region on its own', () => {
    const monitor = monitorIdOf(2);
    const chart = store.chartSeries({ monitorId: monitor, region: 'us-east', from: NOW - 7 * DAY, to: NOW });
    expect(chart).toMatchObject({ region: 'us-east', resolution: 'hour' });
    checkPoints(
      chart.points,
      expectedPoints(
        log.filter((r) => r.monitorId === monitor),
        'hour',
        'us-east',
      ),
    );
  });

  it('charts an hour from minute rollups and 90 days from daily ones, with empty buckets as empty points', () => {
    const monitor = monitorIdOf(0);
    const mine = log.filter((r) => r.monitorId === monitor);
    const hour = store.chartSeries({ monitorId: monitor, from: NOW - 3_600_000, to: NOW });
    expect(hour.resolution).toBe('minute');
    expect(hour.points).toHaveLength(60);
    expect(hour.points.filter((p) => p.count > 0)).toHaveLength(3);
    checkPoints(hour.points, expectedPoints(mine, 'minute', '*'));

    const quarter = store.chartSeries({ monitorId: monitor, from: NOW - 90 * DAY, to: NOW });
    expect(quarter.resolution).toBe('day');
    expect(quarter.points).toHaveLength(90);
    expect(quarter.points.filter((p) => p.count > 0)).toHaveLength(DAYS);
    checkPoints(quarter.points, expectedPoints(mine, 'day', '*'));
  });

  it('gives empty points for a monitor with no history', () => {
    const chart = store.chartSeries({ monitorId: 'unknown', from: NOW - DAY, to: NOW });
    expect(chart.points).toHaveLength(1440);
    expect(chart.points.every((p) => p.count === 0)).toBe(true);
  });
});

describe('chartResolution', () => {
  it('follows shared chooseResolution, and reads coarser rows once the finer ones are past retention', () => {
    expect(chartResolution(NOW - 3_600_000, NOW, NOW)).toBe('minute');
    expect(chartResolution(NOW - 30 * DAY, NOW, NOW)).toBe('hour');
    expect(chartResolution(NOW - 365 * DAY, NOW, NOW)).toBe('day');
    // A day chart from three days ago: minute rows are kept 2 days, so hours.
    expect(chartResolution(NOW - 3 * DAY, NOW - 2.5 * DAY, NOW)).toBe('hour');
    // A week half a year ago: hour rows are kept 100 days, so days.
    expect(chartResolution(NOW - 180 * DAY, NOW - 173 * DAY, NOW)).toBe('day');
  });
});

describe('lastChecks', () => {
  withHistory();

  it('returns the newest checks of a monitor newest first, with phases, messages and status', () => {
    const monitor = monitorIdOf(1);
    const mine = log.filter((r) => r.monitorId === monitor).sort((a, b) => b.ts - a.ts);
    const checks = store.lastChecks(monitor, 5);
    const { cursor: _c, ...newest } = mine[0]!;
    expect(checks).toHaveLength(5);
    expect(checks[0]).toEqual(newest);
    expect(checks.map((c) => c.ts)).toEqual(mine.slice(0, 5).map((r) => r.ts));

    const east = store.lastChecks(monitor, 3, 'us-east');
    expect(east.map((c) => `${c.region}@${c.ts}`)).toEqual(
      mine
        .filter((r) => r.region === 'us-east')
        .slice(0, 3)
        .map((r) => `us-east@${r.ts}`),
    );
    const down = store.lastChecks(monitor, 400).find((c) => c.state === 'down');
    expect(down).toMatchObject({ message: 'connect ECONNREFUSED 127.0.0.1:9', attempts: 2 });
  });

  it('keeps verdicts only when a condition failed', () => {
    const [base] = [
      ...syntheticResults({ monitors: 1, regions: ['eu-west'], intervalMs: 60_000, from: NOW, count: 1 }),
    ];
    const verdict = { condition: 'status in 200..299', severity: 'down' as const };
    const passed = {
      ...base!,
      probeId: 'p2',
      seq: 1,
      cursor: 10_000_000,
      verdicts: [{ ...verdict, pass: true, message: 'status 200 is in 200..299' }],
    };
    const failed = {
      ...base!,
      probeId: 'p2',
      seq: 2,
      ts: NOW + 60_000,
      cursor: 10_000_001,
      state: 'down' as const,
      verdicts: [{ ...verdict, pass: false, message: 'status 503 is not in 200..299' }],
      certExpiresAt: NOW + 30 * DAY,
      certIssuer: "Let's Encrypt",
    };
    store.ingestResults([passed, failed], { relay: RELAY });
    const [newest, older] = store.lastChecks(base!.monitorId, 2, 'eu-west');
    const { cursor: _c, ...failedCheck } = failed;
    expect(newest).toEqual(failedCheck);
    expect(older).toMatchObject({ seq: 1, probeId: 'p2' });
    expect(older!.verdicts).toBeUndefined();
  });

  it('stops at what retention left', () => {
    store.settings.update({ rawRetentionDays: 1 });
    store.pruneHistory();
    const checks = store.lastChecks(monitorIdOf(0), 1000);
    expect(checks).toHaveLength(2 * 72);
    expect(Math.min(...checks.map((c) => c.ts))).toBeGreaterThanOrEqual(NOW - DAY);
  });
});
