import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import { Incident, LoggedResult, MonitorSchema, MonitorStatusEntry, ProbeInfo } from '@vantage/shared';
import type { FastifyInstance } from 'fastify';
import { createJsonSchemaTransform, createJsonSchemaTransformObject } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { HubServices } from '../hub/hub-services.js';
import type { ResultLog, TokenStore } from '../storage/relay-storage.js';
import { ApiErrorBody } from './api-error.js';
import { requireDesktopToken } from './bearer-auth.js';
import { registerMonitorRoutes } from './monitor-routes.js';
import { registerStatusRoutes } from './status-routes.js';

/** Where the REST API lives; its OpenAPI document is at `${API_PREFIX}/openapi.json`. */
export const API_PREFIX = '/api/v1';

/** What the REST API is built from. */
export interface ApiOptions {
  services: HubServices;
  results: ResultLog;
  tokens: TokenStore;
  now: () => number;
  version: string;
  /** Requests per second and burst allowed per token. */
  requestsPerSecond: number;
  burst: number;
}

/**
 * The named schemas of the document's `components`, so that a monitor or an incident is described
 * once and referenced everywhere. A registry of its own: shared's schemas are not tagged globally.
 */
function componentRegistry() {
  const registry = z.registry<{ id?: string }>();
  registry.add(MonitorSchema, { id: 'Monitor' });
  registry.add(Incident, { id: 'Incident' });
  registry.add(ProbeInfo, { id: 'Probe' });
  registry.add(MonitorStatusEntry, { id: 'MonitorStatus' });
  registry.add(LoggedResult, { id: 'LoggedResult' });
  registry.add(ApiErrorBody, { id: 'Error' });
  return registry;
}

/**
 * Mounts the REST API under `/api/v1`: the OpenAPI document and Swagger UI (public, they hold
 * no data), and the routes, which need a desktop token. Call before the app is ready: the
 * document is collected from routes as they are added.
 */
export async function registerApi(app: FastifyInstance, options: ApiOptions): Promise<void> {
  const schemaRegistry = componentRegistry();
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Vantage relay API',
        description:
          'Manage monitors and read status, incidents, probes and results. Every route needs a desktop token.',
        version: options.version,
      },
      components: { securitySchemes: { desktopToken: { type: 'http', scheme: 'bearer' } } },
      security: [{ desktopToken: [] }],
    },
    transform: createJsonSchemaTransform({ schemaRegistry }),
    transformObject: createJsonSchemaTransformObject({ schemaRegistry }),
  });
  await app.register(fastifySwaggerUi, { routePrefix: `${API_PREFIX}/docs` });
  app.get(`${API_PREFIX}/openapi.json`, { schema: { hide: true } }, () => app.swagger());

  await app.register(
    async (v1) => {
      requireDesktopToken(v1, {
        tokens: options.tokens,
        now: options.now,
        requestsPerSecond: options.requestsPerSecond,
        burst: options.burst,
      });
      registerMonitorRoutes(v1, options.services.monitors);
      registerStatusRoutes(v1, options.services, options.results);
    },
    { prefix: API_PREFIX },
  );
}
