import type { CheckState } from '../results/check-result.js';
import { type LatencySketch, newSketch, sketchBin } from './latency-sketch.js';
import { bucketStart, RESOLUTION_MS, type Resolution } from './resolution.js';

/** What identifies a bucket: one monitor, one region, one resolution, one UTC start. */
export interface BucketKey {
  monitorId: string;
  region: string;
  resolution: Resolution;
  /** Epoch ms, aligned to the resolution in UTC (see {@link bucketStart}). */
  start: number;
}

/** The part of a check result a rollup reads. */
export interface LatencySample {
  ts: number;
  state: CheckState;
  latencyMs: number;
  /** Taken during a maintenance window: counted apart, never as up, degraded or down. */
  maintenance?: boolean;
}

/**
 * Aggregated results of one monitor in one region over one bucket of time.
 *
 * Latency statistics cover only results that answered (up or degraded): a refused connection
 * (~0 ms) or a timeout (the full wait) says nothing about how fast the service is, and would
 * flatten or blow up every latency chart during an outage. So the latency count is
 * `up + degraded`, and down results only count towards `down` and `count`.
 *
 * Latencies are integer microseconds so that sums merge exactly: integer addition below 2⁵³
 * (≈ 285 years of summed latency) is associative, float addition is not, and a day rolled up from
 * minutes must equal a day built from the raw results.
 */
export interface RollupBucket extends BucketKey {
  up: number;
  degraded: number;
  down: number;
  /** up + degraded + down. */
  count: number;
  /**
   * Results taken during a maintenance window: outside `count`, the latencies and uptime, so
   * planned work never reads as downtime. Absent when 0, so buckets written before the field
   * existed compare equal to new ones.
   */
  maintenance?: number;
  /** Sum of the latencies of up and degraded results, integer µs. */
  latencySumUs: number;
  /** Smallest latency of an up or degraded result, integer µs; null when there is none. */
  latencyMinUs: number | null;
  /** Largest latency of an up or degraded result, integer µs; null when there is none. */
  latencyMaxUs: number | null;
  /** Quantile sketch of the same latencies. Mutable: serialize it with the rollup codec. */
  sketch: LatencySketch;
}

/** A bucket with no results; throws if `start` is not aligned to the resolution (a caller bug). */
export function emptyBucket(key: BucketKey): RollupBucket {
  if (bucketStart(key.start, key.resolution) !== key.start) {
    throw new RangeError(`bucket start ${key.start} is not aligned to a ${key.resolution}`);
  }
  return {
    monitorId: key.monitorId,
    region: key.region,
    resolution: key.resolution,
    start: key.start,
    up: 0,
    degraded: 0,
    down: 0,
    count: 0,
    latencySumUs: 0,
    latencyMinUs: null,
    latencyMaxUs: null,
    sketch: newSketch(),
  };
}

/** A latency in ms as the integer µs that buckets store; throws on negative or non-finite input. */
export function toMicros(latencyMs: number): number {
  if (!Number.isFinite(latencyMs) || latencyMs < 0) {
    throw new RangeError(`latency must be a finite, non-negative number of ms, got ${latencyMs}`);
  }
  // `+ 0` turns -0 into 0 so that equal buckets compare and encode identically.
  return Math.round(latencyMs * 1000) + 0;
}

/**
 * What folding one result adds to a bucket, worked out once by {@link foldSample} so that a result
 * folded into several buckets (ingest folds each into six) converts its latency and finds its
 * sketch bin once.
 */
export interface FoldSample {
  /** How the result counts: by its state, or apart when taken during maintenance. */
  kind: CheckState | 'maintenance';
  /** Latency in integer µs; 0 unless up or degraded. */
  us: number;
  /** The latency's sketch bin (`sketchBin`); 0 unless up or degraded. */
  bin: number;
}

/**
 * Fills `into` (a new object if not given) with what folding `sample` adds to a bucket. Throws, as
 * {@link addResult} does, on a negative or non-finite latency of an up or degraded result.
 */
export function foldSample(sample: LatencySample, into?: FoldSample): FoldSample {
  const out = into ?? { kind: 'up', us: 0, bin: 0 };
  out.us = 0;
  out.bin = 0;
  if (sample.maintenance === true) out.kind = 'maintenance';
  else {
    out.kind = sample.state;
    if (sample.state !== 'down') {
      out.us = toMicros(sample.latencyMs);
      out.bin = sketchBin(out.us);
    }
  }
  return out;
}

/**
 * Folds a {@link foldSample} into `bucket` in place, unchecked: the caller picked the bucket from
 * the result's time. The one place results are counted; {@link addResult} folds through it.
 */
