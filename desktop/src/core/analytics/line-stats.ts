import { absorbCounts, emptyBucket, type IncidentSpan, SketchTally, summarizeBucket } from '@vantage/shared';
import type { MonitorStatsView } from '../../contract/index.js';
import { type RangeBuckets, tallyBuckets } from '../store/index.js';

/** Reused by every call (a dense array of every bin key): calls never overlap. */
const tally = new SketchTally();

/**
 * A range's figures for the app's monitor stats and the reports (counts, check-based uptime,
 * p50–p99 of the merged sketches, incidents overlapping the range), with the buckets' sketches
 * added bin by bin into one tally
 * (from their stored bytes where the store has not decoded them, or the tally the store made of
 * their whole line) instead of merged one by one.
 */
export function lineStats(range: RangeBuckets, incidents: readonly IncidentSpan[]): MonitorStatsView {
  const merged = emptyBucket({
    monitorId: range.monitorId,
    region: 'range',
    resolution: range.resolution,
    start: range.from,
  });
  tally.reset();
  for (const bucket of range.buckets) absorbCounts(merged, bucket);
  tallyBuckets(tally, range.buckets);
  merged.sketch = tally.sketch();
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
