import type { AddressInfo } from 'node:net';
import type { Logger } from 'pino';
import type { AlertingOptions } from './alerts/alert-service.js';
import { mountAlerting } from './alerts/register-alerting.js';
import { createHttpApp } from './api/http-app.js';
import { prepareDataDir } from './config/data-dir.js';
import { ensureFirstDesktopToken } from './config/first-desktop-token.js';
import { parseRelayConfig } from './config/load-relay-config.js';
import { ensureLocalDesktopToken } from './config/local-desktop-token.js';
import { ensureLocalProbeToken } from './config/local-probe-token.js';
import { limitsOf, type RelayConfig, type RelayConfigInput } from './config/relay-config.js';
import { RELAY_VERSION } from './config/relay-version.js';
import { type HeartbeatOptions, mountHeartbeats } from './heartbeats/mount-heartbeats.js';
import { createHub, type HubOptions } from './hub/index.js';
import { createRelayLogger } from './logging/create-logger.js';
import type { HealthBody } from './metrics/ops-routes.js';
import { createRelayMetrics, sqliteFileBytes } from './metrics/relay-metrics.js';
import type { RelayContext, RelayStorage } from './relay-context.js';
import { startRetentionJob } from './retention/retention-job.js';
import { openSqliteStorage } from './storage/sqlite/open-sqlite-storage.js';
import { mountStatusPages } from './status-pages/mount-status-pages.js';
import type { StatusPageOptions } from './status-pages/status-page-service.js';

/** A running relay. */
export interface RelayHandle {
  /** Base URL, e.g. `http://127.0.0.1:7400`; the WebSocket endpoint is `ws://…/ws`. */
  url: string;
  /** The port actually bound (useful with port 0). */
  port: number;
  /** The absolute data dir in use. */
  dataDir: string;
  /** The WebSocket URL probes and desktops dial. */
  wsUrl: string;
  /** Where people and jobs reach the relay: the `publicUrl` setting, else `url`. */
  publicUrl: string;
  /**
   * For embedders: the token of an in-process probe serving `region` (created once, kept in the
   * data dir with mode 0600, reused while it verifies).
   */
  localProbeToken(region: string): string;
  /**
   * For embedders: the token of the desktop running this relay in-process (created once, kept in
   * the data dir with mode 0600, reused while it verifies).
   */
  localDesktopToken(): string;
  /** Stops accepting connections, closes the hub (flushing results) and the database. Idempotent. */
  stop(): Promise<void>;
}

/** What a caller may inject: the root logger (the CLI's, or the desktop's), the clock, hub timings. */
export interface RelayDependencies {
  logger?: Logger;
  now?: () => number;
  hub?: HubOptions;
  /** Alerting timings (grouping window, retries, escalation tick); tests shorten them. */
  alerts?: Partial<AlertingOptions>;
  /** Heartbeat tick and ping budgets; tests shorten the tick. */
  heartbeats?: Partial<HeartbeatOptions>;
  /** Status page cache, live-update and subscriber delivery timings; tests shorten them. */
  statusPages?: Partial<StatusPageOptions>;
}

/**
 * Starts a relay: the very function `vantage-relay` runs and the desktop embeds in-process.
 * 1. validate the settings (throws naming the bad one) and open the data dir's database;
 * 2. on a fresh data dir, create the first desktop token and write it to `desktop-token` (0600);
 * 3. start the hub, the HTTP server (`/ws`, `/healthz`, `/metrics`, `/api/v1`) and retention.
 */
