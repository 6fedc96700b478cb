import type { Incident, MonitorStatusEntry, ProbeInfo, Result, WireError } from '@vantage/shared';
import type { MonitorService } from '../monitors/monitor-service.js';
import type { IncidentQuery } from '../storage/relay-storage.js';

/** Current state of everything, as `status.get` and the REST API read it. */
export interface StatusService {
  /** Every monitor's status, the open incidents and every known probe. */
  snapshot(): { monitors: MonitorStatusEntry[]; incidents: Incident[]; probes: ProbeInfo[] };
  /** Every monitor's status with its regions, in monitor id order. */
  statuses(): MonitorStatusEntry[];
  /** One monitor's status, or null for an unknown monitor. */
  status(monitorId: string): MonitorStatusEntry | null;
  /** Incidents newest first, filtered as asked. */
  incidents(query: IncidentQuery): Incident[];
  /** Every probe that ever connected: region, version, connected, healthy, last seen. */
  probes(): ProbeInfo[];
}

/** Acting on incidents. */
export interface IncidentService {
  /** Acknowledges an incident (stops repeat alerts); `notFound` for an unknown id. */
  ack(incidentId: string, by: string): Result<Incident, WireError>;
}

/** The operations both the WebSocket protocol and the REST API are built on. */
export interface HubServices {
  monitors: MonitorService;
  status: StatusService;
  incidents: IncidentService;
}
