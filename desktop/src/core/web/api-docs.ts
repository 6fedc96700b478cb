import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import { MonitorSchema } from '@vantage/shared';
import type { FastifyInstance } from 'fastify';
import { createJsonSchemaTransform, createJsonSchemaTransformObject } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  ApiError,
  CheckView,
  IncidentView,
  MonitorView,
  NotificationView,
  OneOffView,
  ProbeView,
  SettingsView,
  SyncView,
} from '../../contract/index.js';
import { API_PREFIX } from './rest-routes.js';

/** Where the Swagger UI is served. */
export const DOCS_PATH = '/api/docs';
/** Where the OpenAPI document is served. */
export const OPENAPI_PATH = `${API_PREFIX}/openapi.json`;

/** Named components, so a monitor or an incident is described once and referenced everywhere. */
function componentRegistry() {
  const registry = z.registry<{ id?: string }>();
  registry.add(MonitorSchema, { id: 'Monitor' });
  registry.add(MonitorView, { id: 'MonitorView' });
  registry.add(CheckView, { id: 'Check' });
  registry.add(IncidentView, { id: 'Incident' });
  registry.add(ProbeView, { id: 'Probe' });
  registry.add(SettingsView, { id: 'Settings' });
  registry.add(SyncView, { id: 'Sync' });
  registry.add(NotificationView, { id: 'Notification' });
  registry.add(OneOffView, { id: 'OneOffResult' });
  registry.add(ApiError, { id: 'Error' });
  return registry;
}

/**
 * Registers the OpenAPI document (built from the method table's zod schemas as the routes are
 * added, so call this before registering them) and the Swagger UI. Both sit behind the same
 * token as the API; the UI's "try it out" works through the browser's cookie.
 */
export async function registerApiDocs(app: FastifyInstance, version: string): Promise<void> {
  const schemaRegistry = componentRegistry();
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Vantage desktop API',
        description:
          'The API the Vantage app’s interface uses, served by the app on this computer. ' +
          'Every method is also callable over the WebSocket at /api/ws. ' +
          'Authenticate with the cookie set by the sign-in address, or with "Authorization: Bearer <token>".',
        version,
      },
      components: { securitySchemes: { token: { type: 'http', scheme: 'bearer' } } },
      security: [{ token: [] }],
    },
    transform: createJsonSchemaTransform({ schemaRegistry }),
    transformObject: createJsonSchemaTransformObject({ schemaRegistry }),
  });
  await app.register(fastifySwaggerUi, { routePrefix: DOCS_PATH });
  app.get(OPENAPI_PATH, { schema: { hide: true } }, () => app.swagger());
}
