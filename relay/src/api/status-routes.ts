import { Incident } from '@vantage/shared';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { IncidentService, StatusService } from '../hub/hub-services.js';
import type { ResultLog } from '../storage/relay-storage.js';
import { apiErrorOf } from './api-error.js';
import {
  AckBody,
  errors,
  IncidentList,
  IncidentParams,
  IncidentQuerySchema,
  ProbeList,
  ResultPage,
  ResultQuery,
  StatusBody,
} from './api-schemas.js';

/** `/status`, `/incidents`, `/probes` and `/results`: what the relay knows, read-only but for acknowledging. */
export function registerStatusRoutes(
  scope: FastifyInstance,
  services: { status: StatusService; incidents: IncidentService },
  results: ResultLog,
): void {
  const app = scope.withTypeProvider<ZodTypeProvider>();

  app.get('/status', {
    schema: {
      tags: ['status'],
      summary: "Every monitor's status by region, the open incidents and the probes",
      response: { 200: StatusBody },
    },
    handler: () => services.status.snapshot(),
  });
  app.get('/incidents', {
    schema: {
      tags: ['incidents'],
      summary: 'Incidents, newest first',
      querystring: IncidentQuerySchema,
      response: { 200: IncidentList, ...errors(400) },
    },
    handler: (request) => ({ incidents: services.status.incidents(request.query) }),
  });
  app.post('/incidents/:id/ack', {
    schema: {
      tags: ['incidents'],
      summary: 'Acknowledge an incident; stops repeat alerts for it',
      params: IncidentParams,
      body: AckBody,
      response: { 200: Incident, ...errors(400, 404) },
    },
    handler: (request) => {
      const acked = services.incidents.ack(request.params.id, request.body.by);
      if (!acked.ok) throw apiErrorOf(acked.error);
      return acked.value;
    },
  });
  app.get('/probes', {
    schema: {
      tags: ['probes'],
      summary: 'Probes the relay knows, connected or not',
      response: { 200: ProbeList },
    },
    handler: () => ({ probes: services.status.probes() }),
  });
  app.get('/results', {
    schema: {
      tags: ['results'],
      summary: 'Read the result log in order, a page at a time, from a cursor',
      querystring: ResultQuery,
      response: { 200: ResultPage, ...errors(400) },
    },
    handler: (request) => {
      const page = results.readAfter(request.query.after, request.query.limit);
      return {
        results: page,
        cursor: page.at(-1)?.cursor ?? request.query.after,
        head: results.headCursor(),
        tail: results.tailCursor(),
      };
    },
  });
}
