import type { Logger } from 'pino';
import type { DesktopSettings, DesktopStore } from '../store/index.js';
import type { MonitorVerdict, RelaySync, RelaySyncListeners } from '../sync/relay-sync.js';
import { createApiHandlers } from './api-handlers.js';
import { appInfo } from './app-handlers.js';
import type { CoreContext } from './core-context.js';
import { CoreEvents } from './core-events.js';
import type { CoreConfig } from './core-options.js';
import type { DesktopCore } from './desktop-core.js';
import type { EmbeddedRelay } from './embedded-relay.js';
import type { CoalescerTimers } from './event-coalescer.js';
import { startHistoryRetention } from './history-retention.js';
import { IncidentNotifier } from './incident-notifier.js';
import { MonitorViews } from './monitor-views.js';
import { type ConnectionPlan, RelaySupervisor, type SyncTarget } from './relay-supervisor.js';
import { syncListeners } from './sync-listeners.js';

/** The parts a core is built from; `createDesktopCore` passes the real ones. */
export interface CoreParts {
  config: CoreConfig;
  store: DesktopStore;
  log: Logger;
  startEmbedded(): Promise<EmbeddedRelay>;
  startSync(target: SyncTarget, listeners: RelaySyncListeners): Promise<RelaySync> | RelaySync;
  timers?: CoalescerTimers;
}

/** The relay the settings name: remote when fully configured, otherwise the embedded one. */
export function planFromSettings(settings: DesktopSettings): ConnectionPlan {
  if (settings.relayMode === 'remote' && settings.remoteUrl !== null && settings.remoteToken !== null) {
    return { mode: 'remote', url: settings.remoteUrl, token: settings.remoteToken };
  }
  return { mode: 'embedded' };
}

/**
 * Wires the core around an open store: events, monitor views, notifications, the relay link and
 * the API handlers; then links to the relay (the start override, else the settings' choice). The
 * store belongs to the core from here on and is closed by `stop`.
 */
export async function assembleCore(parts: CoreParts): Promise<DesktopCore> {
  const { config, store, log } = parts;
  // The supervisor's callbacks reach the listeners and events declared after it; none runs
  // before `apply` below.
  const connection: RelaySupervisor = new RelaySupervisor({
    startEmbedded: parts.startEmbedded,
    startSync: (target) => parts.startSync(target, listeners),
    pendingChanges: () => store.pendingChanges.count(),
    onRelayChanged: () => store.relayLinks.forgetAll(),
    onSwitched: () => events.emit({ type: 'sync', sync: connection.status() }),
    log: log.child({ part: 'connection' }),
  });
  const views = new MonitorViews(store, {
    verdicts: () => verdictLookup(connection, store),
    connected: () => connection.status().connection === 'connected',
    pendingMonitorIds: () => store.pendingChanges.monitorIds(),
  });
  const events = new CoreEvents({
    monitorViews: (ids) => views.some(ids),
    log,
    ...(parts.timers ? { timers: parts.timers } : {}),
  });
  const notifier = new IncidentNotifier(store, events, config.now, log.child({ part: 'notifications' }));
  const listeners = syncListeners({ store, events, notifier, log });
  const ctx: CoreContext = {
    config,
    store,
    log,
    connection,
    views,
    events,
    relink: () => connection.apply(planFromSettings(store.settings.get())),
  };
  const handlers = createApiHandlers(ctx);
  const stopRetention = startHistoryRetention(store, log.child({ part: 'retention' }));
  await connection.apply(
    config.relay === undefined
      ? planFromSettings(store.settings.get())
      : { mode: 'remote', url: config.relay.url, token: config.relay.token },
  );
  log.info(
    { dataDir: config.dataDir, shell: config.shell, desktopId: store.desktopId },
    'desktop core started',
  );

  let stopping: Promise<void> | undefined;
  return {
    api: { handlers, onEvent: (listener) => events.onEvent(listener) },
    get info() {
      return appInfo(ctx);
    },
    desktopId: store.desktopId,
    logger: log,
    stop() {
      stopping ??= (async () => {
        stopRetention();
        events.stop();
        try {
          await connection.stop();
        } finally {
          store.close();
          log.info('desktop core stopped');
        }
      })();
      return stopping;
    },
  };
}

/** The sync's verdicts; while no sync runs, the last ones stored (shown until a relay answers). */
function verdictLookup(
  connection: RelaySupervisor,
  store: DesktopStore,
): (monitorId: string) => MonitorVerdict | undefined {
  const sync = connection.sync;
  if (sync !== null) return (id) => sync.verdict(id);
  const stored = store.verdicts.all();
  return (id) => stored.get(id);
}
