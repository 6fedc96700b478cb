import {
  ChannelConfig,
  ErrorCode,
  formatFieldErrors,
  mergeRedacted,
  parseChannelConfig,
  redactChannelConfig,
  testAlertMessage,
} from '@vantage/shared';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ApiError } from '../../api/api-error.js';
import { errors } from '../../api/api-schemas.js';
import type { ChannelContext, DeliveryOutcome } from '../alert-channel.js';
import { deliverAlert } from '../deliver-alert.js';
import type { AlertConfigStore } from '../store/alert-config-store.js';
import type { AlertOutbox } from '../outbox/alert-outbox.js';
import {
  AlertIdParams,
  ChannelInput,
  ChannelList,
  ChannelParams,
  DeliveryList,
  DeliveryQuerySchema,
  POLICY_ROUTES,
  TestOutcome,
} from './alert-api-schemas.js';

/** What the alert routes work on. */
export interface AlertRouteDeps {
  config: AlertConfigStore;
  outbox: AlertOutbox;
  ctx: ChannelContext;
  now(): number;
  /** Called after a maintenance window changed, so monitors enter or leave it at once. */
  maintenanceChanged(): void;
}

const Deleted = z.object({ id: z.string() });

function outcomeBody(outcome: DeliveryOutcome) {
  return outcome.ok
    ? { ok: true, detail: outcome.detail }
    : { ok: false, error: outcome.error, permanent: outcome.permanent };
}

function invalid(what: string, details: { path: string; message: string }[]): ApiError {
  return new ApiError(
    400,
    ErrorCode.invalidMessage,
    `invalid ${what}: ${formatFieldErrors(details, 5)}`,
    details,
  );
}

/**
 * The alerting part of `/api/v1` (inside the desktop-token scope): channels (secrets redacted
 * in answers; a `[redacted]` secret sent back keeps the stored one), send test, alert rules,
 * escalation policies, channel schedules, maintenance windows and the delivery log.
 */
