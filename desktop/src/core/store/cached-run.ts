import { type RollupBucket, RunBuilder } from '@vantage/shared';
import type { HourCounts } from './recent-hours.js';
import { RESOLUTIONS, type ResolutionIndex, RUN_BUCKETS, runEntries } from './rollup-rows.js';

/**
 * One stored run (a row of `rollup_runs`) in memory: its bytes with each entry's place in them,
 * and the buckets ingest decoded to fold into. Only buckets folded into since the run was last
 * written are re-encoded; the others are copied as bytes, so a run of 60 minutes costs one encode
 * per changed bucket.
 */
export interface CachedRun {
  readonly start: number;
  /**
   * The run's bytes as last written or read; empty when it has none yet. Null once a long run is
   * written: its row holds them, and the newest run of every line would otherwise keep a copy of
   * its whole hour or day resident ({@link dropWritten}, {@link restoreBytes}).
   */
  bytes: Uint8Array | null;
  /** How many bytes the run had when last written or read. */
  length: number;
  /** Per index: where its entry begins in `bytes`, -1 when the run has no bucket there. */
  readonly begin: Int32Array;
  /** Per index: where its entry ends in `bytes`. */
  readonly end: Int32Array;
  /** Per index: the decoded bucket, for those folded into (the newest and the unwritten stay between batches). */
  readonly open: Array<RollupBucket | undefined>;
  /** Per index: the batch that last folded into it. */
  readonly marks: Int32Array;
  /** The batch in which the run was last written: buckets marked later are not in `bytes` yet. */
  savedIn: number;
  /** The batch that last folded into it. */
  touchedIn: number;
}

/** A run with no buckets yet. */
export function newRun(start: number, r: ResolutionIndex): CachedRun {
  const length = RUN_BUCKETS[r]!;
  return {
    start,
    bytes: new Uint8Array(0),
    length: 0,
    begin: new Int32Array(length).fill(-1),
    end: new Int32Array(length).fill(-1),
    open: new Array<RollupBucket | undefined>(length).fill(undefined),
    marks: new Int32Array(length),
    savedIn: 0,
    touchedIn: 0,
  };
}

/** A run read from its row; throws if its bytes do not split into entries (ingest must not fold into them). */
export function storedRun(start: number, r: ResolutionIndex, bytes: Uint8Array, where: string): CachedRun {
  const entries = runEntries(bytes, r);
  if (entries === null) throw new Error(`rollup run ${where}/${RESOLUTIONS[r]}@${start} does not decode`);
  const run = newRun(start, r);
  run.bytes = bytes;
  run.length = bytes.length;
  for (const entry of entries) {
    run.begin[entry.index] = entry.bytes.byteOffset - bytes.byteOffset;
    run.end[entry.index] = entry.bytes.byteOffset - bytes.byteOffset + entry.bytes.length;
  }
  return run;
}

/** The bytes a run was written with, read back from its row after {@link dropWritten}; throws if they are not those bytes. */
export function restoreBytes(run: CachedRun, bytes: Uint8Array | undefined, where: string): Uint8Array {
  if (bytes?.length !== run.length) {
    throw new Error(`rollup run ${where}@${run.start} changed on disk since it was written`);
  }
  run.bytes = bytes;
  return bytes;
}

/** Runs up to this many bytes (a few entries) stay in memory when written: reading them back would cost more. */
const KEEP_WRITTEN_BYTES = 256;

/** Lets go of the bytes of a written run past {@link KEEP_WRITTEN_BYTES}; call once the row is saved. */
export function dropWritten(run: CachedRun): void {
  if (run.length > KEEP_WRITTEN_BYTES) run.bytes = null;
}

/** Whether bucket `index` of a run was folded into since the run was last written. */
export function unwritten(run: CachedRun, index: number): boolean {
  return run.marks[index]! > run.savedIn;
}

const builder = new RunBuilder();

/**
 * Re-encodes the buckets folded into since the run was last written and copies the rest: each
 * stretch of unchanged entries is one contiguous range of the old bytes, so a run changed at its
 * end copies its start in one piece. Entries are encoded straight into the new run's buffer.
 * `batch` is the current batch: the run counts as written in it.
 */
export function rewrite(run: CachedRun, batch: number): void {
  const old = loadedBytes(run);
  builder.begin();
  let copyFrom = -1;
  let copyTo = -1;
  for (let i = 0; i < run.begin.length; i++) {
    const begin = run.begin[i]!;
    const end = run.end[i]!;
    if (run.marks[i]! > run.savedIn) {
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
  run.length = run.bytes.length;
  run.savedIn = batch;
}

/**
 * Drops the decoded buckets a run no longer needs: those already written, except the newest (the
 * one the next results will likely reach). Unwritten buckets stay: their counts are nowhere else.
 */
export function closeOlderBuckets(run: CachedRun): void {
  let newest = -1;
  for (let i = run.open.length - 1; i >= 0; i--) {
    if (run.open[i] === undefined) continue;
    if (newest < 0) newest = i;
    else if (!unwritten(run, i)) run.open[i] = undefined;
  }
}

/** The counts of every bucket a run holds, written or not, by index (what a read of the run after writing it would give). */
export function runCounts(run: CachedRun, r: ResolutionIndex): Map<number, HourCounts> {
  const out = new Map<number, HourCounts>();
  for (const entry of runEntries(loadedBytes(run), r) ?? []) out.set(entry.index, entry);
  run.open.forEach((bucket, index) => {
    if (bucket !== undefined) out.set(index, bucket);
  });
  return out;
}

function loadedBytes(run: CachedRun): Uint8Array {
  if (run.bytes === null) throw new Error(`rollup run @${run.start} used before its bytes were read back`);
  return run.bytes;
}
