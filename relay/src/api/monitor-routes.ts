import { ErrorCode, MonitorSchema, type Result, type WireError } from '@vantage/shared';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { ChangeOptions, MonitorService } from '../monitors/monitor-service.js';
import { ApiError, apiErrorOf, type ValidationCodeConfig } from './api-error.js';
import {
  ChangeQuery,
  DeletedMonitor,
  errors,
  MonitorList,
  MonitorParams,
  MonitorWithRevision,
} from './api-schemas.js';

const tags = ['monitors'];
const invalidMonitor: ValidationCodeConfig = { invalidCode: ErrorCode.invalidMonitor };
const rawBodies = new WeakMap<FastifyRequest, unknown>();

function unwrap<T>(result: Result<T, WireError>): T {
  if (!result.ok) throw apiErrorOf(result.error);
  return result.value;
}

function changeOptions(query: { baseRevision?: number | undefined }): ChangeOptions {
  return query.baseRevision === undefined ? {} : { baseRevision: query.baseRevision };
}

/**
 * `/monitors`: list, create or replace, read, delete, pause and resume. Every change goes through
 * the hub's monitor service, which validates it, bumps the revision and fans it out to probes and
 * desktops, exactly as for a change a desktop makes over its WebSocket.
 */
export function registerMonitorRoutes(scope: FastifyInstance, monitors: MonitorService): void {
  const app = scope.withTypeProvider<ZodTypeProvider>();
  // The schema fills defaults, but the shared validator must see what the user wrote (an omitted
  // timeout shrinks to fit the interval, a given one is an error), so the raw body is kept for it.
  app.addHook('preValidation', async (request) => {
    if (request.body !== undefined) rawBodies.set(request, request.body);
  });

  app.get('/monitors', {
    schema: { tags, summary: 'List every monitor', response: { 200: MonitorList } },
    handler: () => monitors.list(),
  });
  app.post('/monitors', {
    config: invalidMonitor,
    schema: {
      tags,
      summary: 'Create a monitor, or replace the one with the same id',
      querystring: ChangeQuery,
      body: MonitorSchema,
      response: { 200: MonitorWithRevision, 201: MonitorWithRevision, ...errors(400, 409) },
    },
    handler: (request, reply) => {
      const saved = unwrap(monitors.upsert(rawBodies.get(request), changeOptions(request.query)));
      reply.code(saved.created ? 201 : 200);
      return { revision: saved.revision, monitor: saved.monitor };
    },
  });
  app.get('/monitors/:id', {
    schema: {
      tags,
      summary: 'Read one monitor',
      params: MonitorParams,
      response: { 200: MonitorSchema, ...errors(404) },
    },
    handler: (request) => {
      const monitor = monitors.get(request.params.id);
      if (monitor === null)
        throw new ApiError(404, ErrorCode.notFound, `no monitor with id "${request.params.id}"`);
      return monitor;
    },
  });
  app.put('/monitors/:id', {
    config: invalidMonitor,
    schema: {
      tags,
      summary: 'Create or replace the monitor with this id',
      params: MonitorParams,
      querystring: ChangeQuery,
      body: MonitorSchema,
      response: { 200: MonitorWithRevision, 201: MonitorWithRevision, ...errors(400, 409) },
    },
    handler: (request, reply) => {
      if (request.body.id !== request.params.id) {
        const message = `must be "${request.params.id}", the id in the URL`;
        throw new ApiError(400, ErrorCode.invalidMonitor, `invalid monitor: id ${message}`, [
          { path: 'id', message },
        ]);
      }
      const saved = unwrap(monitors.upsert(rawBodies.get(request), changeOptions(request.query)));
      reply.code(saved.created ? 201 : 200);
      return { revision: saved.revision, monitor: saved.monitor };
    },
  });
  app.delete('/monitors/:id', {
    schema: {
      tags,
      summary: 'Delete a monitor; its results stay in the log until retention drops them',
      params: MonitorParams,
      querystring: ChangeQuery,
      response: { 200: DeletedMonitor, ...errors(404, 409) },
    },
    handler: (request) => {
      const { revision } = unwrap(monitors.delete(request.params.id, changeOptions(request.query)));
      return { id: request.params.id, revision };
    },
  });
  for (const [action, paused] of [
    ['pause', true],
    ['resume', false],
  ] as const) {
    app.post(`/monitors/:id/${action}`, {
      schema: {
        tags,
        summary: `${paused ? 'Pause' : 'Resume'} a monitor without resending its configuration`,
        params: MonitorParams,
        querystring: ChangeQuery,
        response: { 200: MonitorWithRevision, ...errors(404, 409) },
      },
      handler: (request) => {
        const saved = unwrap(monitors.pause(request.params.id, paused, changeOptions(request.query)));
        return { revision: saved.revision, monitor: saved.monitor };
      },
    });
  }
}
