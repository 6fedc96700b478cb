import { DesktopIdentity, type RelayToDesktop } from '@vantage/shared';
import type { Logger } from 'pino';
import type { SyncView } from '../../contract/index.js';
import type { DesktopStore } from '../store/index.js';
import { MonitorSync } from './monitor-sync.js';
import { parseRelayAddress } from './relay-address.js';
import { RelayCommands } from './relay-commands.js';
import { RelayConnection } from './relay-connection.js';
import { RelayRest } from './relay-rest.js';
import type { RelaySync, RelaySyncListeners } from './relay-sync.js';
import type { BackoffOptions } from './reconnect-backoff.js';
import { ResultCatchUp } from './result-catch-up.js';
import type { SendRate } from './send-pacer.js';
import { StatusSync } from './status-sync.js';

/** How to link the store to a relay. */
export interface RelaySyncOptions {
  /** The open store; it stays the caller's (stop() leaves it open). */
  store: DesktopStore;
  /** The relay: an `http(s)://` base or its `ws(s)://…/ws` endpoint. */
  url: string;
  /** A desktop token of that relay. */
  token: string;
  /** Who this desktop is (`id` should be the store's `desktopId`: the relay keeps a cursor per id). */
  desktop: DesktopIdentity;
  logger: Logger;
  listeners?: RelaySyncListeners;
  /** Embedded (the in-process relay) or remote; shown in the status (default remote). */
  mode?: SyncView['mode'];
  now?: () => number;
  backoff?: Partial<BackoffOptions>;
  random?: () => number;
  /** Default deadline of a request to the relay (15 s). */
  requestTimeoutMs?: number;
  /** Silence after which the link is presumed dead (75 s). */
  idleTimeoutMs?: number;
  /** How fast requests go out (40 per second, bursts of 150: below the relay's default limit). */
  rate?: SendRate;
}

/**
 * Links a store to a relay and keeps them in step until stopped: the result log is read into
 * the store exactly once per result (ResultCatchUp), monitors are pushed and reconciled
 * (MonitorSync), verdicts, incidents and probes follow the relay (StatusSync), and one-off checks
 * and acknowledgements go through it (RelayCommands). The relay is known by the `relayId` its
 * `hello.ok` announces (its URL when an older relay announces none), so an embedded relay on a
 * new port each start is still the same relay. Throws naming the option when one is invalid.
 */
export function startRelaySync(options: RelaySyncOptions): RelaySync {
  const address = parseRelayAddress(options.url);
  if (options.token.trim() === '') throw new Error('token: must not be empty');
  const identity = DesktopIdentity.safeParse(options.desktop);
  if (!identity.success) {
    const issue = identity.error.issues[0]!;
    throw new Error(`desktop.${issue.path.join('.')}: ${issue.message}`);
  }
  const { store } = options;
  const listeners = options.listeners ?? {};
  const now = options.now ?? Date.now;
  const log = options.logger.child({ part: 'sync', relay: address.wsUrl });
  const rest = new RelayRest(address.httpUrl, options.token);
  let live: RelayConnection | null = null;

  const notify = (what: string, call: () => void) => {
    try {
      call();
    } catch (error) {
      log.error({ err: error, listener: what }, 'a relay sync listener failed');
    }
  };
  const status = (): SyncView => ({
    mode: options.mode ?? 'remote',
    relayUrl: options.url,
    connection: connection.state,
    lastError: connection.lastError,
    nextAttemptAt: connection.nextAttemptAt,
    cursor: catchUp.cursor(),
    catchUp: catchUp.view(),
    pendingChanges: store.pendingChanges.count(),
  });
  const syncChanged = () => notify('sync', () => listeners.sync?.(status()));

  const catchUp = new ResultCatchUp(
    store,
    log,
    {
      stored: (results, isLive) => notify('results', () => listeners.results?.(results, isLive)),
      progress: syncChanged,
      failed: (error) => {
        log.error(
          { err: error },
          'could not store results from the relay; reconnecting to resume from the stored cursor',
        );
        connection.drop(`storing results failed: ${(error as Error).message}`);
      },
    },
    now,
  );
  const statusSync = new StatusSync(
    store,
    rest,
    log,
    {
      verdict: (id, verdict, previous) => notify('verdict', () => listeners.verdict?.(id, verdict, previous)),
      incident: (change, incident) => notify('incident', () => listeners.incident?.(change, incident)),
      probe: (probe) => notify('probe', () => listeners.probe?.(probe)),
    },
    now,
  );
  const monitors = new MonitorSync(
    store,
    log,
    {
      changed: (upserted, deleted) => {
        for (const id of deleted) statusSync.forget(id);
        notify('monitors', () => listeners.monitors?.(upserted, deleted));
      },
      pendingChanged: syncChanged,
    },
    now,
  );
  const commands = new RelayCommands({ connection: () => live, rest, store, status: statusSync });

  const onFrame = (frame: RelayToDesktop) => {
    switch (frame.type) {
      case 'results.page':
        return catchUp.page(frame);
      case 'event.status':
        return statusSync.applyStatus(frame);
      case 'event.incident':
        return statusSync.applyIncident(frame);
      case 'event.probe':
        return statusSync.applyProbe(frame);
      case 'event.monitors':
        return monitors.applyEvent(frame);
      case 'error':
        return log.info({ code: frame.code, error: frame.message }, 'the relay reported');
      default:
        return log.debug({ type: frame.type }, 'ignored a reply that arrived after its request ended');
    }
  };

  const connection: RelayConnection = new RelayConnection({
    wsUrl: address.wsUrl,
    token: options.token,
    desktop: identity.data,
    logger: log,
    ...(options.backoff ? { backoff: options.backoff } : {}),
    ...(options.random ? { random: options.random } : {}),
    ...(options.requestTimeoutMs ? { requestTimeoutMs: options.requestTimeoutMs } : {}),
    ...(options.idleTimeoutMs ? { idleTimeoutMs: options.idleTimeoutMs } : {}),
    ...(options.rate ? { rate: options.rate } : {}),
    now,
    handlers: {
      opened(hello) {
        live = connection;
        const relayKey = hello.relayId ?? address.wsUrl;
        catchUp.start(connection, relayKey);
        statusSync
          .start(connection)
          .catch((error: unknown) => log.error({ err: error }, 'could not apply the relay status'));
        monitors
          .start(connection, relayKey)
          .catch((error: unknown) => log.error({ err: error }, 'could not sync monitors'));
      },
      frame: onFrame,
      closed() {
        live = null;
        catchUp.stop();
        monitors.stop();
        statusSync.linkLost();
      },
      changed: syncChanged,
    },
  });
  connection.start();

  return {
    status,
    verdict: (monitorId) => statusSync.verdict(monitorId),
    upsertMonitor: (monitor) => monitors.upsert(monitor),
    deleteMonitor: (monitorId) => monitors.delete(monitorId),
    pauseMonitor: (monitorId, paused) => monitors.pause(monitorId, paused),
    runNow: (monitorId, region) => commands.runNow(monitorId, region),
    testCheck: (monitor, region) => commands.testCheck(monitor, region),
    acknowledge: (incidentId, by) => commands.acknowledge(incidentId, by),
    relayCall: (verb, path, body) => rest.call(verb, path, body),
    reconnect: () => connection.reconnect(),
    stop: () => connection.stop(),
  };
}
