import { absorbBucket, emptyBucket, type IncidentSpan, summarizeBucket } from '@vantage/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MonitorStatsView } from '../../contract/index.js';
import type { RangeBuckets } from '../store/index.js';
import { monitorIdOf, pagesOf, syntheticResults } from '../store/testing/result-fixtures.js';
import { type TempStore, tempStore } from '../store/testing/temp-store.js';
import { lineStats } from './line-stats.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const FROM = Date.UTC(2025, 2, 1);
const NOW = FROM + 3 * DAY + 12 * HOUR;

/** The same figures the plain way: every bucket merged, sketch included, with shared's absorbBucket. */
function mergedStats(range: RangeBuckets, incidents: readonly IncidentSpan[]): MonitorStatsView {
  const merged = emptyBucket({
    monitorId: range.monitorId,
    region: 'x',
    resolution: range.resolution,
    start: range.from,
  });
  for (const bucket of range.buckets) absorbBucket(merged, bucket);
  const summary = summarizeBucket(merged);
  return {
    monitorId: range.monitorId,
    region: range.region,
    from: range.from,
    to: range.to,
    uptime: summary.uptime,
    checks: summary.count,
    latency: summary.latency,
    incidents: incidents.filter((i) => i.openedAt < range.to && (i.resolvedAt ?? Infinity) >= range.from)
      .length,
  };
}

describe('lineStats', () => {
  let temp: TempStore;
  beforeAll(() => {
    temp = tempStore({ now: () => NOW });
    const log = syntheticResults({
      monitors: 3,
      regions: ['eu-west', 'us-east'],
      intervalMs: 300_000,
      from: FROM,
      count: 3 * 2 * 12 * 84,
      maintenanceRounds: [300, 330],
    });
    for (const page of pagesOf(log, 2000)) temp.store.ingestResults(page, { relay: 'ws://relay' });
  });
  afterAll(() => temp.dispose());

  const incidents = [{ openedAt: FROM + DAY, resolvedAt: FROM + DAY + HOUR }, { openedAt: NOW - HOUR }];

  it.each([
    ['days', FROM, NOW],
    ['hours', FROM + 5 * HOUR, NOW - 2 * HOUR],
    ['minutes', NOW - 3 * HOUR, NOW],
  ])(
    'gives the figures of merging every bucket over %s, from decoded and bulk buckets',
    (_label, from, to) => {
      for (let m = 0; m < 3; m++) {
        const range = temp.store.rangeBuckets({ monitorId: monitorIdOf(m), from, to });
        expect(range.buckets.length).toBeGreaterThan(0);
        const expected = mergedStats(range, incidents);
        expect(expected.latency).not.toBeNull();
        expect(lineStats(range, incidents)).toEqual(expected);
        const bulk = temp.store.bulkBuckets({
          monitorIds: [monitorIdOf(m)],
          resolution: range.resolution,
          from: range.from,
          to: range.to,
        });
        expect(lineStats({ ...range, buckets: bulk.buckets(monitorIdOf(m)) }, incidents)).toEqual(expected);
      }
    },
  );
});