export async function startRelay(
  input: RelayConfigInput | RelayConfig,
  deps: RelayDependencies = {},
): Promise<RelayHandle> {
  const parsed = parseRelayConfig(input);
  if (!parsed.ok) throw new Error(parsed.error);
  const config = parsed.value;
  const log = deps.logger ?? createRelayLogger(config.logLevel);
  const now = deps.now ?? Date.now;
  const startedAt = Date.now();

  const dbPath = prepareDataDir(config.dataDir);
  const storage = openSqliteStorage(dbPath);
  const cleanups: Array<() => Promise<void> | void> = [() => storage.close()];
  try {
    ensureFirstDesktopToken(storage, config.dataDir, now(), log.child({ part: 'tokens' }));
    const ctx: RelayContext = {
      limits: limitsOf(config),
      storage,
      log,
      retentionDays: config.retentionDays,
      version: RELAY_VERSION,
      now,
    };
    const hub = createHub(ctx, deps.hub);
    const metrics = createRelayMetrics(RELAY_VERSION, {
      hub: () => hub.metrics(),
      databaseBytes: () => sqliteFileBytes(dbPath),
    });
    const retention = startRetentionJob({
      results: storage.results,
      retentionDays: config.retentionDays,
      now,
      log: log.child({ part: 'retention' }),
      onRun: (run) => metrics.retentionDeleted.inc(run.deleted),
    });
    cleanups.unshift(() => retention.stop());
    let hubClosed: Promise<void> | undefined;
    const closeHub = () => {
      hubClosed ??= hub.close();
      return hubClosed;
    };
    cleanups.unshift(closeHub);
    const app = await createHttpApp({
      log,
      version: RELAY_VERSION,
      now,
      maxFrameBytes: config.maxFrameBytes,
      requestsPerSecond: config.messagesPerSecond,
      burst: config.messageBurst,
      handleSocket: (socket, request) =>
        hub.handleSocket(socket, { remoteAddress: request.socket.remoteAddress, headers: request.headers }),
      beforeClose: closeHub,
      services: hub.services,
      results: storage.results,
      tokens: storage.tokens,
      metrics: metrics.registry,
      health: () => healthOf(storage, startedAt),
      trustProxy: config.trustProxy,
    });
    cleanups.unshift(() => closeHttpApp(app, log));
    const alerting = await mountAlerting(app, {
      db: storage.db!,
      relayId: storage.relayId,
      dataDir: config.dataDir,
      hub,
      incidents: storage.incidents,
      tokens: storage.tokens,
      log,
      now,
      requestsPerSecond: config.messagesPerSecond,
      burst: config.messageBurst,
      ...(deps.alerts === undefined ? {} : { options: deps.alerts }),
    });
    cleanups.unshift(() => alerting.stop());
    const heartbeats = await mountHeartbeats(app, {
      db: storage.db!,
      monitors: storage.monitors,
      results: storage.results,
      tokens: storage.tokens,
      log,
      now,
      retentionDays: config.retentionDays,
      inMaintenance: (monitorId, at) => hub.maintenanceAt(monitorId, at),
      requestsPerSecond: config.messagesPerSecond,
      burst: config.messageBurst,
      ...(deps.heartbeats === undefined ? {} : { options: deps.heartbeats }),
    });
    cleanups.unshift(() => heartbeats.stop());
    const statusPages = await mountStatusPages(app, {
      db: storage.db!,
      services: hub.services,
      alerting: alerting.alerting,
      tokens: storage.tokens,
      log,
      now,
      requestsPerSecond: config.messagesPerSecond,
      burst: config.messageBurst,
      ...(deps.statusPages === undefined ? {} : { options: deps.statusPages }),
    });
    cleanups.unshift(() => statusPages.stop());
    try {
      await app.listen({ host: config.host, port: config.port });
    } catch (error) {
      throw new Error(`cannot listen on ${config.host}:${config.port}: ${(error as Error).message}`, {
        cause: error,
      });
    }
    const port = (app.server.address() as AddressInfo).port;
    const url = `http://${config.host.includes(':') ? `[${config.host}]` : config.host}:${port}`;
    const publicUrl = config.publicUrl ?? url;
    alerting.start(publicUrl);
    heartbeats.start(publicUrl);
    statusPages.start(publicUrl);
    log.info(
      {
        url,
        publicUrl,
        dataDir: config.dataDir,
        retentionDays: config.retentionDays,
        version: RELAY_VERSION,
      },
      'relay listening',
    );

    let stopping: Promise<void> | undefined;
    return {
      url,
      port,
      wsUrl: `${url.replace(/^http/, 'ws')}/ws`,
      publicUrl,
      dataDir: config.dataDir,
      localProbeToken: (region) => ensureLocalProbeToken(storage, config.dataDir, region, now()),
      localDesktopToken: () => ensureLocalDesktopToken(storage, config.dataDir, now()),
      stop() {
        stopping ??= runCleanups(cleanups).then(() => log.info('relay stopped'));
        return stopping;
      },
    };
  } catch (error) {
    await runCleanups(cleanups);
    throw error;
  }
}

/** How long a stop waits for Fastify to finish closing before it cuts the remaining connections. */
const HTTP_CLOSE_GRACE_MS = 2_000;

/**
 * Closes the HTTP app, bounded: a WebSocket upgrade that arrives while the server closes can leave
 * Fastify's close callback pending forever with no handle keeping the process alive, so a stop
 * would never finish (seen when a desktop stops its embedded relay right after starting it).
 */
async function closeHttpApp(
  app: { close(): Promise<unknown>; server: { closeAllConnections(): void } },
  log: Logger,
): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const grace = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), HTTP_CLOSE_GRACE_MS);
  });
  const outcome = await Promise.race([app.close().then(() => 'closed' as const), grace]);
  clearTimeout(timer);
  if (outcome === 'timeout') {
    log.warn({ graceMs: HTTP_CLOSE_GRACE_MS }, 'http server did not close in time; cutting its connections');
    app.server.closeAllConnections();
  }
}

/** Runs shutdown steps in order; every step runs even if an earlier one failed, then the first failure is thrown. */
async function runCleanups(steps: Array<() => Promise<void> | void>): Promise<void> {
  let failure: unknown;
  for (const step of steps) {
    try {
      await step();
    } catch (error) {
      failure ??= error;
    }
  }
  if (failure !== undefined) throw failure;
}

function healthOf(storage: RelayStorage, startedAt: number): HealthBody {
  const uptime = Math.round((Date.now() - startedAt) / 1000);
  try {
    storage.db?.prepare('SELECT 1').get();
    return { status: 'ok', version: RELAY_VERSION, uptime, db: { ok: true } };
  } catch (error) {
    return {
      status: 'failing',
      version: RELAY_VERSION,
      uptime,
      db: { ok: false, error: (error as Error).message },
    };
  }
}
