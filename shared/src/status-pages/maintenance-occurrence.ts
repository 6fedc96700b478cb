import { Cron } from 'croner';
import type { MaintenanceWindow } from '../alerts/policies/maintenance-window.js';

/** One stretch of a maintenance window. */
export interface MaintenanceOccurrence {
  startsAt: number;
  endsAt: number;
  /** Whether `at` falls inside it. */
  active: boolean;
}

/**
 * The occurrence of a window a status page shows at `at`: the one in effect, else the next one
 * starting within `horizonMs`; null when neither exists (a past one-off, or a run too far ahead).
 */
export function maintenanceOccurrence(
  window: MaintenanceWindow,
  at: number,
  horizonMs: number,
): MaintenanceOccurrence | null {
  const within = (startsAt: number, endsAt: number): MaintenanceOccurrence | null => {
    if (endsAt <= at || startsAt > at + horizonMs) return null;
    return { startsAt, endsAt, active: startsAt <= at };
  };
  if (window.kind === 'once') return within(window.startsAt, window.endsAt);
  const durationMs = window.durationMinutes * 60_000;
  const cron = new Cron(window.cron, { timezone: window.timeZone, paused: true });
  // Runs fall on whole seconds; a second ahead makes a run at exactly `at` count as started.
  const started = cron.previousRuns(1, new Date(at + 1000))[0];
  if (started !== undefined) {
    const current = within(started.getTime(), started.getTime() + durationMs);
    if (current?.active) return current;
  }
  const next = cron.nextRun(new Date(at));
  return next === null ? null : within(next.getTime(), next.getTime() + durationMs);
}
