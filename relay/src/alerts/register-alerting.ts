import type Database from 'better-sqlite3';
import type { FastifyInstance } from 'fastify';
import type { Logger } from 'pino';
import { API_PREFIX } from '../api/register-api.js';
import { requireDesktopToken } from '../api/bearer-auth.js';
import type { Hub } from '../hub/index.js';
import type { IncidentStore, TokenStore } from '../storage/relay-storage.js';
import { registerAckRoute } from './ack/ack-route.js';
import { type Alerting, type AlertingOptions, createAlerting } from './alert-service.js';
import { registerAlertRoutes } from './api/alert-routes.js';
import { createChannelContext } from './channel-context.js';

/** What the alerting routes need besides alerting itself. */
export interface AlertHttpOptions {
  hub: Hub;
  tokens: TokenStore;
  now: () => number;
  requestsPerSecond: number;
  burst: number;
}

/**
 * Mounts alerting on the relay's HTTP app before it listens: the public `/ack/<token>` route and
 * the alert API under `/api/v1` (desktop token required, in the OpenAPI document).
 */
export async function registerAlertingHttp(
  app: FastifyInstance,
  alerting: Alerting,
  options: AlertHttpOptions,
): Promise<void> {
  registerAckRoute(app, alerting.ackLinks, options.hub.services.incidents);
  await app.register(
    async (v1) => {
      requireDesktopToken(v1, {
        tokens: options.tokens,
        now: options.now,
        requestsPerSecond: options.requestsPerSecond,
        burst: options.burst,
      });
      registerAlertRoutes(v1, {
        config: alerting.config,
        outbox: alerting.outbox,
        ctx: createChannelContext({ timeoutMs: alerting.options.channelTimeoutMs, now: options.now }),
        now: options.now,
        maintenanceChanged: () => alerting.maintenance.check(),
      });
    },
    { prefix: API_PREFIX },
  );
}

/** What {@link mountAlerting} needs: the relay's parts, and optional timings. */
export interface MountAlertingOptions extends AlertHttpOptions {
  db: Database.Database;
  relayId: string;
  dataDir: string;
  incidents: IncidentStore;
  log: Logger;
  options?: Partial<AlertingOptions>;
}

/** Alerting mounted on a relay: start it once the server listens, stop it before storage closes. */
export interface MountedAlerting {
  alerting: Alerting;
  /** Starts delivery, escalation and maintenance; ack links point at `publicUrl`. */
  start(publicUrl: string): void;
  stop(): Promise<void>;
}

/** Builds alerting over a relay's hub and storage and mounts its routes (call before `listen`). */
export async function mountAlerting(
  app: FastifyInstance,
  options: MountAlertingOptions,
): Promise<MountedAlerting> {
  let publicUrl = '';
  const alerting = createAlerting({
    db: options.db,
    relayId: options.relayId,
    dataDir: options.dataDir,
    hub: options.hub,
    incident: (id) => options.incidents.get(id),
    openIncidents: () => options.incidents.listOpen(),
    log: options.log,
    now: options.now,
    publicUrl: () => publicUrl,
    ...(options.options === undefined ? {} : { options: options.options }),
  });
  await registerAlertingHttp(app, alerting, options);
  return {
    alerting,
    start(url) {
      publicUrl = url;
      alerting.start();
    },
    stop: () => alerting.stop(),
  };
}
