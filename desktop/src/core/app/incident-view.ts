import type { Incident } from '@vantage/shared';
import type { IncidentView } from '../../contract/index.js';
import type { DesktopStore } from '../store/index.js';

/** An incident with its monitor's name (the id when the monitor was deleted since). */
export function incidentView(store: DesktopStore, incident: Incident): IncidentView {
  return {
    ...incident,
    monitorName: store.monitors.get(incident.monitorId)?.monitor.name ?? incident.monitorId,
  };
}
