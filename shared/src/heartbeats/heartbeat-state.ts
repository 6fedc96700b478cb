import { z } from 'zod';
import { humanizeDuration } from '../units/duration.js';
import { type HeartbeatSchedule, nextDueAt } from './heartbeat-schedule.js';

/**
 * A heartbeat's state: `new` before its first ping, `up` until due, `late` past due but within
 * grace, `down` past due plus grace or after a failure signal, `paused` while the monitor is.
 */
export const HeartbeatState = z.enum(['new', 'up', 'late', 'down', 'paused']);
/** A heartbeat's state. */
export type HeartbeatState = z.infer<typeof HeartbeatState>;

/** What the relay knows about a heartbeat's pings when it decides its state. */
export interface HeartbeatFacts {
  paused: boolean;
  /** The newest success (epoch ms), null before the first. */
  lastSuccessAt: number | null;
  /** The newest failure signal if it came after the newest success: the job said it failed. */
  failure: { at: number; exitCode: number | null } | null;
}

/** The state at one moment, when it is next due and when it goes down, and a sentence for results. */
export interface HeartbeatVerdict {
  state: HeartbeatState;
  /** When the next success is expected; null before the first success and while paused. */
  nextDueAt: number | null;
  /** When the heartbeat goes down without a success; null when unknown or already down by a signal. */
  downAt: number | null;
  /** Empty when up; otherwise says why ("late: …", "job failed with exit code 2", …). */
  message: string;
}

/**
 * Decides a heartbeat's state at `now`:
 * 1. paused monitors are `paused`, whatever their pings;
 * 2. a failure signal newer than the last success is `down`, naming the exit code;
 * 3. without a success yet it is `new` (waiting for the first ping);
 * 4. otherwise `up` until due, `late` within grace after that, then `down`.
 */
export function heartbeatVerdictAt(
  schedule: HeartbeatSchedule,
  facts: HeartbeatFacts,
  now: number,
): HeartbeatVerdict {
  const nextDue = facts.lastSuccessAt === null ? null : nextDueAt(schedule, facts.lastSuccessAt);
  return heartbeatVerdictWithDue(schedule, facts, nextDue, now);
}

/**
 * {@link heartbeatVerdictAt} with the due time already known (`nextDueAt` of the last success):
 * for callers that decide often and compute a cron schedule's next time once per success.
 */
export function heartbeatVerdictWithDue(
  schedule: HeartbeatSchedule,
  facts: HeartbeatFacts,
  nextDue: number | null,
  now: number,
): HeartbeatVerdict {
  if (facts.paused) return { state: 'paused', nextDueAt: null, downAt: null, message: 'paused' };
  if (facts.failure !== null) {
    return {
      state: 'down',
      nextDueAt: nextDue,
      downAt: null,
      message: failureMessage(facts.failure.exitCode),
    };
  }
  if (facts.lastSuccessAt === null || nextDue === null) {
    return { state: 'new', nextDueAt: null, downAt: null, message: 'waiting for the first ping' };
  }
  const downAt = nextDue + schedule.grace * 1000;
  if (now <= nextDue) return { state: 'up', nextDueAt: nextDue, downAt, message: '' };
  const since = humanizeDuration(now - facts.lastSuccessAt);
  const overdue = humanizeDuration(now - nextDue);
  const grace = humanizeDuration(schedule.grace * 1000);
  if (now <= downAt) {
    return {
      state: 'late',
      nextDueAt: nextDue,
      downAt,
      message: `late: no ping for ${since}, due ${overdue} ago (grace ${grace})`,
    };
  }
  return {
    state: 'down',
    nextDueAt: nextDue,
    downAt,
    message: `no ping for ${since}: due ${overdue} ago and the grace of ${grace} is over`,
  };
}

/** The sentence for a job that signalled failure. */
export function failureMessage(exitCode: number | null): string {
  return exitCode === null ? 'job reported failure' : `job failed with exit code ${exitCode}`;
}
