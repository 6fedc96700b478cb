import {
  absorbBucket,
  bucketStart,
  emptyBucket,
  type Incident,
  mergeDownRuns,
  mergeOutages,
  quantile,
  RESOLUTION_MS,
  slaFigures,
} from '@vantage/shared';
import type {
  LatencyFiguresView,
  MonitorReportView,
  OutageView,
  PhaseFiguresView,
  RegionReportView,
  ReportStepView,
} from '../../contract/methods/analytics-methods.js';
import type { LatencySummary } from '@vantage/shared';
import { lineStats } from './line-stats.js';
import type { DesktopStore } from '../store/index.js';
import { bucketEnd } from './line-buckets.js';
import {
  bucketCounts,
  type FiguresQuery,
  freshForMs,
  type MonitorFigures,
  monitorFigures,
} from './monitor-figures.js';
import { samplePhases } from './phase-sample.js';

const DAY = RESOLUTION_MS.day;
/** Ranges up to this long chart hours; longer ones chart days. */
const HOURLY_STEPS_UP_TO = 2 * DAY;

/** What a report needs of the store. */
export type ReportStore = Pick<DesktopStore, 'rangeBuckets' | 'lastChecks' | 'settings'>;

/** The monitor a report is about: its name and the regions it has history in. */
export interface ReportSubject {
  monitorId: string;
  name: string;
  regions: readonly string[];
  incidents: readonly Incident[];
  /** The monitor's check interval: a region's state stays fresh for two of them between checks. */
  intervalMs: number;
}

/** Latency figures of a range's merged buckets. */
export function latencyFigures(latency: LatencySummary | null): LatencyFiguresView | null {
  return latency === null
    ? null
    : { p50Ms: latency.p50Ms, p95Ms: latency.p95Ms, p99Ms: latency.p99Ms, avgMs: latency.meanMs };
}

/** An outage as the API shows it. */
export function outageView(o: MonitorFigures['outages'][number]): OutageView {
  return {
    start: o.start,
    end: o.end,
    durationS: o.durationS,
    cause: o.cause,
    open: o.open,
    incidentIds: o.incidentIds,
    regions: o.regions,
  };
}

/**
 * A monitor's SLA report: the figures of {@link monitorFigures}, each region's figures, the
 * chart's steps, and the phase breakdown from the newest raw checks inside the range (see
 * {@link samplePhases}; raw rows are kept 30 days by default).
 */
export function monitorReport(
  store: ReportStore,
  subject: ReportSubject,
  query: FiguresQuery,
): MonitorReportView {
  const { from, to, now } = query;
  const figures = monitorFigures(store, { ...query, hourly: to - from <= HOURLY_STEPS_UP_TO }, subject);
  const end = Math.min(to, now);
  const lastDowntime = figures.outages.filter((o) => o.start < end).at(-1) ?? null;
  return {
    monitorId: subject.monitorId,
    name: subject.name,
    region: query.region ?? null,
    from,
    to,
    generatedAt: now,
    uptime: figures.sla.uptime,
    checkUptime: figures.stats.uptime,
    checks: figures.stats.checks,
    downtimeS: figures.sla.downtimeS,
    maintenanceS:
      figures.maintenance.reduce(
        (s, m) => s + Math.max(0, Math.min(m.end, end) - Math.max(m.start, from)),
        0,
      ) / 1000,
    outages: figures.inRange.map(outageView),
    lastDowntime: lastDowntime === null ? null : outageView(lastDowntime),
    incidentCount: figures.stats.incidents,
    mttrS: figures.sla.mttrS,
    mtbfS: figures.sla.mtbfS,
    latency: latencyFigures(figures.stats.latency),
    phases: phaseFigures(store, subject, query),
    regions: regionRows(figures, subject, query),
    step: to - from <= HOURLY_STEPS_UP_TO ? 'hour' : 'day',
    series: steps(figures, query),
  };
}

function phaseFigures(
  store: ReportStore,
  subject: ReportSubject,
  query: FiguresQuery,
): PhaseFiguresView | null {
  const kept = query.now - store.settings.get().rawRetentionDays * DAY;
  const from = Math.max(query.from, kept);
  const to = Math.min(query.to, query.now);
  if (to <= from) return null;
  const regions = query.region === undefined ? subject.regions : [query.region];
  const { oldest, newest, ...sample } = samplePhases(store, {
    monitorId: query.monitorId,
    regions,
    from,
    to,
  });
  return { ...sample, from: oldest ?? from, to: newest === null ? to : newest + 1 };
}

/** One row per region: its own failures (any failure of it, with the incidents it took part in). */
function regionRows(
  figures: MonitorFigures,
  subject: ReportSubject,
  query: FiguresQuery,
): RegionReportView[] {
  const { from, to, now } = query;
  const end = Math.min(to, now);
  return [...figures.regionBuckets].map(([region, buckets]) => {
    const own = subject.incidents.filter((i) => i.regions.includes(region));
    const counts = bucketCounts(region, buckets);
    const runs = mergeDownRuns(counts, { quorum: 'any', maxGapMs: freshForMs(subject.intervalMs, counts) });
    const outages = mergeOutages(own, runs, now);
    const sla = slaFigures({ from, to, now, outages, maintenance: figures.maintenance });
    const stats = lineStats(
      {
        monitorId: query.monitorId,
        region,
        resolution: 'minute',
        from: bucketStart(buckets[0]?.start ?? from, 'minute'),
        to,
        buckets,
      },
      own,
    );
    return {
      region,
      uptime: sla.uptime,
      checkUptime: stats.uptime,
      checks: stats.checks,
      downtimeS: sla.downtimeS,
      outages: outages.filter((o) => o.start < end && o.end > from).length,
      latency: latencyFigures(stats.latency),
    };
  });
}

/** The chart's steps: each day (or hour) of the range with its uptime, downtime, checks and p95. */
function steps(figures: MonitorFigures, query: FiguresQuery): ReportStepView[] {
  const { from, to, now } = query;
  const size = to - from <= HOURLY_STEPS_UP_TO ? RESOLUTION_MS.hour : DAY;
  const out: ReportStepView[] = [];
  let next = 0;
  const buckets = figures.buckets;
  for (let start = bucketStart(from, size === DAY ? 'day' : 'hour'); start < to; start += size) {
    const s = Math.max(start, from);
    const e = Math.min(start + size, to);
    const merged = emptyBucket({
      monitorId: query.monitorId,
      region: 'step',
      resolution: 'minute',
      start: bucketStart(s, 'minute'),
    });
    while (next < buckets.length && buckets[next]!.start < e) {
      if (bucketEnd(buckets[next]!) > s) absorbBucket(merged, buckets[next]!);
      next++;
    }
    const sla = slaFigures({
      from: s,
      to: e,
      now,
      outages: figures.outages,
      maintenance: figures.maintenance,
    });
    out.push({
      start: s,
      end: e,
      uptime: sla.uptime,
      downtimeS: sla.downtimeS,
      checks: merged.count,
      down: merged.down,
      p95Ms: quantile(merged, 0.95),
    });
  }
  return out;
}
