import {
  decodeBucket,
  encodeBucket,
  quantile,
  RESOLUTION_MS,
  type Resolution,
  type RollupBucket,
} from '@vantage/shared';

/** The region of the rows that aggregate every region of a monitor. */
export const ALL_REGIONS = '*';

/** Resolutions by the integer the `rollups.resolution` column stores. */
export const RESOLUTIONS: readonly Resolution[] = ['minute', 'hour', 'day'];

const DAY_MS = RESOLUTION_MS.day;

/**
 * How long rollup rows of each resolution are kept. Minutes: 2 days, enough for the 24 h chart
 * (1,440 points) and yesterday's. Hours: 100 days, so every range up to 90 days (which charts read
 * hourly) has them. Days: forever (a monitor's whole life is a few kB a year). A chart whose range
 * starts before its resolution's horizon reads the next coarser resolution instead.
 */
export const ROLLUP_RETENTION_MS: Readonly<Record<Resolution, number>> = Object.freeze({
  minute: 2 * DAY_MS,
  hour: 100 * DAY_MS,
  day: Number.POSITIVE_INFINITY,
});

/** A row of `rollups` as SQLite returns it. */
export interface StoredRollupRow {
  resolution: number;
  start: number;
  line: number;
  up: number;
  degraded: number;
  down: number;
  latency_sum_us: number;
  latency_min_us: number | null;
  latency_max_us: number | null;
  sketch: Uint8Array;
  p50_ms: number | null;
  p95_ms: number | null;
  p99_ms: number | null;
}

/** Columns written for a bucket whose latencies are all the same (or absent): no quantiles. */
export const PLAIN_COLUMNS =
  '(resolution, start, line, up, degraded, down, latency_sum_us, latency_min_us, latency_max_us, sketch)';
/** Columns written for any other bucket. */
export const QUANTILE_COLUMNS =
  '(resolution, start, line, up, degraded, down, latency_sum_us, latency_min_us, latency_max_us, sketch, p50_ms, p95_ms, p99_ms)';
/** Values per row of {@link PLAIN_COLUMNS}. */
export const PLAIN_ARITY = 10;
/** Values per row of {@link QUANTILE_COLUMNS}. */
export const QUANTILE_ARITY = 13;

/** True when every quantile of the bucket is its one latency (or it has none): no quantile columns needed. */
export function isPlain(bucket: RollupBucket): boolean {
  return bucket.latencyMinUs === bucket.latencyMaxUs;
}

/**
 * Writes a bucket's row (shared's encoding, plus its quantiles unless {@link isPlain}) into `args`
 * from `at` on, under resolution index `resolution` and line key `line`.
 */
export function writeRollupArgs(
  args: unknown[],
  at: number,
  bucket: RollupBucket,
  resolution: number,
  line: number,
): void {
  const row = encodeBucket(bucket);
  args[at] = resolution;
  args[at + 1] = row.start;
  args[at + 2] = line;
  args[at + 3] = row.up;
  args[at + 4] = row.degraded;
  args[at + 5] = row.down;
  args[at + 6] = row.latencySumUs;
  args[at + 7] = row.latencyMinUs;
  args[at + 8] = row.latencyMaxUs;
  args[at + 9] = row.sketch;
  if (isPlain(bucket)) return;
  args[at + 10] = quantile(bucket, 0.5);
  args[at + 11] = quantile(bucket, 0.95);
  args[at + 12] = quantile(bucket, 0.99);
}

// Shared's RollupRow takes region names only; `*` rows are decoded under a stand-in name.
const STAND_IN_REGION = 'all-regions';

/**
 * The bucket a stored row holds, validated by shared's decoder, for the monitor and region its
 * line stands for. Throws if the row does not decode (a format this build does not know): folding
 * into it would silently lose its counts.
 */
export function bucketFromRow(row: StoredRollupRow, monitorId: string, region: string): RollupBucket {
  const resolution = RESOLUTIONS[row.resolution];
  const decoded = decodeBucket({
    monitorId,
    region: region === ALL_REGIONS ? STAND_IN_REGION : region,
    resolution,
    start: row.start,
    up: row.up,
    degraded: row.degraded,
    down: row.down,
    latencySumUs: row.latency_sum_us,
    latencyMinUs: row.latency_min_us,
    latencyMaxUs: row.latency_max_us,
    sketch: row.sketch,
  });
  if (!decoded.ok) {
    const problems = decoded.error.map((e) => `${e.path}: ${e.message}`).join('; ');
    throw new Error(
      `rollup row ${monitorId}/${region}/${resolution}@${row.start} does not decode: ${problems}`,
    );
  }
  decoded.value.region = region;
  return decoded.value;
}
