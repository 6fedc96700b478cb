import { z } from 'zod';
import { type CheckResult, CheckState, ProbeId, RegionName } from '../results/check-result.js';
import { EvaluatedMonitor, MonitorRef } from './evaluated-monitor.js';
import { Timestamp } from './status.js';

/** A monitor was created or its configuration changed. Carries no time: its outputs use the evaluator's clock. */
export const MonitorSetEvent = z.object({ type: z.literal('monitor.set'), monitor: EvaluatedMonitor });
/** A monitor was deleted; an open incident resolves. */
export const MonitorRemoveEvent = z.object({ type: z.literal('monitor.remove'), monitorId: MonitorRef });
/** One probe result, trimmed to what the evaluator needs (build it with {@link resultEventOf}). */
export const ResultEvent = z.object({
  type: z.literal('result'),
  monitorId: MonitorRef,
  region: RegionName,
  probeId: ProbeId,
  ts: Timestamp,
  state: CheckState,
  message: z.string().max(2000),
  latencyMs: z.number().nonnegative(),
});
/** A probe's own connectivity verdict; an unhealthy probe's results do not count. */
export const ProbeHealthEvent = z.object({
  type: z.literal('probe.health'),
  probeId: ProbeId,
  region: RegionName,
  healthy: z.boolean(),
  ts: Timestamp,
});
/** Time passes: regions go stale even when no result arrives. */
export const TickEvent = z.object({ type: z.literal('tick'), ts: Timestamp });
/** A maintenance window started or ended for one monitor. */
export const MaintenanceEvent = z.object({
  type: z.literal('maintenance'),
  monitorId: MonitorRef,
  active: z.boolean(),
  ts: Timestamp,
});
/** A user paused or resumed one monitor. */
export const PauseEvent = z.object({
  type: z.literal('pause'),
  monitorId: MonitorRef,
  paused: z.boolean(),
  ts: Timestamp,
});
/** A user acknowledged an open incident. */
export const IncidentAckEvent = z.object({
  type: z.literal('incident.ack'),
  incidentId: z.string().min(1).max(100),
  by: z.string().min(1).max(200),
  ts: Timestamp,
});

/** Everything the evaluator reacts to, one discriminated union so the relay can log and replay it. */
export const EvaluatorEvent = z.discriminatedUnion('type', [
  MonitorSetEvent,
  MonitorRemoveEvent,
  ResultEvent,
  ProbeHealthEvent,
  TickEvent,
  MaintenanceEvent,
  PauseEvent,
  IncidentAckEvent,
]);
/** Everything the evaluator reacts to. */
export type EvaluatorEvent = z.infer<typeof EvaluatorEvent>;
/** A monitor was created or its configuration changed. */
export type MonitorSetEvent = z.infer<typeof MonitorSetEvent>;
/** A monitor was deleted. */
export type MonitorRemoveEvent = z.infer<typeof MonitorRemoveEvent>;
/** One probe result as the evaluator sees it. */
export type ResultEvent = z.infer<typeof ResultEvent>;
/** A probe's own connectivity verdict. */
export type ProbeHealthEvent = z.infer<typeof ProbeHealthEvent>;
/** Time passes. */
export type TickEvent = z.infer<typeof TickEvent>;
/** A maintenance window started or ended. */
export type MaintenanceEvent = z.infer<typeof MaintenanceEvent>;
/** A monitor was paused or resumed. */
export type PauseEvent = z.infer<typeof PauseEvent>;
/** An incident was acknowledged. */
export type IncidentAckEvent = z.infer<typeof IncidentAckEvent>;

/**
 * The evaluator's input for one stored result, or undefined when the probe flagged itself
 * unhealthy: such a result says the probe lost connectivity, not that the target failed.
 */
export function resultEventOf(result: CheckResult): ResultEvent | undefined {
  if (!result.probeHealthy) return undefined;
  return {
    type: 'result',
    monitorId: result.monitorId,
    region: result.region,
    probeId: result.probeId,
    ts: result.ts,
    state: result.state,
    message: result.message,
    latencyMs: result.latencyMs,
  };
}
