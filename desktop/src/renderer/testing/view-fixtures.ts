import { type MonitorStatus, validateMonitor } from '@vantage/shared';
import type { HourBarView, IncidentView, MonitorView } from '../../contract/index.js';

/** A dashboard view of a monitor for tests: `monitor` fields go through shared's validation. */
export function monitorView(
  monitor: Record<string, unknown>,
  view: Partial<Omit<MonitorView, 'monitor'>> = {},
): MonitorView {
  const id = typeof monitor.id === 'string' ? monitor.id : 'm1';
  const valid = validateMonitor({
    name: id,
    type: 'http',
    url: `https://${id}.example.com/`,
    ...monitor,
    id,
  });
  if (!valid.ok) throw new Error(`bad test monitor: ${JSON.stringify(valid.error)}`);
  const status: MonitorStatus = view.status ?? 'up';
  return {
    monitor: valid.value,
    status,
    statusMessage: '',
    statusSince: null,
    regionStatuses: [],
    last: null,
    regions: [],
    uptime24h: null,
    bars: [],
    openIncidentId: null,
    synced: true,
    ...view,
  };
}

/** 24 hourly bars ending at `end`, all in one state. */
export function hourBars(end: number, state: HourBarView['state'] = 'up'): HourBarView[] {
  return Array.from({ length: 24 }, (_, i) => ({
    start: end - (24 - i) * 3_600_000,
    up: state === 'up' ? 60 : 0,
    degraded: state === 'degraded' ? 60 : 0,
    down: state === 'down' ? 60 : 0,
    count: state === 'none' ? 0 : 60,
    state,
  }));
}

/** An incident for tests. */
export function incidentView(
  fields: Partial<IncidentView> & { id: string; monitorId: string },
): IncidentView {
  return {
    openedAt: 1_700_000_000_000,
    cause: 'status 503',
    regions: ['local'],
    timeline: [{ ts: fields.openedAt ?? 1_700_000_000_000, kind: 'opened', message: 'down in local' }],
    monitorName: fields.monitorId,
    ...fields,
  };
}
