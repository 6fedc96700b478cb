import type { CheckResult } from '../results/check-result.js';
import { bucketStart, nestsIn, type Resolution } from './resolution.js';
import { absorbBucket, addResult, type BucketKey, emptyBucket, type RollupBucket } from './rollup-bucket.js';

/** The part of a check result the rollups read. */
export type RollupInput = Pick<CheckResult, 'monitorId' | 'region' | 'ts' | 'state' | 'latencyMs'> & {
  probeHealthy?: boolean;
};

/**
 * Folds results into buckets of `resolution` (minutes unless told), one per monitor, region and
 * bucket start, sorted by monitor, region, start. Results from a probe that flagged itself
 * unhealthy (`probeHealthy: false`) are left out, as the evaluator leaves them out: they record
 * the probe's own outage, not the target's.
 *
 * Ingest folds each new batch into fresh buckets and merges them into the stored rows with
 * `mergeBuckets`; because merging is exact, the result does not depend on how results were batched.
 */
export function foldResults(
  results: Iterable<RollupInput>,
  resolution: Resolution = 'minute',
): RollupBucket[] {
  const buckets: BucketIndex = new Map();
  for (const result of results) {
    if (result.probeHealthy === false) continue;
    const key = {
      monitorId: result.monitorId,
      region: result.region,
      resolution,
      start: bucketStart(result.ts, resolution),
    };
    addResult(bucketFor(buckets, key), result);
  }
  return sortBuckets(buckets);
}

/**
 * Rolls buckets up into `resolution`: minutes into hours or days, hours into days. Buckets already
 * at `resolution` merge with others of the same key. Throws if a bucket is coarser than
 * `resolution` (a day cannot be split into hours). Sorted by monitor, region, start.
 */
export function rollupRange(buckets: Iterable<RollupBucket>, resolution: Resolution): RollupBucket[] {
  const out: BucketIndex = new Map();
  for (const bucket of buckets) {
    if (!nestsIn(bucket.resolution, resolution)) {
      throw new RangeError(`cannot roll a ${bucket.resolution} bucket up into ${resolution}s`);
    }
    const key = {
      monitorId: bucket.monitorId,
      region: bucket.region,
      resolution,
      start: bucketStart(bucket.start, resolution),
    };
    absorbBucket(bucketFor(out, key), bucket);
  }
  return sortBuckets(out);
}

/**
 * Buckets by monitor id, region and start. Nested maps rather than one joined string key: building
 * that string for every result cost more than the fold itself.
 */
type BucketIndex = Map<string, Map<string, Map<number, RollupBucket>>>;

function bucketFor(index: BucketIndex, key: BucketKey): RollupBucket {
  const starts = getOrCreate(
    getOrCreate(index, key.monitorId, () => new Map()),
    key.region,
    () => new Map(),
  );
  return getOrCreate(starts, key.start, () => emptyBucket(key));
}

function getOrCreate<K, V>(map: Map<K, V>, key: K, create: () => V): V {
  let value = map.get(key);
  if (value === undefined) {
    value = create();
    map.set(key, value);
  }
  return value;
}

function sortBuckets(index: BucketIndex): RollupBucket[] {
  const out: RollupBucket[] = [];
  for (const regions of index.values()) {
    for (const starts of regions.values()) for (const bucket of starts.values()) out.push(bucket);
  }
  return out.sort(compareBuckets);
}

/** Orders buckets by monitor id, region, resolution (finest first), then start. */
export function compareBuckets(a: BucketKey, b: BucketKey): number {
  if (a.monitorId !== b.monitorId) return a.monitorId < b.monitorId ? -1 : 1;
  if (a.region !== b.region) return a.region < b.region ? -1 : 1;
  if (a.resolution !== b.resolution) return nestsIn(a.resolution, b.resolution) ? -1 : 1;
  return a.start - b.start;
}
