import { z } from 'zod';
import { Incident } from '../evaluator/incident.js';
import { MonitorStatus } from '../evaluator/status.js';
import { MonitorId, MonitorSchema } from '../monitor/monitor-schema.js';
import { ProbeInfo } from './events.js';
import { OneOffResult } from './one-off-checks.js';
import { RegionStatusEntry } from './status-schemas.js';
import { RequestId, Revision } from './wire-primitives.js';

/** `ok`: the request succeeded and there is nothing to return. */
export const OkMessage = z.object({
  type: z.literal('ok'),
  requestId: RequestId,
});
/** `ok`: the request succeeded. */
export type OkMessage = z.output<typeof OkMessage>;

/** `monitor.saved`: the monitor as stored (defaults filled) and the set's new revision. */
export const MonitorSavedMessage = z.object({
  type: z.literal('monitor.saved'),
  requestId: RequestId,
  monitor: MonitorSchema,
  revision: Revision,
});
/** `monitor.saved`: the monitor as stored. */
export type MonitorSavedMessage = z.output<typeof MonitorSavedMessage>;

/** `monitor.deleted`: the monitor is gone as of `revision`. */
export const MonitorDeletedMessage = z.object({
  type: z.literal('monitor.deleted'),
  requestId: RequestId,
  monitorId: MonitorId,
  revision: Revision,
});
/** `monitor.deleted`: the monitor is gone. */
export type MonitorDeletedMessage = z.output<typeof MonitorDeletedMessage>;

/** `monitors.list`: the relay's whole monitor set at `revision`. */
export const MonitorsListMessage = z.object({
  type: z.literal('monitors.list'),
  requestId: RequestId,
  revision: Revision,
  monitors: z.array(MonitorSchema),
});
/** `monitors.list`: the whole monitor set. */
export type MonitorsListMessage = z.output<typeof MonitorsListMessage>;

/** One monitor's overall status and its per-region breakdown. */
export const MonitorStatusEntry = z.object({
  monitorId: MonitorId,
  status: MonitorStatus,
  regions: z.array(RegionStatusEntry),
});
/** One monitor's overall status and its per-region breakdown. */
export type MonitorStatusEntry = z.output<typeof MonitorStatusEntry>;

/** `status.snapshot`: every monitor's status, the open incidents and the probes, as of now. */
export const StatusSnapshotMessage = z.object({
  type: z.literal('status.snapshot'),
  requestId: RequestId,
  monitors: z.array(MonitorStatusEntry),
  incidents: z.array(Incident),
  probes: z.array(ProbeInfo),
});
/** `status.snapshot`: the current state of everything. */
export type StatusSnapshotMessage = z.output<typeof StatusSnapshotMessage>;

/**
 * `check.tested`: one region's result of a `check.test` or `check.run`. A `check.run` over several
 * regions gets one per region under the same request id; `expected` says how many to wait for.
 */
export const CheckTestedMessage = z.object({
  type: z.literal('check.tested'),
  requestId: RequestId,
  result: OneOffResult,
  expected: z.number().int().min(1).max(100).optional(),
});
/** `check.tested`: one region's result of a one-off check. */
export type CheckTestedMessage = z.output<typeof CheckTestedMessage>;
