import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CheckState } from '../results/check-result.js';
import { sketchContent } from './latency-sketch.js';
import { emptyBucket, meanLatencyMs, mergeBuckets, quantile, type RollupBucket } from './rollup-bucket.js';
import { foldResults, type RollupInput, rollupRange } from './rollup-builder.js';

const DAY = Date.UTC(2025, 5, 1);
const at = (h: number, m: number, s = 0) => DAY + ((h * 60 + m) * 60 + s) * 1000;
const result = (r: Partial<RollupInput>): RollupInput => ({
  monitorId: 'api',
  region: 'eu-west',
  ts: at(12, 0),
  state: 'up',
  latencyMs: 100,
  ...r,
});

/** Everything a user can read from a bucket, as plain data. */
function observe(bucket: RollupBucket) {
  const { sketch, ...fields } = bucket;
  return {
    ...fields,
    sketch: sketchContent(sketch),
    mean: meanLatencyMs(bucket),
    quantiles: [0.5, 0.95, 0.99].map((q) => quantile(bucket, q)),
  };
}

const resultArb = fc.record({
  monitorId: fc.constantFrom('api', 'web', 'a\u0000b'),
  region: fc.constantFrom('eu-west', 'us-east'),
  ts: fc.integer({ min: DAY, max: DAY + 86_399_999 }),
  state: fc.constantFrom<CheckState>('up', 'up', 'up', 'degraded', 'down'),
  // Fractional milliseconds with many digits: float sums of these depend on the order of addition.
  latencyMs: fc.oneof(
    fc.double({ min: 0.001, max: 3_000, noNaN: true }),
    fc.double({ min: 0, max: 60_000, noNaN: true }),
  ),
});
const dayOfResults = fc.array(resultArb, { minLength: 1, maxLength: 300 });

describe('foldResults', () => {
  it('makes one minute bucket per monitor, region and minute, sorted', () => {
    const buckets = foldResults([
      result({ ts: at(12, 1, 30) }),
      result({ ts: at(12, 0, 59) }),
      result({ ts: at(12, 0, 1), state: 'down' }),
      result({ ts: at(12, 0, 5), region: 'us-east' }),
      result({ ts: at(12, 0, 5), monitorId: 'web' }),
    ]);
    expect(buckets.map((b) => [b.monitorId, b.region, b.start, b.count])).toEqual([
      ['api', 'eu-west', at(12, 0), 2],
      ['api', 'eu-west', at(12, 1), 1],
      ['api', 'us-east', at(12, 0), 1],
      ['web', 'eu-west', at(12, 0), 1],
    ]);
    expect(buckets[0]).toMatchObject({ resolution: 'minute', up: 1, down: 1 });
  });

  it('leaves out results from a probe that reported itself unhealthy', () => {
    const buckets = foldResults([
      result({ state: 'down', probeHealthy: false }),
      result({ probeHealthy: true }),
    ]);
    expect(buckets).toHaveLength(1);
    expect(buckets[0]).toMatchObject({ up: 1, down: 0, count: 1 });
  });

  it('gives nothing for no results', () => {
    expect(foldResults([])).toEqual([]);
  });
});

describe('rollupRange', () => {
  it('rolls minutes into the hours that contain them', () => {
    const hours = rollupRange(
      foldResults([result({ ts: at(9, 59, 59) }), result({ ts: at(10, 0) }), result({ ts: at(10, 59) })]),
      'hour',
    );
    expect(hours.map((b) => [b.resolution, b.start, b.count])).toEqual([
      ['hour', at(9, 0), 1],
      ['hour', at(10, 0), 2],
    ]);
  });

  it('refuses to split coarse buckets into finer ones', () => {
    expect(() =>
      rollupRange(
        [emptyBucket({ monitorId: 'api', region: 'eu-west', resolution: 'day', start: DAY })],
        'hour',
      ),
    ).toThrow(/cannot roll a day bucket up into hours/);
  });

  it('builds the same day from minute buckets as directly from the raw results', () => {
    fc.assert(
      fc.property(dayOfResults, (results) => {
        const direct = foldResults(results, 'day').map(observe);
        const minutes = foldResults(results, 'minute');
        expect(rollupRange(minutes, 'day').map(observe)).toEqual(direct);
        expect(rollupRange(rollupRange(minutes, 'hour'), 'day').map(observe)).toEqual(direct);
      }),
      { numRuns: 200 },
    );
  });

  it('gives the same buckets however ingest split the results into batches', () => {
    fc.assert(
      fc.property(dayOfResults, fc.array(fc.nat(), { maxLength: 5 }), (results, cuts) => {
        const edges = [...new Set(cuts.map((c) => c % results.length))].sort((a, b) => a - b);
        const batches = [0, ...edges].map((from, i) => results.slice(from, [...edges, results.length][i]));
        // Each batch folds into fresh buckets that merge into the stored ones, as the desktop ingests.
        const stored = new Map<string, RollupBucket>();
        for (const batch of batches) {
          for (const bucket of foldResults(batch, 'hour')) {
            const id = JSON.stringify([bucket.monitorId, bucket.region, bucket.start]);
            const existing = stored.get(id);
            stored.set(id, existing ? mergeBuckets(existing, bucket) : bucket);
          }
        }
        expect(rollupRange(stored.values(), 'hour').map(observe)).toEqual(
          foldResults(results, 'hour').map(observe),
        );
      }),
    );
  });
});
