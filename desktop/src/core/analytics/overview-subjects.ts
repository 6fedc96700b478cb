import type { Incident, MonitorType } from '@vantage/shared';
import type { DesktopStore } from '../store/index.js';
import type { ReportSubject } from './monitor-report.js';
import { INCIDENTS_READ, subjectOf } from './report-subject.js';

/** A monitor the overview lists: its report subject and its type. */
export interface OverviewSubject extends ReportSubject {
  type: MonitorType;
}

/**
 * Incidents read at once for every monitor. Past it (a store this full is unlikely) each
 * monitor's incidents are read on their own, so no monitor loses any to the shared limit.
 */
const ALL_INCIDENTS_READ = 1_000_000;

/**
 * The subjects of many monitors, each equal to its {@link reportSubject}, in `ids` order (unknown
 * ids skipped), read in bulk: one dashboard summary for every reported region and one incident
 * list grouped by monitor, instead of two queries per monitor (a tenth of the overview's time).
 */
export function overviewSubjects(
  store: Pick<DesktopStore, 'monitors' | 'incidents' | 'dashboardSummary'>,
  ids: readonly string[],
): OverviewSubject[] {
  const records = ids.flatMap((id) => {
    const record = store.monitors.get(id);
    return record === null ? [] : [record];
  });
  const known = records.map((r) => r.monitor.id);
  const reported = new Map(store.dashboardSummary(known).map((s) => [s.monitorId, s.regions]));
  const incidents = incidentsByMonitor(store, known);
  return records.map((record) => ({
    ...subjectOf(record, reported.get(record.monitor.id) ?? [], incidents(record.monitor.id)),
    type: record.monitor.type,
  }));
}

/** Each monitor's incidents, newest first as `incidents.list` orders them, from one read when it holds them all. */
function incidentsByMonitor(
  store: Pick<DesktopStore, 'incidents'>,
  ids: readonly string[],
): (monitorId: string) => Incident[] {
  const perMonitor = (monitorId: string) => store.incidents.list({ monitorId, limit: INCIDENTS_READ });
  // A few monitors read alone cost less than every incident of the store.
  if (ids.length < 8) return perMonitor;
  const all = store.incidents.list({ limit: ALL_INCIDENTS_READ });
  if (all.length >= ALL_INCIDENTS_READ) return perMonitor;
  const grouped = new Map<string, Incident[]>();
  for (const incident of all) {
    const list = grouped.get(incident.monitorId);
    if (list === undefined) grouped.set(incident.monitorId, [incident]);
    else list.push(incident);
  }
  return (monitorId) => {
    const list = grouped.get(monitorId) ?? [];
    // Beyond the per-monitor limit a report would have read fewer: read as it does.
    return list.length > INCIDENTS_READ ? perMonitor(monitorId) : list;
  };
}
