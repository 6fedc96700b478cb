import { humanizeDuration, type Incident } from '@vantage/shared';
import type { DesktopSettings, SentNotification } from '../store/index.js';

/** How an incident changed, as the relay reports it. */
export type IncidentChange = 'opened' | 'updated' | 'acknowledged' | 'resolved';

/**
 * Changes older than this when they reach the desktop are history, not news: a laptop waking after
 * a night catches up on every incident it missed, and must not ring once for each of them.
 */
export const STALE_CHANGE_MS = 5 * 60_000;

/** What the policy needs besides the incident. */
export interface NotificationContext {
  /** Epoch ms now. */
  now: number;
  settings: Pick<DesktopSettings, 'notifications' | 'notificationsMutedUntil'>;
  /** The monitor's name, for the title (its id when the monitor is gone). */
  monitorName: string;
  /** True when this change of this incident was notified already (a replay after a reconnect). */
  alreadyNotified: boolean;
}

/**
 * Whether the user hears about an incident change, and in what words. Pure, so the rules read as
 * a table in its test:
 * 1. only `opened`, `acknowledged` and `resolved` notify (`updated` lines are timeline detail);
 * 2. nothing while notifications are off or muted, or for a change already notified;
 * 3. nothing for a change that happened more than {@link STALE_CHANGE_MS} ago (catch-up replay).
 */
export function decideIncidentNotification(
  change: IncidentChange,
  incident: Incident,
  context: NotificationContext,
): SentNotification | null {
  if (change === 'updated') return null;
  const { settings, now } = context;
  if (!settings.notifications || context.alreadyNotified) return null;
  if (settings.notificationsMutedUntil !== null && now < settings.notificationsMutedUntil) return null;
  const happenedAt = changeTime(change, incident);
  if (happenedAt === undefined || now - happenedAt > STALE_CHANGE_MS) return null;
  const name = context.monitorName;
  const base = {
    ts: now,
    kind: `incident.${change}`,
    monitorId: incident.monitorId,
    incidentId: incident.id,
  };
  switch (change) {
    case 'opened':
      return { ...base, title: clip(`${name} is down`, 500), body: clip(openedBody(incident), 4000) };
    case 'acknowledged':
      return {
        ...base,
        title: clip(`${name}: incident acknowledged`, 500),
        body: clip(
          `Acknowledged by ${incident.acknowledgedBy ?? 'someone'} after ${humanizeDuration(happenedAt - incident.openedAt)} of downtime. Cause: ${incident.cause}`,
          4000,
        ),
      };
    case 'resolved':
      return {
        ...base,
        title: clip(`${name} is back up`, 500),
        body: clip(
          `Down for ${humanizeDuration(happenedAt - incident.openedAt)}. Cause: ${incident.cause}`,
          4000,
        ),
      };
  }
}

/** The key under which a change counts as notified, for the `alreadyNotified` bookkeeping. */
export function notificationKey(change: IncidentChange, incidentId: string): string {
  return `incident.${change}:${incidentId}`;
}

function changeTime(change: Exclude<IncidentChange, 'updated'>, incident: Incident): number | undefined {
  if (change === 'opened') return incident.openedAt;
  if (change === 'acknowledged') return incident.acknowledgedAt;
  return incident.resolvedAt;
}

function openedBody(incident: Incident): string {
  const where = incident.regions.length > 0 ? `Down in ${incident.regions.join(', ')}: ` : '';
  return `${where}${incident.cause}`;
}

function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
