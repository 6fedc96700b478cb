import { type RollupBucket, RunBuilder } from '@vantage/shared';
import { RESOLUTIONS, type ResolutionIndex, RUN_BUCKETS, runEntries } from './rollup-rows.js';

/**
 * One stored run (a row of `rollup_runs`) in memory: its bytes with each entry's place in them,
 * and the buckets ingest decoded to fold into. Only touched buckets are decoded and re-encoded;
 * the others are copied as bytes, so a run of 60 minutes costs one encode per new result.
 */
export interface CachedRun {
  readonly start: number;
  /** The run's bytes as last written or read; empty when it has none yet. */
  bytes: Uint8Array;
  /** Per index: where its entry begins in `bytes`, -1 when the run has no bucket there. */
  readonly begin: number[];
  /** Per index: where its entry ends in `bytes`. */
  readonly end: number[];
  /** Per index: the decoded bucket, for those folded into (the newest stays between batches). */
  readonly open: Array<RollupBucket | undefined>;
  /** Per index: the batch that last touched it. */
  readonly marks: number[];
  /** True when the current batch touched it and it has not been written since. */
  dirty: boolean;
}

/** A run with no buckets yet. */
export function newRun(start: number, r: ResolutionIndex): CachedRun {
  const length = RUN_BUCKETS[r]!;
  return {
    start,
    bytes: new Uint8Array(0),
    begin: new Array<number>(length).fill(-1),
    end: new Array<number>(length).fill(-1),
    open: new Array<RollupBucket | undefined>(length).fill(undefined),
    marks: new Array<number>(length).fill(0),
    dirty: false,
  };
}

/** A run read from its row; throws if its bytes do not split into entries (ingest must not fold into them). */
export function storedRun(start: number, r: ResolutionIndex, bytes: Uint8Array, where: string): CachedRun {
  const entries = runEntries(bytes, r);
  if (entries === null) throw new Error(`rollup run ${where}/${RESOLUTIONS[r]}@${start} does not decode`);
  const run = newRun(start, r);
  run.bytes = bytes;
  for (const entry of entries) {
    run.begin[entry.index] = entry.bytes.byteOffset - bytes.byteOffset;
    run.end[entry.index] = entry.bytes.byteOffset - bytes.byteOffset + entry.bytes.length;
  }
  return run;
}

const builder = new RunBuilder();

/**
 * Re-encodes the buckets of a run that batch `batch` touched and copies the rest: each stretch of
 * untouched entries is one contiguous range of the old bytes, so a batch that touched the end of a
 * run copies its start in one piece. Entries are encoded straight into the new run's buffer.
 */
export function rewrite(run: CachedRun, batch: number): void {
  builder.begin();
  const old = run.bytes;
  let copyFrom = -1;
  let copyTo = -1;
  for (let i = 0; i < run.begin.length; i++) {
    const begin = run.begin[i]!;
    const end = run.end[i]!;
    if (run.marks[i] === batch) {
      if (copyFrom >= 0) builder.copy(old, copyFrom, copyTo);
      copyFrom = -1;
      run.begin[i] = builder.length;
      builder.entry(run.open[i]!, i);
      run.end[i] = builder.length;
    } else if (begin >= 0) {
      if (begin !== copyTo || copyFrom < 0) {
        if (copyFrom >= 0) builder.copy(old, copyFrom, copyTo);
        copyFrom = begin;
      }
      copyTo = end;
      // Where the entry lands once the pending stretch is copied.
      const at = builder.length + (begin - copyFrom);
      run.begin[i] = at;
      run.end[i] = at + (end - begin);
    }
  }
  if (copyFrom >= 0) builder.copy(old, copyFrom, copyTo);
  run.bytes = builder.bytes();
  run.dirty = false;
}

/** Keeps only the newest decoded bucket of a run between batches: the one the next results will likely reach. */
export function closeOlderBuckets(run: CachedRun): void {
  let newest = -1;
  for (let i = run.open.length - 1; i >= 0; i--) {
    if (run.open[i] === undefined) continue;
    if (newest < 0) newest = i;
    else run.open[i] = undefined;
  }
}
