import type { BucketKey, RollupBucket } from './rollup-bucket.js';
import { meanLatencyMs, quantile } from './rollup-bucket.js';
import { checkUptime } from './uptime.js';

/** Latency figures of a bucket in ms, over its up and degraded results. */
export interface LatencySummary {
  meanMs: number;
  minMs: number;
  maxMs: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
}

/** One chart point: a bucket's counts, check-based uptime and latency in plain, JSON-safe numbers. */
export interface BucketSummary extends BucketKey {
  up: number;
  degraded: number;
  down: number;
  count: number;
  /** (up + degraded) / count; null when the bucket holds no checks. */
  uptime: number | null;
  /** Null when the bucket holds no up or degraded result. */
  latency: LatencySummary | null;
}

/** The chart point for a bucket: what crosses IPC to the renderer instead of the sketch. */
export function summarizeBucket(bucket: RollupBucket): BucketSummary {
  const { monitorId, region, resolution, start, up, degraded, down, count } = bucket;
  const mean = meanLatencyMs(bucket);
  const latency =
    mean === null || bucket.latencyMinUs === null || bucket.latencyMaxUs === null
      ? null
      : {
          meanMs: mean,
          minMs: bucket.latencyMinUs / 1000,
          maxMs: bucket.latencyMaxUs / 1000,
          p50Ms: quantile(bucket, 0.5)!,
          p95Ms: quantile(bucket, 0.95)!,
          p99Ms: quantile(bucket, 0.99)!,
        };
  return {
    monitorId,
    region,
    resolution,
    start,
    up,
    degraded,
    down,
    count,
    uptime: checkUptime([bucket]),
    latency,
  };
}
