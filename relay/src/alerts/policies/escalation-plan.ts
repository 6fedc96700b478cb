import type { EscalationPolicy } from '@vantage/shared';

/** Where an open, unacknowledged incident is in its escalation policy. */
export interface EscalationProgress {
  openedAt: number;
  /** Steps fired so far, counting every repeat. */
  stepsFired: number;
  /** When the last reminder went out (null: none yet, count from the opening). */
  lastReminderAt: number | null;
}

/** What is due now: the channels of each step that fires, whether a reminder goes, and when to look again. */
export interface EscalationDue {
  steps: string[][];
  remind: boolean;
  progress: EscalationProgress;
  /** Null when nothing will ever be due again. */
  nextDueAt: number | null;
}

const MINUTE = 60_000;

/** When the k-th step (0-based, counting repeats) is due, or null when there is none. */
export function stepDueAt(policy: EscalationPolicy, openedAt: number, k: number): number | null {
  const n = policy.steps.length;
  if (n === 0 || (!policy.repeat && k >= n)) return null;
  const cycle = Math.floor(k / n);
  const cycleMinutes = policy.steps[n - 1]!.afterMinutes;
  return openedAt + (cycle * cycleMinutes + policy.steps[k % n]!.afterMinutes) * MINUTE;
}

/**
 * What an escalation policy asks for at `now`:
 * 1. every step whose time has come fires (several at once after a long sleep, each once);
 * 2. one reminder goes if `reminderEveryMinutes` passed since the last (missed ones are not
 *    sent in a burst);
 * 3. the next due time is the earlier of the next step and the next reminder.
 */
export function planEscalation(
  policy: EscalationPolicy,
  progress: EscalationProgress,
  now: number,
): EscalationDue {
  const steps: string[][] = [];
  let k = progress.stepsFired;
  // A repeating policy cannot loop forever here: each cycle moves time forward by at least a minute's fraction.
  for (
    let due = stepDueAt(policy, progress.openedAt, k);
    due !== null && due <= now;
    due = stepDueAt(policy, progress.openedAt, k)
  ) {
    steps.push([...policy.steps[k % policy.steps.length]!.channels]);
    k += 1;
  }
  let lastReminderAt = progress.lastReminderAt;
  let remind = false;
  const every = policy.reminderEveryMinutes === undefined ? null : policy.reminderEveryMinutes * MINUTE;
  if (every !== null && (lastReminderAt ?? progress.openedAt) + every <= now) {
    remind = true;
    lastReminderAt = now;
  }
  const nextStep = stepDueAt(policy, progress.openedAt, k);
  const nextReminder = every === null ? null : (lastReminderAt ?? progress.openedAt) + every;
  const candidates = [nextStep, nextReminder].filter((t): t is number => t !== null);
  return {
    steps,
    remind,
    progress: { openedAt: progress.openedAt, stepsFired: k, lastReminderAt },
    nextDueAt: candidates.length === 0 ? null : Math.min(...candidates),
  };
}
