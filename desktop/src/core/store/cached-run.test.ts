import {
  addResult,
  emptyBucket,
  encodeRunEntry,
  joinRunEntries,
  type RollupBucket,
  splitBucketRun,
} from '@vantage/shared';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { closeOlderBuckets, newRun, rewrite } from './cached-run.js';

const HOUR = Date.UTC(2025, 5, 1, 12);
const MINUTE = 60_000;

/** Folds a check into minute `index` of the hour, creating its bucket if absent. */
function fold(buckets: Map<number, RollupBucket>, index: number, latencyMs: number): RollupBucket {
  let bucket = buckets.get(index);
  if (bucket === undefined) {
    bucket = emptyBucket({
      monitorId: 'api',
      region: 'eu-west',
      resolution: 'minute',
      start: HOUR + index * MINUTE,
    });
    buckets.set(index, bucket);
  }
  addResult(bucket, { ts: bucket.start + 1, state: latencyMs > 900 ? 'down' : 'up', latencyMs });
  return bucket;
}

const batchArb = fc.array(fc.tuple(fc.integer({ min: 0, max: 59 }), fc.integer({ min: 0, max: 1000 })), {
  maxLength: 30,
});

describe('rewrite', () => {
  it('writes after each batch the bytes of every bucket of the run, whichever minutes the batches touched', () => {
    fc.assert(
      fc.property(fc.array(batchArb, { minLength: 1, maxLength: 4 }), (batches) => {
        const run = newRun(HOUR, 0);
        const buckets = new Map<number, RollupBucket>();
        batches.forEach((checks, b) => {
          const batch = b + 1;
          for (const [index, latencyMs] of checks) {
            run.open[index] = fold(buckets, index, latencyMs);
            run.marks[index] = batch;
            run.dirty = true;
          }
          if (!run.dirty) return;
          rewrite(run, batch);
          closeOlderBuckets(run);
          const indices = [...buckets.keys()].sort((x, y) => x - y);
          const entries = indices.map((i) => encodeRunEntry(buckets.get(i)!, i));
          expect(run.bytes).toEqual(joinRunEntries(entries));
          expect(splitBucketRun(run.bytes, 60).ok).toBe(true);
          // Each entry's place, which the next batch copies untouched entries from.
          indices.forEach((i, n) => expect(run.bytes.subarray(run.begin[i], run.end[i])).toEqual(entries[n]));
        });
      }),
      { numRuns: 200 },
    );
  });
});
