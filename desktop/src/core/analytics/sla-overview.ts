import { type CsvValue, toCsv } from '@vantage/shared';
import type { SlaOverviewView, SlaRowView } from '../../contract/methods/analytics-methods.js';
import type { DesktopStore } from '../store/index.js';
import { monitorFigures } from './monitor-figures.js';
import { overviewReader } from './overview-reader.js';
import { overviewSubjects } from './overview-subjects.js';

/** What the overview needs of the store. */
export type OverviewStore = Pick<
  DesktopStore,
  'rangeBuckets' | 'bulkBuckets' | 'monitors' | 'incidents' | 'dashboardSummary'
>;

/** A range of the overview: [from, to), judged at `now`; `monitorIds` narrows it (unknown ids are skipped). */
export interface OverviewQuery {
  from: number;
  to: number;
  now: number;
  monitorIds?: readonly string[];
}

/**
 * One SLA line per monitor (by name), from the same figures as its report (subjects and days read
 * for all monitors at once, see overviewReader; region lines only where they can count), and
 * totals: the mean uptime of the monitors that have one, summed downtime and incidents, and the
 * MTTR of every recovered outage of every monitor together.
 */
export function slaOverview(store: OverviewStore, query: OverviewQuery): SlaOverviewView {
  const ids = query.monitorIds ?? store.monitors.list().map((r) => r.monitor.id);
  const rows: SlaRowView[] = [];
  let recovered = 0;
  let recoveredS = 0;
  const { from, to, now } = query;
  const subjects = overviewSubjects(store, ids);
  const reader = overviewReader(
    store,
    subjects.map((s) => s.monitorId),
    { from, to, now },
  );
  for (const subject of subjects) {
    const id = subject.monitorId;
    const figures = monitorFigures(
      store,
      { monitorId: id, from, to, now, figuresOnly: true },
      subject,
      reader,
    );
    const end = Math.min(query.to, query.now);
    for (const o of figures.outages) {
      if (!o.open && o.end > query.from && o.end <= end) {
        recovered += 1;
        recoveredS += o.durationS;
      }
    }
    rows.push({
      monitorId: id,
      name: subject.name,
      type: subject.type,
      uptime: figures.sla.uptime,
      downtimeS: figures.sla.downtimeS,
      incidents: figures.stats.incidents,
      outages: figures.inRange.length,
      mttrS: figures.sla.mttrS,
      p95Ms: figures.stats.latency?.p95Ms ?? null,
      checks: figures.stats.checks,
    });
  }
  rows.sort((a, b) => a.name.localeCompare(b.name) || a.monitorId.localeCompare(b.monitorId));
  const uptimes = rows.flatMap((r) => (r.uptime === null ? [] : [r.uptime]));
  return {
    from: query.from,
    to: query.to,
    generatedAt: query.now,
    rows,
    totals: {
      monitors: rows.length,
      uptime: uptimes.length === 0 ? null : uptimes.reduce((s, u) => s + u, 0) / uptimes.length,
      downtimeS: rows.reduce((s, r) => s + r.downtimeS, 0),
      incidents: rows.reduce((s, r) => s + r.incidents, 0),
      outages: rows.reduce((s, r) => s + r.outages, 0),
      mttrS: recovered === 0 ? null : recoveredS / recovered,
    },
  };
}

/** The columns of the SLA CSV, in order. */
export const SLA_CSV_HEADER = [
  'monitor_id',
  'monitor',
  'type',
  'from',
  'to',
  'uptime_percent',
  'downtime_s',
  'outages',
  'incidents',
  'mttr_s',
  'p95_ms',
  'checks',
] as const;

const percent = (u: number | null) => (u === null ? null : Math.round(u * 1e6) / 1e4);
const round = (n: number | null, digits: number) =>
  n === null ? null : Math.round(n * 10 ** digits) / 10 ** digits;

/** The overview as CSV: the header, then one record per monitor; times as ISO 8601 UTC. */
export function slaCsv(overview: SlaOverviewView): string {
  const from = new Date(overview.from).toISOString();
  const to = new Date(overview.to).toISOString();
  const rows: CsvValue[][] = [
    [...SLA_CSV_HEADER],
    ...overview.rows.map((r) => [
      r.monitorId,
      r.name,
      r.type,
      from,
      to,
      percent(r.uptime),
      round(r.downtimeS, 0),
      r.outages,
      r.incidents,
      round(r.mttrS, 0),
      round(r.p95Ms, 1),
      r.checks,
    ]),
  ];
  return toCsv(rows);
}

/** A file name for the CSV of a range: `vantage-sla-2025-06-01_2025-07-01.csv`. */
export function slaCsvFilename(from: number, to: number): string {
  const day = (ts: number) => new Date(ts).toISOString().slice(0, 10);
  return `vantage-sla-${day(from)}_${day(to)}.csv`;
}
