import { type MaintenanceWindow, maintenanceActive } from '@vantage/shared';
import { Cron } from 'croner';
import type { MaintenanceView } from '../../contract/methods/alerting-methods.js';

/**
 * What a maintenance window means at `now`: whether it is in effect, until when, and when its
 * next period starts. Recurring windows ask croner in the window's own time zone, so a 02:00
 * window stays at 02:00 local time across DST changes, as the relay applies it.
 */
export function maintenanceView(window: MaintenanceWindow, now: number): MaintenanceView {
  if (window.kind === 'once') {
    const activeNow = now >= window.startsAt && now < window.endsAt;
    return {
      window,
      activeNow,
      activeUntil: activeNow ? window.endsAt : null,
      nextStartsAt: window.startsAt > now ? window.startsAt : null,
    };
  }
  const cron = new Cron(window.cron, { timezone: window.timeZone, paused: true });
  const durationMs = window.durationMinutes * 60_000;
  const activeNow = maintenanceActive(window, now);
  const started = activeNow
    ? cron.previousRuns(1, new Date(now + 1000)).find((run) => run.getTime() <= now)
    : undefined;
  const next = cron.nextRun(new Date(now));
  return {
    window,
    activeNow,
    activeUntil: started === undefined ? null : started.getTime() + durationMs,
    nextStartsAt: next === null ? null : next.getTime(),
  };
}