export function registerAlertRoutes(scope: FastifyInstance, deps: AlertRouteDeps): void {
  const app = scope.withTypeProvider<ZodTypeProvider>();
  const { config } = deps;
  const channelTags = ['alert channels'];

  /** Merges stored secrets into a sent channel and validates it. */
  const channelFrom = (body: unknown, id: string | undefined): ChannelConfig => {
    const stored = id === undefined ? undefined : config.get('channel', id);
    const merged = mergeRedacted(body, stored);
    if (!merged.ok) throw invalid('channel', merged.error);
    const parsed = parseChannelConfig(merged.value);
    if (!parsed.ok) throw invalid('channel', parsed.error);
    return parsed.value;
  };

  app.get('/alert-channels', {
    schema: {
      tags: channelTags,
      summary: 'List alert channels (secrets redacted)',
      response: { 200: ChannelList },
    },
    handler: () => ({ channels: config.list('channel').map((c) => redactChannelConfig(c)) }),
  });
  app.get('/alert-channels/:id', {
    schema: {
      tags: channelTags,
      summary: 'Read one channel (secrets redacted)',
      params: ChannelParams,
      response: { 200: ChannelConfig, ...errors(404) },
    },
    handler: (request) => {
      const channel = config.get('channel', request.params.id);
      if (channel === undefined)
        throw new ApiError(404, ErrorCode.notFound, `no channel with id "${request.params.id}"`);
      return redactChannelConfig(channel);
    },
  });
  app.put('/alert-channels/:id', {
    schema: {
      tags: channelTags,
      summary: 'Create or replace a channel',
      params: ChannelParams,
      body: ChannelInput,
      response: { 200: ChannelConfig, 201: ChannelConfig, ...errors(400) },
    },
    handler: (request, reply) => {
      if (request.body.id !== request.params.id)
        throw invalid('channel', [
          { path: 'id', message: `must be "${request.params.id}", the id in the URL` },
        ]);
      const channel = channelFrom(request.body, request.params.id);
      reply.code(config.put('channel', channel, deps.now()) ? 201 : 200);
      return redactChannelConfig(channel);
    },
  });
  app.delete('/alert-channels/:id', {
    schema: {
      tags: channelTags,
      summary: 'Delete a channel; its queued messages fail as "no longer exists"',
      params: ChannelParams,
      response: { 200: Deleted, ...errors(404) },
    },
    handler: (request) => {
      if (!config.delete('channel', request.params.id))
        throw new ApiError(404, ErrorCode.notFound, `no channel with id "${request.params.id}"`);
      return { id: request.params.id };
    },
  });
  app.post('/alert-channels/:id/test', {
    schema: {
      tags: channelTags,
      summary: 'Send a test alert through a saved channel',
      params: ChannelParams,
      response: { 200: TestOutcome, ...errors(404) },
    },
    handler: async (request) => {
      const channel = config.get('channel', request.params.id);
      if (channel === undefined)
        throw new ApiError(404, ErrorCode.notFound, `no channel with id "${request.params.id}"`);
      const message = testAlertMessage({ at: deps.now(), channelName: channel.name });
      return outcomeBody(await deliverAlert(message, channel, deps.ctx));
    },
  });
  app.post('/alert-channels/test', {
    schema: {
      tags: channelTags,
      summary: 'Send a test alert with unsaved settings',
      body: ChannelInput,
      response: { 200: TestOutcome, ...errors(400) },
    },
    handler: async (request) => {
      const channel = channelFrom(request.body, request.body.id);
      const message = testAlertMessage({ at: deps.now(), channelName: channel.name });
      return outcomeBody(await deliverAlert(message, channel, deps.ctx));
    },
  });

  for (const route of POLICY_ROUTES) {
    const tags = [`${route.what}s`];
    const notFound = (id: string) =>
      new ApiError(404, ErrorCode.notFound, `no ${route.what} with id "${id}"`);
    app.get(route.path, {
      schema: {
        tags,
        summary: `List ${route.what}s`,
        response: { 200: z.object({ items: z.array(route.schema) }) },
      },
      handler: () => ({ items: config.list(route.kind) }),
    });
    app.put(`${route.path}/:id`, {
      schema: {
        tags,
        summary: `Create or replace a ${route.what}`,
        params: AlertIdParams,
        body: z.unknown(),
        response: { 200: route.schema, 201: route.schema, ...errors(400) },
      },
      handler: (request, reply) => {
        const parsed = route.schema.safeParse(request.body);
        if (!parsed.success)
          throw invalid(
            route.what,
            parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })),
          );
        const doc = parsed.data as Record<string, unknown>;
        if (doc[route.key] !== request.params.id)
          throw invalid(route.what, [
            { path: route.key, message: `must be "${request.params.id}", the id in the URL` },
          ]);
        // The union of kinds and schemas is checked per route above; the store takes the matching pair.
        reply.code(config.put(route.kind, parsed.data as never, deps.now()) ? 201 : 200);
        if (route.kind === 'maintenance') deps.maintenanceChanged();
        return parsed.data;
      },
    });
    app.delete(`${route.path}/:id`, {
      schema: {
        tags,
        summary: `Delete a ${route.what}`,
        params: AlertIdParams,
        response: { 200: Deleted, ...errors(404) },
      },
      handler: (request) => {
        if (!config.delete(route.kind, request.params.id)) throw notFound(request.params.id);
        if (route.kind === 'maintenance') deps.maintenanceChanged();
        return { id: request.params.id };
      },
    });
  }

  app.get('/alert-deliveries', {
    schema: {
      tags: ['alert deliveries'],
      summary: 'The delivery log, newest first, with every attempt',
      querystring: DeliveryQuerySchema,
      response: { 200: DeliveryList },
    },
    handler: (request) => {
      const { channelId, status, limit } = request.query;
      return {
        deliveries: deps.outbox.list({
          limit,
          ...(channelId === undefined ? {} : { channelId }),
          ...(status === undefined ? {} : { status }),
        }),
      };
    },
  });
}
