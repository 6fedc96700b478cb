import {
  decodeRunEntry,
  RESOLUTION_MS,
  type Resolution,
  type RollupBucket,
  type RunEntry,
  splitBucketRun,
} from '@vantage/shared';

/** The region of the rows that aggregate every region of a monitor. */
export const ALL_REGIONS = '*';

/** Resolutions by the integer the `rollup_runs.resolution` column stores. */
export const RESOLUTIONS: readonly Resolution[] = ['minute', 'hour', 'day'];

/** Index of a resolution in {@link RESOLUTIONS}: 0 minute, 1 hour, 2 day. */
export type ResolutionIndex = 0 | 1 | 2;

const DAY_MS = RESOLUTION_MS.day;

/**
 * How long rollup buckets of each resolution are kept. Minutes: 2 days, enough for the 24 h chart
 * (1,440 points) and yesterday's. Hours: 100 days, so every range up to 90 days (which charts read
 * hourly) has them. Days: forever (a monitor's whole life is a few kB a year). A chart whose range
 * starts before its resolution's horizon reads the next coarser resolution instead.
 */
export const ROLLUP_RETENTION_MS: Readonly<Record<Resolution, number>> = Object.freeze({
  minute: 2 * DAY_MS,
  hour: 100 * DAY_MS,
  day: Number.POSITIVE_INFINITY,
});

/**
 * Buckets per stored run, by resolution index: the minutes of a UTC hour, the hours of a UTC day,
 * one day. One row per run rather than per bucket: ingest writes a few hundred rows a batch instead
 * of two per result, and a 30-day chart reads 31 rows instead of 720.
 */
export const RUN_BUCKETS: readonly number[] = [60, 24, 1];

/** Milliseconds a run of each resolution index spans. */
export const RUN_MS: readonly number[] = RESOLUTIONS.map((r, i) => RESOLUTION_MS[r] * RUN_BUCKETS[i]!);

/** The start of the run of resolution index `r` holding the bucket that starts at `start`. */
export function runStart(start: number, r: ResolutionIndex): number {
  const span = RUN_MS[r]!;
  return Math.floor(start / span) * span;
}

/** A `rollup_runs` row as the chart and dashboard reads return it. */
export type RunRow = [line: number, start: number, buckets: Uint8Array];

/** The entries of a stored run, or null when its bytes do not decode (a newer version or a hand edit). */
export function runEntries(bytes: Uint8Array, r: ResolutionIndex): RunEntry[] | null {
  const entries = splitBucketRun(bytes, RUN_BUCKETS[r]!);
  return entries.ok ? entries.value : null;
}

/** The bucket an entry (at `index` of the run at `start`) holds, or null when it does not decode. */
export function entryBucket(
  entry: Uint8Array,
  index: number,
  r: ResolutionIndex,
  start: number,
  monitorId: string,
  region: string,
): RollupBucket | null {
  const resolution = RESOLUTIONS[r]!;
  const bucketStart = start + index * RESOLUTION_MS[resolution];
  const decoded = decodeRunEntry(entry, { monitorId, region, resolution, start: bucketStart });
  return decoded.ok ? decoded.value : null;
}

/**
 * The buckets of a stored run that start within [from, to), oldest first. For reads (charts,
 * range figures): a run or entry that does not decode reads as empty rather than failing every
 * chart that touches it; ingest, which must not fold into what it cannot read, throws instead.
 */
export function runBuckets(
  bytes: Uint8Array,
  r: ResolutionIndex,
  start: number,
  monitorId: string,
  region: string,
  from = Number.NEGATIVE_INFINITY,
  to = Number.POSITIVE_INFINITY,
): RollupBucket[] {
  const size = RESOLUTION_MS[RESOLUTIONS[r]!];
  const out: RollupBucket[] = [];
  for (const entry of runEntries(bytes, r) ?? []) {
    const at = start + entry.index * size;
    if (at < from || at >= to) continue;
    const bucket = entryBucket(entry.bytes, entry.index, r, start, monitorId, region);
    if (bucket !== null) out.push(bucket);
  }
  return out;
}
