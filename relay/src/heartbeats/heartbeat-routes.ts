import { ErrorCode, HeartbeatDetail, HeartbeatList, HeartbeatSummary, MonitorId } from '@vantage/shared';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ApiError } from '../api/api-error.js';
import { errors } from '../api/api-schemas.js';
import type { HeartbeatService } from './heartbeat-service.js';

const tags = ['heartbeats'];
const Params = z.object({ monitorId: MonitorId });

function notFound(monitorId: string): ApiError {
  return new ApiError(404, ErrorCode.notFound, `no heartbeat monitor with id ${JSON.stringify(monitorId)}`, [
    { path: 'monitorId', message: 'is not a heartbeat monitor' },
  ]);
}

/**
 * The heartbeat part of `/api/v1` (inside the desktop-token scope): every heartbeat monitor with
 * its ping URL and state, one with its recent runs, and rotating a ping URL's token.
 */
export function registerHeartbeatRoutes(scope: FastifyInstance, service: HeartbeatService): void {
  const app = scope.withTypeProvider<ZodTypeProvider>();
  app.get('/heartbeats', {
    schema: {
      tags,
      summary: 'List heartbeat monitors with their ping URLs and states',
      response: { 200: HeartbeatList },
    },
    handler: () => ({ heartbeats: service.list() }),
  });
  app.get('/heartbeats/:monitorId', {
    schema: {
      tags,
      summary: 'One heartbeat monitor with its recent runs',
      params: Params,
      response: { 200: HeartbeatDetail, ...errors(404) },
    },
    handler: (request) => {
      const detail = service.detail(request.params.monitorId);
      if (detail === null) throw notFound(request.params.monitorId);
      return detail;
    },
  });
  app.post('/heartbeats/:monitorId/rotate-token', {
    schema: {
      tags,
      summary: 'Give a heartbeat monitor a new ping URL; the old one stops working at once',
      params: Params,
      response: { 200: HeartbeatSummary, ...errors(404) },
    },
    handler: (request) => {
      const summary = service.rotateToken(request.params.monitorId);
      if (summary === null) throw notFound(request.params.monitorId);
      return summary;
    },
  });
}
