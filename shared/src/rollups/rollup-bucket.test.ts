import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CheckState } from '../results/check-result.js';
import { sketchContent } from './latency-sketch.js';
import {
  addResult,
  addSample,
  type BucketKey,
  emptyBucket,
  foldSample,
  type LatencySample,
  meanLatencyMs,
  mergeBuckets,
  quantile,
  type RollupBucket,
} from './rollup-bucket.js';
import { checkUptime } from './uptime.js';

const MINUTE = Date.UTC(2025, 5, 1, 12, 30);
const key: BucketKey = { monitorId: 'api', region: 'eu-west', resolution: 'minute', start: MINUTE };

function bucketOf(samples: Array<Partial<LatencySample>>): RollupBucket {
  const bucket = emptyBucket(key);
  for (const s of samples) addResult(bucket, { ts: MINUTE, state: 'up', latencyMs: 100, ...s });
  return bucket;
}

/** Everything a user can read from a bucket, as plain data. */
function observe(bucket: RollupBucket) {
  const { sketch, ...fields } = bucket;
  return {
    ...fields,
    sketch: sketchContent(sketch),
    mean: meanLatencyMs(bucket),
    quantiles: [0, 0.5, 0.95, 0.99, 1].map((q) => quantile(bucket, q)),
  };
}

const state = fc.constantFrom<CheckState>('up', 'degraded', 'down');
const latencyMs = fc.oneof(
  fc.double({ min: 0, max: 60_000, noNaN: true }),
  fc.integer({ min: 0, max: 2_000 }),
  fc.double({ min: 5, max: 400, noNaN: true }),
);
const sample = fc.record({ ts: fc.integer({ min: MINUTE, max: MINUTE + 59_999 }), state, latencyMs });
const bucketArb = fc.array(sample, { maxLength: 40 }).map(bucketOf);

describe('addResult', () => {
  it('counts each state and keeps down results out of the latency figures', () => {
    const bucket = bucketOf([
      { state: 'up', latencyMs: 120 },
      { state: 'degraded', latencyMs: 900.5 },
      { state: 'down', latencyMs: 30_000 },
      { state: 'up', latencyMs: 80.25 },
    ]);
    expect(bucket).toMatchObject({ up: 2, degraded: 1, down: 1, count: 4 });
    expect(bucket.latencySumUs).toBe(1_100_750);
    expect(bucket.latencyMinUs).toBe(80_250);
    expect(bucket.latencyMaxUs).toBe(900_500);
    expect(meanLatencyMs(bucket)).toBeCloseTo(1100.75 / 3, 9);
  });

  it('rounds latencies to whole microseconds', () => {
    expect(bucketOf([{ latencyMs: 12.3456 }]).latencySumUs).toBe(12_346);
  });

  it('folds a result worked out once into several buckets as it folds it into each', () => {
    const withMaintenance = fc.record({
      ts: fc.integer({ min: MINUTE, max: MINUTE + 59_999 }),
      state,
      latencyMs,
      maintenance: fc.boolean(),
    });
    fc.assert(
      fc.property(fc.array(withMaintenance, { maxLength: 40 }), (samples) => {
        const direct = emptyBucket(key);
        const once = [
          emptyBucket(key),
          emptyBucket({ ...key, resolution: 'hour', start: MINUTE - 30 * 60_000 }),
        ];
        const worked = foldSample({ ts: MINUTE, state: 'up', latencyMs: 1 });
        for (const s of samples) {
          addResult(direct, s);
          foldSample(s, worked);
          for (const bucket of once) addSample(bucket, worked);
        }
        for (const bucket of once)
          expect(observe({ ...bucket, resolution: 'minute', start: MINUTE })).toEqual(observe(direct));
      }),
    );
  });

  const misuse: Array<[string, Partial<LatencySample>]> = [
    ['a result before the bucket', { ts: MINUTE - 1 }],
    ['a result after the bucket', { ts: MINUTE + 60_000 }],
    ['a negative latency', { latencyMs: -1 }],
    ['an infinite latency', { latencyMs: Number.POSITIVE_INFINITY }],
  ];
  it.each(misuse)('throws on %s', (_name, s) => {
    expect(() => bucketOf([s])).toThrow(RangeError);
  });
});

describe('emptyBucket', () => {
  it('refuses a start that is not aligned to its resolution', () => {
    expect(() => emptyBucket({ ...key, start: MINUTE + 1 })).toThrow(/aligned/);
  });

  it('has no latency figures rather than zeros', () => {
    const bucket = emptyBucket(key);
    expect(quantile(bucket, 0.5)).toBeNull();
    expect(meanLatencyMs(bucket)).toBeNull();
  });
});

