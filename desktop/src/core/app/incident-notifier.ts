import type { Incident } from '@vantage/shared';
import type { Logger } from 'pino';
import type { DesktopStore } from '../store/index.js';
import type { CoreEvents } from './core-events.js';
import { decideIncidentNotification, type IncidentChange, notificationKey } from './notification-policy.js';

/** How many past notifications are read at start to recognise replays. */
const REMEMBERED = 1000;

/**
 * Applies the notification policy to incident changes as the sync stores them: each notification
 * is recorded in the store's log and sent as a `notification` event for the shell to show. Changes
 * already notified (this run, or recently before a restart) are recognised and stay quiet.
 */
export class IncidentNotifier {
  readonly #notified = new Set<string>();

  constructor(
    private readonly store: DesktopStore,
    private readonly events: CoreEvents,
    private readonly now: () => number,
    private readonly log: Logger,
  ) {
    for (const sent of store.notifications.list({ limit: REMEMBERED })) {
      if (sent.incidentId !== undefined) this.#notified.add(`${sent.kind}:${sent.incidentId}`);
    }
  }

  /** Decides on one change and, if it notifies, records and emits it. */
  incidentChanged(change: IncidentChange, incident: Incident): void {
    const key = notificationKey(change, incident.id);
    const decided = decideIncidentNotification(change, incident, {
      now: this.now(),
      settings: this.store.settings.get(),
      monitorName: this.store.monitors.get(incident.monitorId)?.monitor.name ?? incident.monitorId,
      alreadyNotified: this.#notified.has(key),
    });
    if (decided === null) return;
    this.#notified.add(key);
    const id = this.store.notifications.record(decided);
    this.log.info(
      { kind: decided.kind, incidentId: incident.id, monitorId: incident.monitorId },
      'notifying',
    );
    this.events.emit({ type: 'notification', notification: { id, ...decided } });
  }
}
