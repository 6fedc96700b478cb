import { absorbBucket, emptyBucket, type IncidentSpan, summarizeBucket } from '@vantage/shared';
import type { MonitorStatsView } from '../../contract/index.js';
import type { RangeBuckets } from '../store/index.js';

/**
 * Figures over a range from its rollup buckets, merged with shared's rollup functions: counts and
 * latency sums add, sketches merge, so p50/p95/p99 are percentiles of every latency in the range
 * (not an average of per-bucket percentiles). Uptime is check-based, like the chart's. Incidents
 * count when they overlap the range, also those still open.
 */
export function rangeStats(range: RangeBuckets, incidents: readonly IncidentSpan[]): MonitorStatsView {
  // Shared's bucket keys want a region name; the merged bucket is never stored, so any name does.
  const merged = emptyBucket({
    monitorId: range.monitorId,
    region: 'range',
    resolution: range.resolution,
    start: range.from,
  });
  for (const bucket of range.buckets) absorbBucket(merged, bucket);
  const summary = summarizeBucket(merged);
  return {
    monitorId: range.monitorId,
    region: range.region,
    from: range.from,
    to: range.to,
    uptime: summary.uptime,
    checks: summary.count,
    latency: summary.latency,
    incidents: incidents.filter(
      (i) => i.openedAt < range.to && (i.resolvedAt ?? Number.POSITIVE_INFINITY) >= range.from,
    ).length,
  };
}
