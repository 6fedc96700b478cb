import { z } from 'zod';
import { EpochMs, SoftwareVersion } from './wire-primitives.js';

/** One connectivity canary: a well-known target the probe checks to tell its own outage from a target's. */
export const CanaryReport = z.object({
  target: z.string().min(1).max(500),
  ok: z.boolean(),
  message: z.string().max(2000).optional(),
});
/** One connectivity canary's outcome. */
export type CanaryReport = z.infer<typeof CanaryReport>;

/**
 * `probe.health`: the probe's own state. While `healthy` is false the relay leaves this probe's
 * results out of evaluation instead of letting a probe outage read as every target down.
 */
export const ProbeHealthMessage = z.object({
  type: z.literal('probe.health'),
  healthy: z.boolean(),
  ts: EpochMs,
  reason: z.string().max(2000).optional(),
  canaries: z.array(CanaryReport).max(20),
  /** 99th percentile of how late scheduled checks started, in ms: high means the probe is overloaded. */
  latenessP99Ms: z.number().nonnegative().optional(),
  /** Results waiting in the spool for an ack. */
  spoolDepth: z.number().int().nonnegative().optional(),
  version: SoftwareVersion.optional(),
});
/** `probe.health`: the probe's own state. */
export type ProbeHealthMessage = z.infer<typeof ProbeHealthMessage>;
