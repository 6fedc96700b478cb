import type { Incident } from '@vantage/shared';
import type { DesktopStore, MonitorRecord, RegionLastCheck } from '../store/index.js';
import type { ReportSubject } from './monitor-report.js';

/** Incidents of one monitor read for a report; a monitor has far fewer in its whole life. */
export const INCIDENTS_READ = 100_000;

/**
 * What a report knows of a monitor: its name, the regions it has history in (those that reported,
 * then any others its configuration names) and all its incidents; null when there is no such monitor.
 */
export function reportSubject(
  store: Pick<DesktopStore, 'monitors' | 'incidents' | 'dashboardSummary'>,
  monitorId: string,
): ReportSubject | null {
  const record = store.monitors.get(monitorId);
  if (record === null) return null;
  return subjectOf(
    record,
    store.dashboardSummary([monitorId])[0]?.regions ?? [],
    store.incidents.list({ monitorId, limit: INCIDENTS_READ }),
  );
}

/** A report subject from a monitor's record, the regions that reported and its incidents (newest first). */
export function subjectOf(
  record: MonitorRecord,
  reported: readonly Pick<RegionLastCheck, 'region'>[],
  incidents: readonly Incident[],
): ReportSubject {
  const configured = Array.isArray(record.monitor.regions) ? record.monitor.regions : [];
  return {
    monitorId: record.monitor.id,
    name: record.monitor.name,
    regions: [...new Set([...reported.map((r) => r.region), ...configured])].sort(),
    intervalMs: record.monitor.interval * 1000,
    incidents,
  };
}
