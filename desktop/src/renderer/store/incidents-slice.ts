import type { ApiResult, IncidentView } from '../../contract/index.js';
import { failed, IDLE, type LoadState, READY, reloading } from './load-state.js';
import type { SliceCreator } from './store-types.js';

/** Incidents, open and resolved, with their timelines. */
export interface IncidentsSlice {
  incidents: Record<string, IncidentView>;
  incidentsLoad: LoadState;
  /** Loads the newest incidents of every monitor. */
  loadIncidents(): Promise<void>;
  /** Loads one monitor's incidents (its detail page lists more than the global page keeps). */
  loadMonitorIncidents(monitorId: string): Promise<void>;
  applyIncident(incident: IncidentView): void;
  acknowledge(incidentId: string): Promise<ApiResult<IncidentView>>;
}

const RECENT_LIMIT = 500;

/** The incidents slice. */
export const createIncidentsSlice: SliceCreator<IncidentsSlice> = (set, get, { transport }) => ({
  incidents: {},
  incidentsLoad: IDLE,

  async loadIncidents() {
    set({ incidentsLoad: reloading(get().incidentsLoad) });
    // Open incidents are fetched on their own so that a long history can never push one out.
    const [open, recent] = await Promise.all([
      transport.call('incidents.list', { state: 'open', limit: 1000 }),
      transport.call('incidents.list', { state: 'all', limit: RECENT_LIMIT }),
    ]);
    if (!open.ok) return set({ incidentsLoad: failed(open.error.message) });
    if (!recent.ok) return set({ incidentsLoad: failed(recent.error.message) });
    const incidents: Record<string, IncidentView> = {};
    for (const incident of [...recent.value, ...open.value]) incidents[incident.id] = incident;
    set({ incidents, incidentsLoad: READY });
  },

  async loadMonitorIncidents(monitorId) {
    const result = await transport.call('incidents.list', { monitorId, state: 'all', limit: 100 });
    if (!result.ok) return;
    const incidents = { ...get().incidents };
    for (const incident of result.value) incidents[incident.id] = incident;
    set({ incidents });
  },

  applyIncident(incident) {
    set({ incidents: { ...get().incidents, [incident.id]: incident } });
  },

  async acknowledge(incidentId) {
    const result = await transport.call('incidents.acknowledge', { incidentId });
    if (result.ok) get().applyIncident(result.value);
    return result;
  },
});