export function addSample(bucket: RollupBucket, sample: FoldSample): void {
  if (sample.kind === 'maintenance') {
    bucket.maintenance = (bucket.maintenance ?? 0) + 1;
    return;
  }
  bucket.count += 1;
  if (sample.kind === 'down') {
    bucket.down += 1;
    return;
  }
  if (sample.kind === 'up') bucket.up += 1;
  else bucket.degraded += 1;
  const us = sample.us;
  bucket.latencySumUs += us;
  bucket.latencyMinUs = bucket.latencyMinUs === null ? us : Math.min(bucket.latencyMinUs, us);
  bucket.latencyMaxUs = bucket.latencyMaxUs === null ? us : Math.max(bucket.latencyMaxUs, us);
  bucket.sketch.acceptBin(sample.bin);
}

const scratchSample: FoldSample = { kind: 'up', us: 0, bin: 0 };

/**
 * Folds one result into `bucket` in place. In place on purpose: copying the sketch per result
 * would dominate folding. Throws if the result falls outside the bucket's time (a caller bug).
 */
export function addResult(bucket: RollupBucket, sample: LatencySample): void {
  if (sample.ts < bucket.start || sample.ts >= bucket.start + RESOLUTION_MS[bucket.resolution]) {
    throw new RangeError(
      `result at ${sample.ts} is outside the ${bucket.resolution} bucket at ${bucket.start}`,
    );
  }
  addSample(bucket, foldSample(sample, scratchSample));
}

/** True when both buckets have the same monitor, region, resolution and start. */
export function sameBucketKey(a: BucketKey, b: BucketKey): boolean {
  return (
    a.monitorId === b.monitorId &&
    a.region === b.region &&
    a.resolution === b.resolution &&
    a.start === b.start
  );
}

/**
 * A new bucket holding the results of both. Associative and commutative, inputs unchanged.
 * Throws if the keys differ; to roll buckets up into a coarser one use `rollupRange`.
 */
export function mergeBuckets(a: RollupBucket, b: RollupBucket): RollupBucket {
  if (!sameBucketKey(a, b)) {
    throw new RangeError(
      `cannot merge bucket ${a.monitorId}/${a.region}/${a.resolution}@${a.start} with ${b.monitorId}/${b.region}/${b.resolution}@${b.start}`,
    );
  }
  const merged = emptyBucket(a);
  absorbBucket(merged, a);
  absorbBucket(merged, b);
  return merged;
}

/**
 * Adds the content of `from` into `into` in place, whatever their keys. For rollup builders that
 * own `into`; everyone else wants {@link mergeBuckets}.
 */
export function absorbBucket(into: RollupBucket, from: RollupBucket): void {
  absorbCounts(into, from);
  // Merging copies `from`'s bins: `from` is never shared with `into`.
  into.sketch.merge(from.sketch);
}

/**
 * {@link absorbBucket} without the sketch: the counts, sums and extremes. For callers that gather
 * the sketches another way (a bin tally).
 */
export function absorbCounts(into: RollupBucket, from: RollupBucket): void {
  into.up += from.up;
  into.degraded += from.degraded;
  into.down += from.down;
  into.count += from.count;
  if (from.maintenance !== undefined && from.maintenance > 0)
    into.maintenance = (into.maintenance ?? 0) + from.maintenance;
  into.latencySumUs += from.latencySumUs;
  into.latencyMinUs = pickOrNull(into.latencyMinUs, from.latencyMinUs, Math.min);
  into.latencyMaxUs = pickOrNull(into.latencyMaxUs, from.latencyMaxUs, Math.max);
}

function pickOrNull(
  a: number | null,
  b: number | null,
  pick: (x: number, y: number) => number,
): number | null {
  if (a === null) return b;
  if (b === null) return a;
  return pick(a, b);
}

/** How many latencies the bucket holds: its up and degraded results. */
export function latencyCount(bucket: RollupBucket): number {
  return bucket.up + bucket.degraded;
}

/**
 * The latency in ms at quantile `q` (0 … 1) of the bucket's up and degraded results, or null when
 * it has none. Within 1 % of a latency really seen, and clamped to the exact min and max so that
 * a p99 never reads above the slowest result.
 */
export function quantile(bucket: RollupBucket, q: number): number | null {
  if (!(q >= 0 && q <= 1)) throw new RangeError(`quantile must be within 0 … 1, got ${q}`);
  if (bucket.latencyMinUs === null || bucket.latencyMaxUs === null) return null;
  const us = bucket.sketch.getValueAtQuantile(q);
  return Math.min(Math.max(us, bucket.latencyMinUs), bucket.latencyMaxUs) / 1000;
}

/** Mean latency in ms of the bucket's up and degraded results, or null when it has none. */
export function meanLatencyMs(bucket: RollupBucket): number | null {
  const n = latencyCount(bucket);
  return n === 0 ? null : bucket.latencySumUs / n / 1000;
}
