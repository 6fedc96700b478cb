import { z } from 'zod';
import type { FieldError } from '../errors.js';
import { err, ok, type Result } from '../result.js';
import { CheckResult, RegionName } from '../results/check-result.js';
import { bucketStart, Resolution } from './resolution.js';
import type { RollupBucket } from './rollup-bucket.js';
import { decodeSketch, encodeSketch } from './sketch-codec.js';

const safeInt = z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER);

/**
 * A bucket as one SQLite row: the key and counts as integer columns, the latency sketch as a
 * BLOB. `count` is not stored: it is always up + degraded + down.
 */
export const RollupRow = z.object({
  monitorId: CheckResult.shape.monitorId,
  region: RegionName,
  resolution: Resolution,
  start: safeInt,
  up: safeInt,
  degraded: safeInt,
  down: safeInt,
  /** Results during maintenance (see RollupBucket); rows from before the column read as 0. */
  maintenance: safeInt.default(0),
  latencySumUs: safeInt,
  latencyMinUs: safeInt.nullable(),
  latencyMaxUs: safeInt.nullable(),
  /** {@link encodeSketch} bytes; better-sqlite3 returns BLOBs as Buffer, a Uint8Array. */
  sketch: z.custom<Uint8Array>(
    (value) => value instanceof Uint8Array,
    'must be bytes (a Uint8Array or Buffer)',
  ),
});
/** A bucket as one SQLite row. */
export type RollupRow = z.infer<typeof RollupRow>;

/** The row to store for a bucket. */
export function encodeBucket(bucket: RollupBucket): RollupRow {
  return {
    monitorId: bucket.monitorId,
    region: bucket.region,
    resolution: bucket.resolution,
    start: bucket.start,
    up: bucket.up,
    degraded: bucket.degraded,
    down: bucket.down,
    maintenance: bucket.maintenance ?? 0,
    latencySumUs: bucket.latencySumUs,
    latencyMinUs: bucket.latencyMinUs,
    latencyMaxUs: bucket.latencyMaxUs,
    sketch: encodeSketch(bucket.sketch),
  };
}

/**
 * The bucket a stored row holds. A row is a boundary (another version or a hand edit may have
 * written it), so it is validated, including that its parts agree: an aligned start, latency
 * fields present exactly when there are up or degraded results, min ≤ max, and a sketch holding
 * exactly up + degraded latencies.
 */
export function decodeBucket(input: unknown): Result<RollupBucket, FieldError[]> {
  const parsed = RollupRow.safeParse(input);
  if (!parsed.success) {
    return err(parsed.error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message })));
  }
  const row = parsed.data;
  const sketch = decodeSketch(row.sketch);
  if (!sketch.ok) return err([{ path: 'sketch', message: sketch.error }]);
  const answered = row.up + row.degraded;
  const errors: FieldError[] = [];
  if (bucketStart(row.start, row.resolution) !== row.start) {
    errors.push({ path: 'start', message: `must be aligned to a ${row.resolution}` });
  }
  if ((row.latencyMinUs === null) !== (answered === 0) || (row.latencyMaxUs === null) !== (answered === 0)) {
    errors.push({
      path: 'latencyMinUs',
      message: 'latency min and max must be set exactly when up + degraded > 0',
    });
  } else if (row.latencyMinUs !== null && row.latencyMaxUs !== null && row.latencyMinUs > row.latencyMaxUs) {
    errors.push({ path: 'latencyMinUs', message: `must not exceed latencyMaxUs (${row.latencyMaxUs})` });
  }
  if (answered === 0 && row.latencySumUs !== 0) {
    errors.push({ path: 'latencySumUs', message: 'must be 0 when there are no up or degraded results' });
  }
  if (sketch.value.count !== answered) {
    errors.push({
      path: 'sketch',
      message: `holds ${sketch.value.count} latencies but up + degraded is ${answered}`,
    });
  }
  if (errors.length > 0) return err(errors);
  const {
    monitorId,
    region,
    resolution,
    start,
    up,
    degraded,
    down,
    maintenance,
    latencySumUs,
    latencyMinUs,
    latencyMaxUs,
  } = row;
  const count = answered + down;
  return ok({
    monitorId,
    region,
    resolution,
    start,
    up,
    degraded,
    down,
    count,
    ...(maintenance > 0 ? { maintenance } : {}),
    latencySumUs,
    latencyMinUs,
    latencyMaxUs,
    sketch: sketch.value,
  });
}
