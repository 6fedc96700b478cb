import { randomBytes } from 'node:crypto';
import fastifyWebsocket from '@fastify/websocket';
import { FRAME_LIMITS } from '@vantage/shared';
import Fastify, {
  type FastifyBaseLogger,
  type FastifyInstance,
  type FastifyRequest,
  LogController,
} from 'fastify';
import { validatorCompiler } from 'fastify-type-provider-zod';
import type { Logger } from 'pino';
import type { Registry } from 'prom-client';
import type WebSocket from 'ws';
import type { HubServices } from '../hub/hub-services.js';
import type { HealthBody } from '../metrics/ops-routes.js';
import { registerOpsRoutes } from '../metrics/ops-routes.js';
import type { ResultLog, TokenStore } from '../storage/relay-storage.js';
import { installErrorHandlers } from './api-error.js';
import { registerApi } from './register-api.js';

/** Largest REST request body: the same as the largest desktop frame, so whatever the WebSocket takes, REST takes. */
const MAX_BODY_BYTES = FRAME_LIMITS.desktopToRelay;

/** What the HTTP side of the relay serves. */
export interface HttpAppOptions {
  log: Logger;
  version: string;
  now: () => number;
  /** Largest WebSocket frame, bytes. */
  maxFrameBytes: number;
  /** Requests per second and burst allowed per API token. */
  requestsPerSecond: number;
  burst: number;
  /** Takes over each socket accepted on `/ws`. */
  handleSocket: (socket: WebSocket, request: FastifyRequest) => void;
  /** Runs when the app starts closing, before the server stops: the hub closes its connections here. */
  beforeClose: () => Promise<void>;
  services: HubServices;
  results: ResultLog;
  tokens: TokenStore;
  metrics: Registry;
  health: () => HealthBody;
  /** Believe X-Forwarded-For/-Proto (the relay sits behind a reverse proxy); off when absent. */
  trustProxy?: boolean;
}

/**
 * The relay's one HTTP server: `/ws` for desktops and probes, `/healthz`, `/metrics`, and the REST
 * API with its OpenAPI document under `/api/v1`. `/hb/*` (heartbeats) and `/s/*` (status pages)
 * are reserved for their own modules and must not be used by anything else.
 */
export async function createHttpApp(options: HttpAppOptions): Promise<FastifyInstance> {
  const runId = randomBytes(3).toString('hex');
  let nextRequest = 0;
  const httpLog = options.log.child({ part: 'http' });
  const app = Fastify({
    // pino's Logger is a FastifyBaseLogger; the cast keeps Fastify's instance type the default one.
    loggerInstance: httpLog as FastifyBaseLogger,
    // Per-request lines come from the onResponse hook below, at debug level.
    logController: new LogController({ disableRequestLogging: true }),
    bodyLimit: MAX_BODY_BYTES,
    trustProxy: options.trustProxy ?? false,
    // A counter: random ids cost a measurable share of a heartbeat ping's CPU. The prefix keeps
    // ids of different runs apart in one log.
    genReqId: () => `${runId}-${(nextRequest++).toString(36)}`,
    // Requests log through the server's logger (the id goes in the line's fields): a child logger
    // per request costs more than the heartbeat and status page handlers themselves.
    childLoggerFactory: (logger) => logger,
    // Keep-alive sockets would hold a graceful shutdown open until they time out.
    forceCloseConnections: true,
    return503OnClosing: true,
  });
  app.setValidatorCompiler(validatorCompiler);
  // Handlers build their answers from trusted values, so the response schemas document the API
  // and are not re-checked (the type provider would have to re-encode every monitor).
  app.setSerializerCompiler(() => (data) => JSON.stringify(data));
  installErrorHandlers(app);
  // A callback hook, not an async one: it runs on every request, heartbeat pings included.
  app.addHook('onResponse', (request, reply, done) => {
    if (reply.statusCode < 500 && !httpLog.isLevelEnabled('debug')) return done();
    const fields = {
      reqId: request.id,
      method: request.method,
      path: redactPath(request.url.split('?')[0] ?? ''),
      status: reply.statusCode,
      ms: Math.round(reply.elapsedTime),
    };
    if (reply.statusCode >= 500) request.log.warn(fields, 'request failed');
    else request.log.debug(fields, 'request completed');
    done();
  });
  app.addHook('preClose', options.beforeClose);

  // The hub enforces maxFrameBytes itself with a coded `frameTooLarge` error; ws's own cap sits
  // above it only to bound memory, since ws answers an oversized frame with a bare 1009 close.
  await app.register(fastifyWebsocket, { options: { maxPayload: options.maxFrameBytes * 2 } });
  app.get('/ws', { websocket: true, schema: { hide: true } }, (socket, request) => {
    options.handleSocket(socket, request);
  });
  registerOpsRoutes(app, options.metrics, options.health);
  await registerApi(app, {
    services: options.services,
    results: options.results,
    tokens: options.tokens,
    now: options.now,
    version: options.version,
    requestsPerSecond: options.requestsPerSecond,
    burst: options.burst,
  });
  return app;
}

/**
 * A request path fit for a log line: the secret parts of heartbeat URLs, acknowledgement links and
 * subscriber confirm / unsubscribe links are replaced, since whoever reads the log must not be able
 * to ping, acknowledge or unsubscribe with them.
 */
export function redactPath(path: string): string {
  return path
    .replace(/^\/hb\/[^/]+/, '/hb/[token]')
    .replace(/^\/ack\/.+/, '/ack/[token]')
    .replace(
      /^(\/s\/[^/]+)?\/(confirm|unsubscribe)\/[^/]+/,
      (_m, page: string | undefined, what: string) => `${page ?? ''}/${what}/[token]`,
    );
}
