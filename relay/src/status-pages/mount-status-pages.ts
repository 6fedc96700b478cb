import type Database from 'better-sqlite3';
import type { FastifyInstance } from 'fastify';
import type { Logger } from 'pino';
import type { Alerting } from '../alerts/alert-service.js';
import { createChannelContext } from '../alerts/channel-context.js';
import { requireDesktopToken } from '../api/bearer-auth.js';
import { API_PREFIX } from '../api/register-api.js';
import type { HubServices } from '../hub/hub-services.js';
import type { TokenStore } from '../storage/relay-storage.js';
import { registerStatusPageAdminRoutes } from './admin-routes.js';
import { HOST_CONSTRAINT, hostOf } from './page-locator.js';
import { registerPublicPageRoutes } from './public-routes.js';
import { type StatusPageOptions, StatusPages } from './status-page-service.js';
import { registerSubscribeRoutes } from './subscribe-routes.js';

/** What status pages are mounted with. */
export interface MountStatusPagesOptions {
  db: Database.Database;
  services: Pick<HubServices, 'monitors' | 'status'>;
  /** Alerting, for its channels (subscriber email) and maintenance windows. */
  alerting: Pick<Alerting, 'config' | 'options'>;
  tokens: TokenStore;
  log: Logger;
  now: () => number;
  requestsPerSecond: number;
  burst: number;
  options?: Partial<StatusPageOptions>;
}

/** Status pages mounted on a relay: start once the server listens, stop before storage closes. */
export interface MountedStatusPages {
  pages: StatusPages;
  /** Starts live updates and subscriber delivery; links point at `publicUrl`. */
  start(publicUrl: string): void;
  stop(): Promise<void>;
}

/**
 * Mounts status pages on the relay's HTTP app before it listens: the public pages under `/s/`,
 * the same routes at the root of each page's custom domain (a route constraint on the Host
 * header), and the admin API under `/api/v1/status-pages` (desktop token required).
 */
export async function mountStatusPages(
  app: FastifyInstance,
  options: MountStatusPagesOptions,
): Promise<MountedStatusPages> {
  const pages = new StatusPages({
    db: options.db,
    services: options.services,
    alertConfig: options.alerting.config,
    ctx: createChannelContext({ timeoutMs: options.alerting.options.channelTimeoutMs, now: options.now }),
    log: options.log,
    now: options.now,
    ...(options.options === undefined ? {} : { options: options.options }),
  });
  app.addConstraintStrategy({
    name: HOST_CONSTRAINT,
    storage() {
      const handlers = new Map<string, unknown>();
      return {
        get: (value: string) => (handlers.get(value) ?? null) as never,
        set: (value: string, handler: unknown) => void handlers.set(value, handler),
      };
    },
    // Only hosts of published pages are taken over; any other host keeps every route as it was.
    deriveConstraint: (request: { headers: { host?: string } }) => {
      const slug = pages.pages.slugForDomain(hostOf(request));
      return slug !== undefined && pages.pages.get(slug)?.config.published ? 'page' : undefined;
    },
    mustMatchWhenDerived: false,
  } as never);
  await app.register(async (scope) => {
    scope.addContentTypeParser(
      'application/x-www-form-urlencoded',
      { parseAs: 'string' },
      (_request, body, done) => done(null, Object.fromEntries(new URLSearchParams(body as string))),
    );
    for (const mode of ['path', 'host'] as const) {
      registerPublicPageRoutes(scope, pages, mode);
      registerSubscribeRoutes(scope, pages, mode);
    }
  });
  await app.register(
    async (v1) => {
      requireDesktopToken(v1, {
        tokens: options.tokens,
        now: options.now,
        requestsPerSecond: options.requestsPerSecond,
        burst: options.burst,
      });
      registerStatusPageAdminRoutes(v1, pages);
    },
    { prefix: API_PREFIX },
  );
  return {
    pages,
    start: (publicUrl) => pages.start(publicUrl),
    stop: () => pages.stop(),
  };
}
