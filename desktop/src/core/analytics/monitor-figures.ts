import {
  bucketIsDown,
  bucketStart,
  maintenanceSpans,
  mergeDownRuns,
  mergeOutages,
  observedCheckIntervalMs,
  type Outage,
  type RegionBucketCounts,
  type RollupBucket,
  type SlaFigures,
  slaFigures,
  type TimeSpan,
} from '@vantage/shared';
import type { MonitorStatsView } from '../../contract/index.js';
import type { DesktopStore } from '../store/index.js';
import {
  type BucketReader,
  bucketEnd,
  lineBuckets,
  type RefinePredicate,
  refinedBy,
  worthRefining,
} from './line-buckets.js';
import { lineStats } from './line-stats.js';
import type { ReportSubject } from './monitor-report.js';

/** A report's subject: a monitor in one region or all, over [from, to), judged at `now`. */
export interface FiguresQuery {
  monitorId: string;
  /** Absent: all regions together. */
  region?: string;
  from: number;
  to: number;
  now: number;
  /** Read every day of the range by the hour (for an hourly chart); otherwise only days with failures. */
  hourly?: boolean;
  /**
   * Only the monitor's figures are wanted, not each region's buckets: region lines are then read
   * only when the line failed somewhere (a region's failed slot is always its `*` slot's failure
   * too, so without one they add no failed-check run) and `regionBuckets` may be empty.
   */
  figuresOnly?: boolean;
}

/** The figures one monitor (or one of its regions) has over a range; the overview and report both read these. */
export interface MonitorFigures {
  /** Every outage up to now, oldest first: all incidents, and failed-check runs inside the range. */
  outages: Outage[];
  /** Outages overlapping the elapsed range. */
  inRange: Outage[];
  maintenance: TimeSpan[];
  sla: SlaFigures;
  /** Check counts, latency percentiles and incident count, by the app's `history.stats` rules. */
  stats: MonitorStatsView;
  /** The line's buckets (the region's, or `*`), oldest first. */
  buckets: RollupBucket[];
  /** Each region's buckets (every region's for `*`), for region rows; see {@link FiguresQuery.figuresOnly}. */
  regionBuckets: Map<string, RollupBucket[]>;
}

/** Counts of a line's buckets, as the outage functions read them. */
export function bucketCounts(region: string, buckets: readonly RollupBucket[]): RegionBucketCounts[] {
  return buckets.map((b) => ({
    region,
    start: b.start,
    end: bucketEnd(b),
    up: b.up,
    degraded: b.degraded,
    down: b.down,
    ...(b.maintenance === undefined ? {} : { maintenance: b.maintenance }),
  }));
}

/** How long a region's last state stays fresh: two check intervals, configured or observed, whichever is longer. */
export function freshForMs(intervalMs: number, counts: readonly RegionBucketCounts[]): number {
  return 2 * Math.max(intervalMs, observedCheckIntervalMs(counts));
}

/**
 * A monitor's figures over a range:
 * 1. the line's buckets (region or `*`, see lineBuckets: days, hours and minutes where something
 *    happened) give checks, percentiles and maintenance spans;
 * 2. failed-check runs come from the region lines — for all regions a slot is down when most
 *    reporting regions failed in it, for one region when it failed; a monitor with one region
 *    reads its `*` line once for both;
 * 3. those runs and the incidents (for one region: those it took part in) join into outages, and
 *    shared's uptime rules turn them into uptime, downtime, MTTR and MTBF.
 * Lines are read through `reader` when given (the overview's bulk reads), else the store's.
 */
export function monitorFigures(
  store: Pick<DesktopStore, 'rangeBuckets'>,
  query: FiguresQuery,
  subject: Pick<ReportSubject, 'regions' | 'incidents' | 'intervalMs'>,
  reader?: BucketReader,
): MonitorFigures {
  const { monitorId, region, from, to, now } = query;
  const { regions, incidents } = subject;
  // Days are refined by the hour where something happened, at the range's edges (so a range
  // that starts mid-day does not count the whole day), and everywhere for an hourly chart.
  const refine: RefinePredicate = (b) =>
    worthRefining(b) ||
    (b.resolution === 'day' && (query.hourly === true || b.start < from || bucketEnd(b) > to));
  const read = (r: string | undefined, predicate: RefinePredicate) =>
    lineBuckets(
      reader ?? store,
      { monitorId, ...(r === undefined ? {} : { region: r }), from, to },
      now,
      predicate,
    );
  const buckets = read(region, refine);
  const regionBuckets = new Map<string, RollupBucket[]>();
  if (region !== undefined) regionBuckets.set(region, buckets);
  else if (regions.length === 1) regionBuckets.set(regions[0]!, buckets);
  else if (query.figuresOnly !== true || buckets.some((b) => b.down > 0)) {
    const alike = refinedBy(buckets);
    for (const r of regions) regionBuckets.set(r, read(r, alike));
  }

  // Most lines never failed: they have no run, and no need for the freshness their regions keep
  // (nor for their buckets' counts, a copy of each bucket).
  const failed = [...regionBuckets.values()].some((b) => b.some(bucketIsDown));
  const counts = failed ? [...regionBuckets].flatMap(([r, b]) => bucketCounts(r, b)) : [];
  const runs = failed
    ? mergeDownRuns(counts, {
        quorum: region === undefined ? 'majority' : 'any',
        maxGapMs: freshForMs(subject.intervalMs, counts),
      })
    : [];
  const own = region === undefined ? incidents : incidents.filter((i) => i.regions.includes(region));
  const outages = mergeOutages(own, runs, now);
  const end = Math.min(to, now);
  const inRange = outages.filter((o) => o.start < end && (o.end > from || (o.open && o.end >= from)));
  const maintenance = buckets.some((b) => (b.maintenance ?? 0) > 0)
    ? maintenanceSpans(bucketCounts(region ?? '*', buckets))
    : [];
  const computed = slaFigures({ from, to, now, outages, maintenance });
  const alignedFrom = bucketStart(buckets[0]?.start ?? from, 'minute');
  const stats = lineStats(
    { monitorId, region: region ?? '*', resolution: 'minute', from: alignedFrom, to, buckets },
    own,
  );
  // A range without a check or an outage was not watched: its uptime is unknown, not 100 %.
  const watched = stats.checks > 0 || inRange.length > 0;
  const sla = watched ? computed : { ...computed, uptime: null, mtbfS: null };
  return { outages, inRange, maintenance, sla, stats: { ...stats, from, to }, buckets, regionBuckets };
}
