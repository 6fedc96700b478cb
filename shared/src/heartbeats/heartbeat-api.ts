import { z } from 'zod';
import { HeartbeatRun } from './heartbeat-runs.js';
import { HeartbeatState } from './heartbeat-state.js';

/** One heartbeat monitor as the relay's API lists it. */
export const HeartbeatSummary = z.object({
  monitorId: z.string(),
  name: z.string(),
  /** The ping URL: `<publicUrl>/hb/<token>`. Whoever has it can ping. */
  url: z.string(),
  state: HeartbeatState,
  /** Why it is late or down (empty when up). */
  message: z.string(),
  lastPingAt: z.number().nullable(),
  /** When the next success is expected; null before the first success and while paused. */
  nextDueAt: z.number().nullable(),
  /** When it goes down without a success. */
  downAt: z.number().nullable(),
  lastRun: HeartbeatRun.nullable(),
});
/** One heartbeat monitor as the relay's API lists it. */
export type HeartbeatSummary = z.infer<typeof HeartbeatSummary>;

/** Every heartbeat monitor, in monitor id order. */
export const HeartbeatList = z.object({ heartbeats: z.array(HeartbeatSummary) });
/** Every heartbeat monitor. */
export type HeartbeatList = z.infer<typeof HeartbeatList>;

/** One heartbeat monitor with its recent runs, newest first. */
export const HeartbeatDetail = HeartbeatSummary.extend({ runs: z.array(HeartbeatRun) });
/** One heartbeat monitor with its recent runs. */
export type HeartbeatDetail = z.infer<typeof HeartbeatDetail>;
