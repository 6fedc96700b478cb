import type Database from 'better-sqlite3';
import type { FastifyInstance } from 'fastify';
import type { Logger } from 'pino';
import { requireDesktopToken } from '../api/bearer-auth.js';
import { API_PREFIX } from '../api/register-api.js';
import { type MaintenanceLookup, markingMaintenance } from '../evaluation/maintenance-marks.js';
import type { MonitorStore, ResultLog, TokenStore } from '../storage/relay-storage.js';
import { registerHeartbeatRoutes } from './heartbeat-routes.js';
import { HeartbeatService } from './heartbeat-service.js';
import { type NewPing, SqliteHeartbeatStore } from './heartbeat-store.js';
import { PingCommitWorker } from './ping-commit-worker.js';
import { PING_RATE_DEFAULTS, PingLimits, type PingRateOptions } from './ping-limits.js';
import { registerPingRoutes } from './ping-routes.js';

/** Heartbeat timings and budgets; tests shorten the tick. */
export interface HeartbeatOptions extends PingRateOptions {
  /** Milliseconds between state checks (late, down, interval results); default 1000. */
  tickMs: number;
}

/** What {@link mountHeartbeats} needs from the relay. */
export interface MountHeartbeatsOptions {
  db: Database.Database;
  monitors: MonitorStore;
  results: ResultLog;
  tokens: TokenStore;
  log: Logger;
  now: () => number;
  /** Raw data retention: pings older than this many days are deleted. */
  retentionDays: number;
  /** Whether a monitor was in maintenance at a time: its heartbeat results are marked like probes' results. */
  inMaintenance: MaintenanceLookup;
  /** Requests per second and burst of the admin API per desktop token. */
  requestsPerSecond: number;
  burst: number;
  options?: Partial<HeartbeatOptions>;
}

/** Heartbeats mounted on a relay: start once the server listens, stop before storage closes. */
export interface MountedHeartbeats {
  service: HeartbeatService;
  /** Starts the state timer; ping URLs point at `publicUrl`. */
  start(publicUrl: string): void;
  /** Stops the timer and commits pings already received. */
  stop(): Promise<void>;
}

const PRUNE_EVERY_MS = 3_600_000;

/** Builds the heartbeat service and mounts `/hb/*` and `/api/v1/heartbeats` (call before `listen`). */
export async function mountHeartbeats(
  app: FastifyInstance,
  options: MountHeartbeatsOptions,
): Promise<MountedHeartbeats> {
  const settings: HeartbeatOptions = { tickMs: 1000, ...PING_RATE_DEFAULTS, ...options.options };
  const log = options.log.child({ part: 'heartbeats' });
  const store = new SqliteHeartbeatStore(options.db);
  // Pings commit on their own thread (the event loop keeps taking requests meanwhile), except for
  // an in-memory database, which a second connection could not see.
  const worker = options.db.memory ? null : new PingCommitWorker(options.db.name);
  const service = new HeartbeatService({
    store,
    monitors: options.monitors,
    results: markingMaintenance(options.results, options.inMaintenance),
    log,
    now: options.now,
    ...(worker === null ? {} : { commitPings: (pings: readonly NewPing[]) => worker.insert(pings) }),
  });
  await registerPingRoutes(app, { service, limits: new PingLimits(settings, options.now), now: options.now });
  await app.register(
    async (v1) => {
      requireDesktopToken(v1, {
        tokens: options.tokens,
        now: options.now,
        requestsPerSecond: options.requestsPerSecond,
        burst: options.burst,
      });
      registerHeartbeatRoutes(v1, service);
    },
    { prefix: API_PREFIX },
  );
  const timers: NodeJS.Timeout[] = [];
  const guard = (what: string, work: () => unknown) => {
    try {
      const out = work();
      if (out instanceof Promise)
        out.catch((error: unknown) => log.error({ err: error }, `heartbeat ${what} failed`));
    } catch (error) {
      log.error({ err: error }, `heartbeat ${what} failed`);
    }
  };
  return {
    service,
    start(publicUrl) {
      service.setPublicUrl(publicUrl);
      guard('tick', () => service.tick());
      const prune = () => store.prune(options.now() - options.retentionDays * 86_400_000);
      guard('prune', prune);
      timers.push(setInterval(() => guard('tick', () => service.tick()), settings.tickMs));
      timers.push(setInterval(() => guard('prune', prune), PRUNE_EVERY_MS));
      for (const timer of timers) timer.unref();
    },
    async stop() {
      for (const timer of timers) clearInterval(timer);
      await service.flush();
      await worker?.close();
    },
  };
}
