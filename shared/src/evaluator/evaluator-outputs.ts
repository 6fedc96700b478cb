import { z } from 'zod';
import { RegionName } from '../results/check-result.js';
import { MonitorRef } from './evaluated-monitor.js';
import { Incident } from './incident.js';
import { MonitorStatus, RegionStatus, Timestamp } from './status.js';

/** One region's view of a monitor changed; `ts` is the time of the result that changed it. */
export const RegionChanged = z.object({
  type: z.literal('region.changed'),
  monitorId: MonitorRef,
  region: RegionName,
  from: RegionStatus,
  to: RegionStatus,
  ts: Timestamp,
  message: z.string().max(2000),
});
/** A monitor's overall status changed; `message` says why in words a user reads. */
export const MonitorChanged = z.object({
  type: z.literal('monitor.changed'),
  monitorId: MonitorRef,
  from: MonitorStatus,
  to: MonitorStatus,
  ts: Timestamp,
  message: z.string().max(4000),
});
/** An incident opened. */
export const IncidentOpened = z.object({ type: z.literal('incident.opened'), incident: Incident });
/** An open incident's timeline grew or it was acknowledged. */
export const IncidentUpdated = z.object({ type: z.literal('incident.updated'), incident: Incident });
/** An incident resolved; the evaluator forgets it, so the caller stores it. */
export const IncidentResolved = z.object({ type: z.literal('incident.resolved'), incident: Incident });

/** Everything the evaluator reports, one discriminated union on `type`. */
export const EvaluatorOutput = z.discriminatedUnion('type', [
  RegionChanged,
  MonitorChanged,
  IncidentOpened,
  IncidentUpdated,
  IncidentResolved,
]);
/** Everything the evaluator reports. */
export type EvaluatorOutput = z.infer<typeof EvaluatorOutput>;
/** One region's view of a monitor changed. */
export type RegionChanged = z.infer<typeof RegionChanged>;
/** A monitor's overall status changed. */
export type MonitorChanged = z.infer<typeof MonitorChanged>;
