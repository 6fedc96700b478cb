import {
  absorbBucket,
  emptyBucket,
  type LatencySketch,
  type Resolution,
  type RollupBucket,
  SketchTally,
} from '@vantage/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { monitorIdOf, pagesOf, syntheticResults } from './testing/result-fixtures.js';
import { type TempStore, tempStore } from './testing/temp-store.js';
import { chartResolution, tallyBuckets } from './index.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const FROM = Date.UTC(2025, 2, 1);
/** Three days and a half of checks: days, hours and (the last two days) minutes are all kept. */
const NOW = FROM + 3 * DAY + 12 * HOUR;
const REGIONS = ['eu-west', 'us-east'];
const MONITORS = 5;

/** A sketch as a test compares it. */
const sketchContent = (s: LatencySketch) => ({ zeroCount: s.zeroCount, count: s.count, bins: s.bins() });

/** The sketch of buckets merged one by one, as shared's rollup functions merge them. */
function mergedSketch(buckets: readonly RollupBucket[]): LatencySketch {
  const merged = emptyBucket({ monitorId: 'm', region: 'r', resolution: 'minute', start: 0 });
  for (const b of buckets) absorbBucket(merged, b);
  return merged.sketch;
}

/** A bucket as a test compares it: its fields and its sketch's bins. */
function observe(bucket: RollupBucket) {
  return {
    monitorId: bucket.monitorId,
    region: bucket.region,
    resolution: bucket.resolution,
    start: bucket.start,
    up: bucket.up,
    degraded: bucket.degraded,
    down: bucket.down,
    count: bucket.count,
    maintenance: bucket.maintenance,
    latencySumUs: bucket.latencySumUs,
    latencyMinUs: bucket.latencyMinUs,
    latencyMaxUs: bucket.latencyMaxUs,
    sketch: sketchContent(bucket.sketch),
  };
}

/** The buckets `rangeBuckets` gives of one resolution starting within [from, to), asked for a window reading it. */
function oneByOne(
  temp: TempStore,
  monitorId: string,
  region: string | undefined,
  resolution: Resolution,
  from: number,
  to: number,
) {
  const window = resolution === 'day' ? 90 * DAY : resolution === 'hour' ? 90 * HOUR : to - from;
  const start = Math.min(from, to - window);
  expect(chartResolution(start, to, NOW)).toBe(resolution);
  return temp.store
    .rangeBuckets({ monitorId, ...(region === undefined ? {} : { region }), from: start, to })
    .buckets.filter((b) => b.start >= from && b.start < to);
}

describe('bulkBuckets', () => {
  let temp: TempStore;
  beforeAll(() => {
    temp = tempStore({ now: () => NOW });
    const log = syntheticResults({
      monitors: MONITORS,
      regions: REGIONS,
      intervalMs: 300_000,
      from: FROM,
      count: MONITORS * REGIONS.length * 12 * 84,
      maintenanceRounds: [300, 330],
    });
    for (const page of pagesOf(log, 2000)) temp.store.ingestResults(page, { relay: 'ws://relay' });
  });
  afterAll(() => temp.dispose());

  const ids = Array.from({ length: MONITORS }, (_, m) => monitorIdOf(m));
  it.each([
    ['days of all regions', undefined, 'day', FROM, NOW],
    ['days of a region from mid-day', 'us-east', 'day', FROM + 7 * HOUR, NOW],
    ['hours of all regions across three days', undefined, 'hour', FROM + DAY + 5 * HOUR, NOW - 3 * HOUR],
    ['minutes of a region within an hour', 'eu-west', 'minute', NOW - 20 * HOUR, NOW - 19 * HOUR],
  ] as const)(
    'gives each monitor the buckets a read of its own line gives: %s',
    (_label, region, resolution, from, to) => {
      const bulk = temp.store.bulkBuckets({
        monitorIds: [...ids, 'unknown', ids[1]!],
        ...(region === undefined ? {} : { region }),
        resolution,
        from,
        to,
      });
      for (const id of ids) {
        const expected = oneByOne(temp, id, region, resolution, from, to);
        expect(expected.length).toBeGreaterThan(0);
        const buckets = bulk.buckets(id);
        // Tallied from the bytes read (the line's own tally), before any sketch is decoded.
        const tally = new SketchTally();
        tallyBuckets(tally, buckets);
        expect(sketchContent(tally.sketch())).toEqual(sketchContent(mergedSketch(expected)));
        expect(buckets.map(observe)).toEqual(expected.map(observe));
      }
      expect(bulk.buckets('unknown')).toEqual([]);
    },
  );

  it('counts maintenance apart, as the decoded buckets do', () => {
    const bulk = temp.store.bulkBuckets({
      monitorIds: ids,
      resolution: 'hour',
      from: FROM,
      to: FROM + 2 * DAY,
    });
    const withMaintenance = bulk.buckets(monitorIdOf(0)).filter((b) => (b.maintenance ?? 0) > 0);
    expect(withMaintenance.length).toBeGreaterThan(0);
    expect(bulk.buckets(monitorIdOf(1)).some((b) => (b.maintenance ?? 0) > 0)).toBe(false);
  });

  it('tallies part of a line bucket by bucket', () => {
    const bulk = temp.store.bulkBuckets({ monitorIds: ids, resolution: 'hour', from: FROM, to: FROM + DAY });
    const part = bulk.buckets(monitorIdOf(2)).slice(3, 9);
    const tally = new SketchTally();
    tallyBuckets(tally, part);
    expect(part).toHaveLength(6);
    expect(sketchContent(tally.sketch())).toEqual(sketchContent(mergedSketch(part)));
  });
});
