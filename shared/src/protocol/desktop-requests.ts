import { z } from 'zod';
import { MonitorId, MonitorSchema } from '../monitor/monitor-schema.js';
import { RegionName } from '../results/check-result.js';
import { IncidentId, LogCursor, RequestId, Revision } from './wire-primitives.js';

// Desktop → relay requests. Each carries a `requestId`; the relay answers with the reply type
// listed in REPLY_TYPES (desktop-replies.ts) or with an `error` carrying the same id.

/** `monitor.upsert`: create or replace a monitor. With `baseRevision`, fails with `revisionConflict` if the set moved on. */
export const MonitorUpsertMessage = z.object({
  type: z.literal('monitor.upsert'),
  requestId: RequestId,
  monitor: MonitorSchema,
  baseRevision: Revision.optional(),
});
/** `monitor.upsert`: create or replace a monitor. */
export type MonitorUpsertMessage = z.output<typeof MonitorUpsertMessage>;

/** `monitor.delete`: remove a monitor; its history stays in the result log until retention drops it. */
export const MonitorDeleteMessage = z.object({
  type: z.literal('monitor.delete'),
  requestId: RequestId,
  monitorId: MonitorId,
});
/** `monitor.delete`: remove a monitor. */
export type MonitorDeleteMessage = z.output<typeof MonitorDeleteMessage>;

/** `monitor.pause`: pause or resume a monitor without resending its configuration. */
export const MonitorPauseMessage = z.object({
  type: z.literal('monitor.pause'),
  requestId: RequestId,
  monitorId: MonitorId,
  paused: z.boolean(),
});
/** `monitor.pause`: pause or resume a monitor. */
export type MonitorPauseMessage = z.output<typeof MonitorPauseMessage>;

/** `monitors.get`: the relay's whole monitor set and its revision. */
export const MonitorsGetMessage = z.object({
  type: z.literal('monitors.get'),
  requestId: RequestId,
});
/** `monitors.get`: ask for the whole monitor set. */
export type MonitorsGetMessage = z.output<typeof MonitorsGetMessage>;

/** `check.test`: run an unsaved monitor once in one region, e.g. from the editor before saving. */
export const CheckTestMessage = z.object({
  type: z.literal('check.test'),
  requestId: RequestId,
  monitor: MonitorSchema,
  region: RegionName,
});
/** `check.test`: run an unsaved monitor once. */
export type CheckTestMessage = z.output<typeof CheckTestMessage>;

/** `check.run` (desktop → relay): run a saved monitor now, in `region` or in each of its regions. */
export const CheckRunRequestMessage = z.object({
  type: z.literal('check.run'),
  requestId: RequestId,
  monitorId: MonitorId,
  region: RegionName.optional(),
});
/** `check.run` (desktop → relay): run a saved monitor now. */
export type CheckRunRequestMessage = z.output<typeof CheckRunRequestMessage>;

/** `incident.ack`: someone has seen the incident; stops repeat alerts for it. */
export const IncidentAckMessage = z.object({
  type: z.literal('incident.ack'),
  requestId: RequestId,
  incidentId: IncidentId,
  by: z.string().trim().min(1).max(200),
});
/** `incident.ack`: acknowledge an incident. */
export type IncidentAckMessage = z.output<typeof IncidentAckMessage>;

/**
 * `results.subscribe`: stream the result log after `fromCursor` (0 = from the start of what the
 * relay retains), as `results.page` frames, then live.
 */
export const ResultsSubscribeMessage = z.object({
  type: z.literal('results.subscribe'),
  requestId: RequestId,
  fromCursor: LogCursor,
});
/** `results.subscribe`: stream the result log from a cursor. */
export type ResultsSubscribeMessage = z.output<typeof ResultsSubscribeMessage>;

/** `results.commit`: the desktop has durably stored everything up to `cursor`; the relay saves it as this desktop's cursor. */
export const ResultsCommitMessage = z.object({
  type: z.literal('results.commit'),
  requestId: RequestId,
  cursor: LogCursor,
});
/** `results.commit`: the desktop stored everything up to a cursor. */
export type ResultsCommitMessage = z.output<typeof ResultsCommitMessage>;

/** `status.get`: current monitor and region states, open incidents and probes. */
export const StatusGetMessage = z.object({
  type: z.literal('status.get'),
  requestId: RequestId,
});
/** `status.get`: ask for the current state of everything. */
export type StatusGetMessage = z.output<typeof StatusGetMessage>;
