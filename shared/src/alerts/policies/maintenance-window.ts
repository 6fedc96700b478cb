import { Cron } from 'croner';
import { z } from 'zod';
import { Timestamp } from '../../evaluator/status.js';
import { PolicyId } from './escalation-policy.js';
import { TimeZone } from './notification-schedule.js';

const MAX_DURATION_MINUTES = 7 * 24 * 60;

const Targets = {
  /** Monitors the window covers by id. */
  monitorIds: z.array(z.string().min(1).max(64)).max(1000).default([]),
  /** Monitors the window covers by tag. */
  tags: z.array(z.string().trim().min(1).max(50)).max(100).default([]),
};

const cronPattern = z
  .string()
  .min(1)
  .max(200)
  .refine((pattern) => validCron(pattern), { error: 'is not a valid cron pattern (5 or 6 fields)' });

/**
 * A period with no alerts: the covered monitors show `maintenance` and the period does not count
 * against uptime. One-off (`startsAt`..`endsAt`) or recurring (each cron firing in `timeZone`
 * starts a window of `durationMinutes`; croner resolves local times across DST changes).
 */
export const MaintenanceWindow = z
  .discriminatedUnion('kind', [
    z.object({
      kind: z.literal('once'),
      id: PolicyId,
      name: z.string().trim().min(1).max(100),
      ...Targets,
      startsAt: Timestamp,
      endsAt: Timestamp,
    }),
    z.object({
      kind: z.literal('recurring'),
      id: PolicyId,
      name: z.string().trim().min(1).max(100),
      ...Targets,
      cron: cronPattern,
      timeZone: TimeZone,
      durationMinutes: z.number().int().min(1).max(MAX_DURATION_MINUTES),
    }),
  ])
  .refine((w) => w.kind !== 'once' || w.endsAt > w.startsAt, {
    error: 'must end after it starts',
    path: ['endsAt'],
  })
  .refine((w) => w.monitorIds.length + w.tags.length > 0, {
    error: 'must name at least one monitor or tag',
    path: ['monitorIds'],
  });
/** A maintenance window. */
export type MaintenanceWindow = z.infer<typeof MaintenanceWindow>;

/** Whether a window is in effect at `at`. */
export function maintenanceActive(window: MaintenanceWindow, at: number): boolean {
  if (window.kind === 'once') return at >= window.startsAt && at < window.endsAt;
  const cron = new Cron(window.cron, { timezone: window.timeZone, paused: true });
  // Runs fall on whole seconds; look a second ahead so a run at exactly `at` counts.
  const started = cron.previousRuns(2, new Date(at + 1000)).find((run) => run.getTime() <= at);
  return started !== undefined && at < started.getTime() + window.durationMinutes * 60_000;
}

/** Whether a window covers a monitor (by id or by one of its tags). */
export function maintenanceCovers(
  window: MaintenanceWindow,
  monitor: { id: string; tags: readonly string[] },
): boolean {
  return window.monitorIds.includes(monitor.id) || window.tags.some((tag) => monitor.tags.includes(tag));
}

function validCron(pattern: string): boolean {
  try {
    new Cron(pattern, { paused: true });
    return true;
  } catch {
    return false;
  }
}
