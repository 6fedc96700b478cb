/** The relay's hub: what `startRelay` builds on. */

export type {
  IncidentChange,
  IncidentEvent,
  IncidentListener,
  IncidentListenerOptions,
  StatusChangeEvent,
  StatusChangeListener,
} from '../evaluation/incident-listeners.js';
export type { ChangeOptions, MonitorService, SavedMonitor } from '../monitors/monitor-service.js';
export { CloseCode } from './close-codes.js';
export { createHub, type Hub, type HubMetrics, type HubOptions, type UpgradeRequest } from './create-hub.js';
export type { HubServices, IncidentService, StatusService } from './hub-services.js';
