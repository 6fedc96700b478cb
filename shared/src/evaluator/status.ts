import { z } from 'zod';

/**
 * What the evaluator says about a whole monitor. `paused` and `maintenance` override everything;
 * `dependency_down` replaces `down` while the parent monitor is down.
 */
export const MonitorStatus = z.enum([
  'up',
  'degraded',
  'down',
  'pending',
  'paused',
  'maintenance',
  'unknown',
  'dependency_down',
]);
/** What the evaluator says about a whole monitor. */
export type MonitorStatus = z.infer<typeof MonitorStatus>;

/** What the evaluator says about one monitor as seen from one region. */
export const RegionStatus = z.enum(['pending', 'up', 'degraded', 'down']);
/** What the evaluator says about one monitor as seen from one region. */
export type RegionStatus = z.infer<typeof RegionStatus>;

/** Epoch milliseconds, as every evaluator event and output carries them. */
export const Timestamp = z.number().int().nonnegative();
