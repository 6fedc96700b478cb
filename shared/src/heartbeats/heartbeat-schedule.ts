import { Cron } from 'croner';
import type { MonitorOf } from '../monitor/monitor-schema.js';

/** When pings are expected: a fixed period or a cron expression in a time zone, plus grace. */
export type HeartbeatSchedule = Pick<MonitorOf<'heartbeat'>, 'period' | 'cron' | 'timezone' | 'grace'>;

/**
 * How long before a cron time a ping still counts for it. Jobs started by cron on a machine whose
 * clock runs slightly ahead ping just before the scheduled time; without this, such a ping would
 * count for the previous time and the job would look late all day.
 */
export const CRON_EARLY_TOLERANCE_MS = 30_000;

/**
 * When the next ping is due after a success at `lastSuccessAt` (epoch ms): `period` seconds later,
 * or the first cron time after it in the schedule's time zone (croner resolves local times across
 * DST: a time skipped by spring-forward fires at the first valid minute after it, a time repeated
 * by fall-back fires once).
 */
export function nextDueAt(schedule: HeartbeatSchedule, lastSuccessAt: number): number {
  if (schedule.period !== undefined) return lastSuccessAt + schedule.period * 1000;
  if (schedule.cron === undefined)
    throw new Error('a heartbeat schedule needs a period or a cron expression');
  const cron = new Cron(schedule.cron, { timezone: schedule.timezone, paused: true });
  const tolerance = Math.min(CRON_EARLY_TOLERANCE_MS, schedule.grace * 1000);
  const next = cron.nextRun(new Date(lastSuccessAt + tolerance));
  // A pattern that never fires again (e.g. a past date) leaves the job due forever after its last run.
  return next === null ? Number.MAX_SAFE_INTEGER : next.getTime();
}
