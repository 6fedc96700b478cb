import { MonitorId, RegionName } from '@vantage/shared';
import { z } from 'zod';
import { type MethodSpec, method } from '../method-spec.js';

// SLA reports, computed in the core from the local store: rollups for counts and percentiles,
// incidents for outages, a sample of raw checks for the phase breakdown. Nothing here asks the relay.

const Ms = z.number().int().nonnegative();
const InMs = z.coerce.number().int().nonnegative();
const Seconds = z.number().nonnegative();
const Fraction = z.number().min(0).max(1);
/** The longest range a report reads: a year (the day rollups go further, but reports stop there). */
export const MAX_REPORT_RANGE_MS = 366 * 86_400_000;
const rangeRefinement = <T extends { from: number; to: number }>(schema: z.ZodType<T>) =>
  schema
    .refine((q) => q.to > q.from, { path: ['to'], message: 'must be after from' })
    .refine((q) => q.to - q.from <= MAX_REPORT_RANGE_MS, { path: ['from'], message: 'range is over a year' });

/** One outage: incidents and failed-check runs that overlap, joined. */
export const OutageView = z.object({
  start: Ms,
  end: Ms,
  durationS: Seconds,
  cause: z.string(),
  /** Still going at the time of the report. */
  open: z.boolean(),
  incidentIds: z.array(z.string()),
  regions: z.array(z.string()),
});
/** One outage. */
export type OutageView = z.infer<typeof OutageView>;

/** Latency percentiles over a range, of answered checks, in ms. */
export const LatencyFiguresView = z.object({
  p50Ms: z.number().nonnegative(),
  p95Ms: z.number().nonnegative(),
  p99Ms: z.number().nonnegative(),
  avgMs: z.number().nonnegative(),
});
/** Latency percentiles over a range. */
export type LatencyFiguresView = z.infer<typeof LatencyFiguresView>;

/** The average time of each phase of a request, over the newest raw checks inside the range. */
export const PhaseFiguresView = z.object({
  dnsMs: z.number().nonnegative().nullable(),
  connectMs: z.number().nonnegative().nullable(),
  tlsMs: z.number().nonnegative().nullable(),
  ttfbMs: z.number().nonnegative().nullable(),
  transferMs: z.number().nonnegative().nullable(),
  /** Answered checks averaged. */
  samples: z.number().int().nonnegative(),
  /** The span the sample covers (the newest checks of the range; raw checks are kept 30 days). */
  from: Ms,
  to: Ms,
});
/** The average phase timings. */
export type PhaseFiguresView = z.infer<typeof PhaseFiguresView>;

/** One region's figures over the range, for comparing regions. */
export const RegionReportView = z.object({
  region: z.string(),
  uptime: Fraction.nullable(),
  checkUptime: Fraction.nullable(),
  checks: z.number().int().nonnegative(),
  downtimeS: Seconds,
  outages: z.number().int().nonnegative(),
  latency: LatencyFiguresView.nullable(),
});
/** One region's figures. */
export type RegionReportView = z.infer<typeof RegionReportView>;

/** One step (a day, or an hour for short ranges) of the report's chart. */
export const ReportStepView = z.object({
  start: Ms,
  end: Ms,
  uptime: Fraction.nullable(),
  downtimeS: Seconds,
  checks: z.number().int().nonnegative(),
  down: z.number().int().nonnegative(),
  p95Ms: z.number().nonnegative().nullable(),
});
/** One step of the report's chart. */
export type ReportStepView = z.infer<typeof ReportStepView>;

/** A monitor's SLA report over a range, for all regions or one. */
export const MonitorReportView = z.object({
  monitorId: z.string(),
  name: z.string(),
  /** The region asked for, or null for all regions together. */
  region: z.string().nullable(),
  from: Ms,
  to: Ms,
  /** When the report was made: a range reaching past it counts up to it only. */
  generatedAt: Ms,
  /** Time-weighted uptime (outages against observed time, maintenance excluded). */
  uptime: Fraction.nullable(),
  /** Share of checks that were up or degraded. */
  checkUptime: Fraction.nullable(),
  checks: z.number().int().nonnegative(),
  downtimeS: Seconds,
  /** Planned maintenance inside the range, excluded from uptime. */
  maintenanceS: Seconds,
  outages: z.array(OutageView),
  /** The newest outage before the end of the range, even from before its start. */
  lastDowntime: OutageView.nullable(),
  incidentCount: z.number().int().nonnegative(),
  mttrS: Seconds.nullable(),
  mtbfS: Seconds.nullable(),
  latency: LatencyFiguresView.nullable(),
  phases: PhaseFiguresView.nullable(),
  regions: z.array(RegionReportView),
  step: z.enum(['hour', 'day']),
  series: z.array(ReportStepView),
});
/** A monitor's SLA report. */
export type MonitorReportView = z.infer<typeof MonitorReportView>;

/** One monitor's line of the SLA overview. */
export const SlaRowView = z.object({
  monitorId: z.string(),
  name: z.string(),
  type: z.string(),
  uptime: Fraction.nullable(),
  downtimeS: Seconds,
  incidents: z.number().int().nonnegative(),
  outages: z.number().int().nonnegative(),
  mttrS: Seconds.nullable(),
  p95Ms: z.number().nonnegative().nullable(),
  checks: z.number().int().nonnegative(),
});
/** One monitor's line of the SLA overview. */
export type SlaRowView = z.infer<typeof SlaRowView>;

/** Every monitor's SLA line over a range, with totals. */
export const SlaOverviewView = z.object({
  from: Ms,
  to: Ms,
  generatedAt: Ms,
  rows: z.array(SlaRowView),
  totals: z.object({
    monitors: z.number().int().nonnegative(),
    /** The mean of the monitors' uptimes (those with one). */
    uptime: Fraction.nullable(),
    downtimeS: Seconds,
    incidents: z.number().int().nonnegative(),
    outages: z.number().int().nonnegative(),
    /** Mean time to recovery over every recovered outage of every monitor. */
    mttrS: Seconds.nullable(),
  }),
});
/** Every monitor's SLA line over a range. */
export type SlaOverviewView = z.infer<typeof SlaOverviewView>;

const rangeInput = { from: InMs, to: InMs };

/** The `analytics.*` methods: SLA reports per monitor and region, an overview and a CSV export. */
export const ANALYTICS_METHODS = {
  'analytics.report': method(
    "A monitor's SLA report over [from, to): uptime, outages, MTTR/MTBF, percentiles, phases, regions",
    { method: 'GET', path: '/analytics/monitors/:monitorId' },
    rangeRefinement(z.object({ monitorId: MonitorId, region: RegionName.optional(), ...rangeInput })),
    MonitorReportView,
  ),
  'analytics.overview': method(
    "Every monitor's SLA line over [from, to), with totals",
    { method: 'GET', path: '/analytics/overview' },
    rangeRefinement(z.object(rangeInput)),
    SlaOverviewView,
  ),
  'analytics.slaCsv': method(
    'The SLA overview as CSV (RFC 4180, header row first), for some monitors or all',
    { method: 'GET', path: '/analytics/sla-csv' },
    rangeRefinement(
      z.object({
        ...rangeInput,
        monitorIds: z
          .preprocess(
            (v) => (typeof v === 'string' ? v.split(',').filter((s) => s !== '') : v),
            z.array(MonitorId),
          )
          .optional(),
      }),
    ),
    z.object({ filename: z.string(), text: z.string(), rows: z.number().int().nonnegative() }),
  ),
} satisfies Record<string, MethodSpec>;