describe('quantile', () => {
  it('is within 1 % of the true percentile of 1 … 1000 ms', () => {
    const bucket = bucketOf(Array.from({ length: 1000 }, (_, i) => ({ latencyMs: i + 1 })));
    for (const [q, truth] of [
      [0.5, 500],
      [0.95, 950],
      [0.99, 990],
    ] as const) {
      expect(Math.abs(quantile(bucket, q)! - truth) / truth).toBeLessThanOrEqual(0.011);
    }
  });

  it('never reads above the slowest or below the fastest result', () => {
    const bucket = bucketOf([{ latencyMs: 101 }, { latencyMs: 101 }, { latencyMs: 101 }]);
    expect(quantile(bucket, 0)).toBe(101);
    expect(quantile(bucket, 0.99)).toBe(101);
  });

  it('is null for a bucket with only down results', () => {
    expect(quantile(bucketOf([{ state: 'down' }]), 0.5)).toBeNull();
  });

  it('rejects a quantile outside 0 … 1', () => {
    expect(() => quantile(bucketOf([{}]), 1.5)).toThrow(RangeError);
  });
});

describe('mergeBuckets', () => {
  it('adds counts and sums and keeps the extreme latencies', () => {
    const merged = mergeBuckets(
      bucketOf([{ latencyMs: 50 }, { state: 'down' }]),
      bucketOf([{ latencyMs: 70 }]),
    );
    expect(observe(merged)).toMatchObject({ up: 2, down: 1, count: 3, latencySumUs: 120_000 });
    expect(merged.latencyMinUs).toBe(50_000);
    expect(merged.latencyMaxUs).toBe(70_000);
    expect(merged.sketch.count).toBe(2);
  });

  it('refuses buckets of different monitors, regions, resolutions or starts', () => {
    const other = emptyBucket({ ...key, region: 'us-east' });
    expect(() => mergeBuckets(bucketOf([{}]), other)).toThrow(/cannot merge/);
  });

  it('is commutative', () => {
    fc.assert(
      fc.property(bucketArb, bucketArb, (a, b) => {
        expect(observe(mergeBuckets(a, b))).toEqual(observe(mergeBuckets(b, a)));
      }),
    );
  });

  it('is associative', () => {
    fc.assert(
      fc.property(bucketArb, bucketArb, bucketArb, (a, b, c) => {
        expect(observe(mergeBuckets(mergeBuckets(a, b), c))).toEqual(
          observe(mergeBuckets(a, mergeBuckets(b, c))),
        );
      }),
    );
  });

  it('has the empty bucket as identity', () => {
    fc.assert(
      fc.property(bucketArb, (a) => {
        expect(observe(mergeBuckets(a, emptyBucket(key)))).toEqual(observe(a));
      }),
    );
  });

  it('leaves both inputs unchanged, even when one is added to afterwards', () => {
    fc.assert(
      fc.property(bucketArb, bucketArb, (a, b) => {
        const before = [observe(a), observe(b)];
        const merged = mergeBuckets(a, b);
        const mergedBefore = observe(merged);
        expect([observe(a), observe(b)]).toEqual(before);
        addResult(a, { ts: MINUTE, state: 'up', latencyMs: 12_345 });
        addResult(b, { ts: MINUTE, state: 'up', latencyMs: 1 });
        expect(observe(merged)).toEqual(mergedBefore);
      }),
    );
  });
});

describe('results during maintenance', () => {
  it('are counted apart and never as up, degraded or down, so uptime and latency ignore them', () => {
    const bucket = emptyBucket(key);
    addResult(bucket, { ts: key.start + 1, state: 'up', latencyMs: 10 });
    addResult(bucket, { ts: key.start + 2, state: 'down', latencyMs: 0, maintenance: true });
    addResult(bucket, { ts: key.start + 3, state: 'degraded', latencyMs: 900, maintenance: true });
    expect(bucket).toMatchObject({
      up: 1,
      degraded: 0,
      down: 0,
      count: 1,
      maintenance: 2,
      latencyMaxUs: 10_000,
    });
    expect(checkUptime([bucket])).toBe(1);
  });

  it('add up when buckets merge, and a bucket without any stays free of the field', () => {
    const a = emptyBucket(key);
    const b = emptyBucket(key);
    addResult(a, { ts: key.start, state: 'down', latencyMs: 0, maintenance: true });
    addResult(b, { ts: key.start, state: 'up', latencyMs: 5 });
    expect(mergeBuckets(a, b).maintenance).toBe(1);
    expect('maintenance' in mergeBuckets(b, b)).toBe(false);
  });
});
