import { z } from 'zod';
import { MONITOR_LIMITS as L } from '../monitor/monitor-defaults.js';
import { FailureWindow, type Monitor, MonitorRegions, Quorum } from '../monitor/monitor-schema.js';

/** A monitor id as the evaluator references it (the monitor schema validates the full form). */
export const MonitorRef = z.string().min(1).max(64);

/**
 * The part of a monitor's configuration the evaluator uses; what to check and how is the probe's
 * business. Bounds match the monitor schema so any validated monitor fits (checked below at
 * compile time).
 */
export const EvaluatedMonitor = z.object({
  id: MonitorRef,
  /** Seconds between checks; a region is stale after three intervals without a counting result. */
  interval: z.number().min(L.minIntervalS).max(L.maxIntervalS),
  confirmation: z.number().int().min(1).max(L.maxConfirmation),
  recovery: z.number().int().min(1).max(L.maxConfirmation),
  quorum: Quorum,
  failureWindow: FailureWindow.optional(),
  paused: z.boolean(),
  parent: MonitorRef.optional(),
  regions: MonitorRegions,
});
/** The part of a monitor's configuration the evaluator uses. */
export type EvaluatedMonitor = z.infer<typeof EvaluatedMonitor>;

type EvaluatedKeys = keyof EvaluatedMonitor;
// Fails to compile if the monitor schema drifts so that a validated monitor no longer fits.
type MonitorFits = Pick<Monitor, EvaluatedKeys> extends EvaluatedMonitor ? true : never;
const monitorFits: MonitorFits = true;
void monitorFits;

/** The evaluator's view of a validated monitor, with absent optional fields left out. */
export function evaluatedMonitorOf(monitor: Monitor): EvaluatedMonitor {
  const { id, interval, confirmation, recovery, quorum, failureWindow, paused, parent, regions } = monitor;
  const out: EvaluatedMonitor = {
    id,
    interval,
    confirmation,
    recovery,
    quorum,
    paused,
    // The relay itself reports heartbeats (one region of its own), whatever regions the config lists.
    regions: monitor.type === 'heartbeat' ? 'all' : copy(regions),
  };
  if (failureWindow !== undefined) out.failureWindow = { ...failureWindow };
  if (parent !== undefined) out.parent = parent;
  return out;
}

function copy(regions: Monitor['regions']): EvaluatedMonitor['regions'] {
  return regions === 'all' ? 'all' : [...regions];
}
