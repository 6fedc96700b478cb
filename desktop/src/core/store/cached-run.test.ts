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
import {
  closeOlderBuckets,
  dropWritten,
  newRun,
  restoreBytes,
  rewrite,
  runCounts,
  unwritten,
} from './cached-run.js';

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
  maxLength: 60,
});

describe('rewrite', () => {
  it('writes the bytes of every bucket of the run, whichever minutes the batches since the last write touched', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(batchArb, fc.boolean()), { minLength: 1, maxLength: 8 }), (batches) => {
        const run = newRun(HOUR, 0);
        const buckets = new Map<number, RollupBucket>();
        // The row as the last write left it, which the cache reads back once the run let go of its bytes.
        let row: Uint8Array = new Uint8Array(0);
        batches.forEach(([checks, write], b) => {
          const batch = b + 1;
          for (const [index, latencyMs] of checks) {
            // As the cache does: a bucket closed after an earlier write is decoded again from the bytes.
            run.open[index] = fold(buckets, index, latencyMs);
            run.marks[index] = batch;
            run.touchedIn = batch;
          }
          // The last batch always writes, so every property run checks the bytes at least once.
          if (write || b === batches.length - 1) {
            if (run.bytes === null) restoreBytes(run, row.slice(), 'test');
            rewrite(run, batch);
            expect(run.savedIn).toBe(batch);
            const indices = [...buckets.keys()].sort((x, y) => x - y);
            const entries = indices.map((i) => encodeRunEntry(buckets.get(i)!, i));
            expect(run.bytes).toEqual(joinRunEntries(entries));
            expect(splitBucketRun(run.bytes!, 60).ok).toBe(true);
            // Each entry's place, which the next write copies unchanged entries from.
            const bytes = run.bytes!;
            indices.forEach((i, n) => expect(bytes.subarray(run.begin[i], run.end[i])).toEqual(entries[n]));
            row = bytes;
            dropWritten(run);
            // A long run keeps only its entries' places; a short one keeps its bytes.
            expect(run.bytes === null).toBe(bytes.length > 256);
          }
          // As every batch's end does: only written buckets may be dropped (all but the newest).
          closeOlderBuckets(run);
          for (let i = 0; i < 60; i++) {
            if (unwritten(run, i)) expect(run.open[i]).toBe(buckets.get(i));
          }
        });
      }),
      { numRuns: 300 },
    );
  });
});

describe('restoreBytes', () => {
  it('refuses bytes read back that are not the ones the run was written with', () => {
    const run = newRun(HOUR, 0);
    const buckets = new Map<number, RollupBucket>();
    for (let i = 0; i < 60; i++) {
      for (const ms of [10, 250, 900]) run.open[i] = fold(buckets, i, ms + i);
      run.marks[i] = 1;
    }
    rewrite(run, 1);
    const written = run.bytes!;
    dropWritten(run);
    expect(run.bytes).toBeNull();
    expect(() => restoreBytes(run, written.subarray(0, written.length - 1), 'm/r/minute')).toThrow(
      /rollup run m\/r\/minute@\d+ changed on disk since it was written/,
    );
    expect(() => restoreBytes(run, undefined, 'm/r/minute')).toThrow(/changed on disk/);
    expect(run.bytes).toBeNull();
    expect(restoreBytes(run, written.slice(), 'm/r/minute')).toEqual(written);
  });
});

describe('runCounts', () => {
  it('gives the counts of written and unwritten buckets alike', () => {
    const run = newRun(HOUR, 0);
    const buckets = new Map<number, RollupBucket>();
    run.open[3] = fold(buckets, 3, 10);
    run.marks[3] = 1;
    rewrite(run, 1);
    closeOlderBuckets(run);
    run.open[5] = fold(buckets, 5, 950);
    run.marks[5] = 2;
    closeOlderBuckets(run);
    // Bucket 3 now lives in the bytes only, bucket 5 in memory only.
    expect(run.open[3]).toBeUndefined();
    expect(Object.fromEntries(runCounts(run, 0))).toMatchObject({
      3: { up: 1, down: 0 },
      5: { up: 0, down: 1 },
    });
  });
});
