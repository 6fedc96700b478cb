import type { Logger } from 'pino';
import type { DesktopStore } from '../store/index.js';
import type { RelaySyncListeners } from '../sync/relay-sync.js';
import type { CoreEvents } from './core-events.js';
import type { IncidentNotifier } from './incident-notifier.js';
import { incidentView } from './incident-view.js';

/** What the sync's listeners feed. */
export interface SyncListenerDeps {
  store: DesktopStore;
  events: CoreEvents;
  notifier: IncidentNotifier;
  log: Logger;
}

/**
 * Translates what a relay sync reports into live API events and notifications. Each listener
 * catches its own failure: the store write it follows has already happened, and a broken event
 * must not stall the sync.
 */
export function syncListeners(deps: SyncListenerDeps): RelaySyncListeners {
  const { store, events, notifier } = deps;
  const guarded =
    <A extends unknown[]>(name: string, run: (...args: A) => void) =>
    (...args: A): void => {
      try {
        run(...args);
      } catch (error) {
        deps.log.error({ err: error, listener: name }, 'handling a sync update failed');
      }
    };
  return {
    results: guarded('results', (results, live) => {
      events.monitorsChanged(new Set(results.map((r) => r.monitorId)));
      if (live) events.checks(results);
    }),
    verdict: guarded('verdict', (monitorId) => events.monitorsChanged([monitorId])),
    incident: guarded('incident', (change, incident) => {
      events.emit({ type: 'incident', change, incident: incidentView(store, incident) });
      events.monitorsChanged([incident.monitorId]);
      notifier.incidentChanged(change, incident);
    }),
    probe: guarded('probe', (probe) => events.emit({ type: 'probe', probe })),
    monitors: guarded('monitors', (upserted, deleted) => {
      events.monitorsChanged(upserted.map((r) => r.monitor.id));
      events.monitorsRemoved(deleted);
    }),
    sync: guarded('sync', (sync) => events.emit({ type: 'sync', sync })),
  };
}
