import { z } from 'zod';
import { Incident } from '../evaluator/incident.js';
import { MonitorStatus } from '../evaluator/status.js';
import { MonitorId, MonitorSchema } from '../monitor/monitor-schema.js';
import { ProbeId, RegionName } from '../results/check-result.js';
import { RegionStatusEntry } from './status-schemas.js';
import { DisplayName, EpochMs, Revision, SoftwareVersion } from './wire-primitives.js';

// Relay → desktop events: pushed to every connected desktop as they happen, with no request id.

/** A probe as the relay sees it. */
export const ProbeInfo = z.object({
  probeId: ProbeId,
  name: DisplayName,
  region: RegionName,
  connected: z.boolean(),
  healthy: z.boolean(),
  lastSeenAt: EpochMs,
  version: SoftwareVersion.optional(),
  /** Why the probe reports itself unhealthy. */
  reason: z.string().max(2000).optional(),
});
/** A probe as the relay sees it. */
export type ProbeInfo = z.infer<typeof ProbeInfo>;

/** `event.status`: a monitor's overall status changed. */
export const StatusEventMessage = z.object({
  type: z.literal('event.status'),
  monitorId: MonitorId,
  status: MonitorStatus,
  previous: MonitorStatus,
  ts: EpochMs,
  message: z.string().max(2000),
  regions: z.array(RegionStatusEntry).optional(),
});
/** `event.status`: a monitor's overall status changed. */
export type StatusEventMessage = z.infer<typeof StatusEventMessage>;

/** `event.incident`: an incident was opened, updated, resolved or acknowledged; carries it whole. */
export const IncidentEventMessage = z.object({
  type: z.literal('event.incident'),
  change: z.enum(['opened', 'updated', 'resolved', 'acknowledged']),
  incident: Incident,
});
/** `event.incident`: an incident changed. */
export type IncidentEventMessage = z.infer<typeof IncidentEventMessage>;

/** `event.probe`: a probe connected, disconnected or changed health. */
export const ProbeEventMessage = ProbeInfo.extend({ type: z.literal('event.probe') });
/** `event.probe`: a probe connected, disconnected or changed health. */
export type ProbeEventMessage = z.infer<typeof ProbeEventMessage>;

/** `event.monitors`: the monitor set changed (another desktop saved, deleted or paused one). */
export const MonitorsEventMessage = z.object({
  type: z.literal('event.monitors'),
  revision: Revision,
  upserted: z.array(MonitorSchema),
  deleted: z.array(MonitorId),
});
/** `event.monitors`: the monitor set changed. */
export type MonitorsEventMessage = z.output<typeof MonitorsEventMessage>;
