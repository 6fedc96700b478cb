import type { FastifyInstance } from 'fastify';
import type { Registry } from 'prom-client';

/** What `/healthz` answers; 200 when `status` is `ok`, else 503. */
export interface HealthBody {
  status: 'ok' | 'failing';
  version: string;
  /** Seconds since the relay started. */
  uptime: number;
  db: { ok: boolean; error?: string };
}

/** Registers `/healthz` (for load balancers and container health checks) and Prometheus `/metrics`. */
export function registerOpsRoutes(app: FastifyInstance, registry: Registry, health: () => HealthBody): void {
  app.get('/healthz', { schema: { hide: true }, logLevel: 'warn' }, async (_request, reply) => {
    const body = health();
    return reply.code(body.status === 'ok' ? 200 : 503).send(body);
  });
  app.get('/metrics', { schema: { hide: true }, logLevel: 'warn' }, async (_request, reply) => {
    const text = await registry.metrics();
    return reply.type(registry.contentType).send(text);
  });
}
