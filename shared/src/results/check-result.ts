import { z } from 'zod';

/** The three outcomes a single check can have. */
export const CheckState = z.enum(['up', 'degraded', 'down']);
/** The outcome of a single check. */
export type CheckState = z.infer<typeof CheckState>;

/** Phase timings of one check in milliseconds, measured from socket events. Absent phases did not happen. */
export const PhaseTimings = z.object({
  dnsMs: z.number().nonnegative().optional(),
  connectMs: z.number().nonnegative().optional(),
  tlsMs: z.number().nonnegative().optional(),
  ttfbMs: z.number().nonnegative().optional(),
  transferMs: z.number().nonnegative().optional(),
});
/** Phase timings of one check. */
export type PhaseTimings = z.infer<typeof PhaseTimings>;

/** The verdict of one condition in one check. */
export const ConditionVerdict = z.object({
  condition: z.string().max(2000),
  pass: z.boolean(),
  severity: z.enum(['down', 'degraded']),
  message: z.string().max(2000),
});
/** The verdict of one condition in one check. */
export type ConditionVerdict = z.infer<typeof ConditionVerdict>;

/** Probe ids and region names: short, URL- and log-safe. */
export const ProbeId = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/, 'must be 1-64 letters, digits, ".", "_" or "-"');
/** Region names, e.g. `eu-west`, `local`. */
export const RegionName = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{0,39}$/, 'must be 1-40 lowercase letters, digits or "-"');

/**
 * One check's result as a probe reports it. `(probeId, seq)` is its stable identity: `seq` grows
 * by one for every result a probe produces, so the relay and desktops store it exactly once.
 */
export const CheckResult = z.object({
  probeId: ProbeId,
  seq: z.number().int().positive(),
  monitorId: z.string().min(1).max(64),
  region: RegionName,
  /** When the check started, epoch milliseconds. */
  ts: z.number().int().nonnegative(),
  state: CheckState,
  /** Total duration of the check in milliseconds (the last attempt when retried). */
  latencyMs: z.number().nonnegative(),
  phases: PhaseTimings.optional(),
  /** Empty when everything passed; otherwise the first failed condition's sentence or the network error. */
  message: z.string().max(2000),
  statusCode: z.number().int().min(100).max(999).optional(),
  /** How many attempts the in-check retry made (1 when it was not retried). */
  attempts: z.number().int().min(1).max(10).default(1),
  /** False while the probe's own connectivity canaries fail: the evaluator leaves such results out. */
  probeHealthy: z.boolean().default(true),
  certExpiresAt: z.number().int().optional(),
  certIssuer: z.string().max(500).optional(),
  verdicts: z.array(ConditionVerdict).max(100).optional(),
  /** The monitor revision the probe ran. */
  revision: z.number().int().nonnegative().optional(),
  /**
   * Set by the relay when it stores the result, never by a probe (the relay overwrites it): the
   * monitor was in a maintenance window, so the result does not count against uptime.
   */
  maintenance: z.boolean().optional(),
});
/** One check's result as a probe reports it. */
export type CheckResult = z.infer<typeof CheckResult>;

/** The stable string id of a result, `probeId:seq`. */
export function resultId(result: Pick<CheckResult, 'probeId' | 'seq'>): string {
  return `${result.probeId}:${result.seq}`;
}
