import { randomBytes } from 'node:crypto';
import { resolve } from 'node:path';
import fastifyWebsocket from '@fastify/websocket';
import { ErrorCode, formatFieldErrors, zodIssuesToFieldErrors } from '@vantage/shared';
import Fastify, { type FastifyBaseLogger, type FastifyError, LogController } from 'fastify';
import type { Logger } from 'pino';
import { z } from 'zod';
import { type ApiProvider, apiError, WEB_FRAME_MAX_BYTES } from '../../contract/index.js';
import { DESKTOP_VERSION } from '../app/desktop-version.js';
import { registerApiDocs } from './api-docs.js';
import { ApiSocketHub } from './api-socket-hub.js';
import { isAppRoute, registerRendererFiles } from './renderer-files.js';
import { registerRestRoutes } from './rest-routes.js';
import { createAccessToken, registerAccessGuard, TOKEN_QUERY } from './web-access.js';
import { sendError } from './web-errors.js';

/** Where renderers open their WebSocket. */
export const WS_PATH = '/api/ws';

const LOOPBACK = /^(127\.\d{1,3}\.\d{1,3}\.\d{1,3}|::1|localhost)$/;

/** The plain-data options of {@link startWebServer}, validated once at start. */
export const WebServerSettings = z.object({
  /** A loopback address: the UI must never be reachable from another machine. */
  host: z
    .string()
    .regex(LOOPBACK, 'must be a loopback address (127.0.0.1, ::1 or localhost)')
    .default('127.0.0.1'),
  /** 0 picks a free port. */
  port: z.number().int().min(0).max(65535),
  /** The built renderer (electron-vite's `out/renderer`); it may be missing. */
  rendererDir: z.string().min(1),
  /** The access token; a fresh random one when absent. */
  token: z
    .string()
    .regex(/^[A-Za-z0-9_-]{32,256}$/, 'must be 32-256 URL-safe characters')
    .optional(),
  /** Largest WebSocket frame and REST body accepted from a renderer. */
  maxFrameBytes: z.number().int().positive().default(WEB_FRAME_MAX_BYTES),
  /** Bytes a WebSocket may have queued unsent before it is dropped (it reconnects). */
  maxBacklogBytes: z.number().int().positive().default(WEB_FRAME_MAX_BYTES),
  /** Shown in the OpenAPI document. */
  version: z.string().min(1).optional(),
});

/** How to start the web server. */
export type WebServerOptions = z.input<typeof WebServerSettings> & {
  /** The core's API: handlers and event stream. */
  api: ApiProvider;
  logger: Logger;
};

/** A running web server. */
export interface WebServer {
  /** `http://127.0.0.1:PORT` (without the token). */
  readonly url: string;
  readonly port: number;
  readonly token: string;
  /** The address to open in a browser: it carries the token, which it trades for a cookie. */
  readonly loginUrl: string;
  /** The API documentation (needs the cookie, so open `loginUrl` first). */
  readonly docsUrl: string;
  /** Closes every socket ("going away") and the server. Idempotent. */
  stop(): Promise<void>;
}

/**
 * Serves the app in a browser (the headless web mode): the renderer's files, the API over a
 * WebSocket (`/api/ws`) and as REST routes (`/api/v1`, documented at `/api/docs`), all behind one
 * random token on the loopback interface. The server is a transport only: every call goes to the
 * core's handlers through `dispatchCall`, like the Electron IPC bridge.
 */
export async function startWebServer(options: WebServerOptions): Promise<WebServer> {
  const parsed = WebServerSettings.safeParse(options);
  if (!parsed.success) {
    throw new Error(
      `invalid web server options: ${formatFieldErrors(zodIssuesToFieldErrors(parsed.error.issues))}`,
    );
  }
  const settings = Object.freeze(parsed.data);
  const token = settings.token ?? createAccessToken();
  const log = options.logger.child({ part: 'web' });

  const app = Fastify({
    loggerInstance: log as FastifyBaseLogger,
    // Fastify's request lines would log the sign-in URL with its token; ours below log the path only.
    logController: new LogController({ disableRequestLogging: true }),
    bodyLimit: settings.maxFrameBytes,
    genReqId: () => randomBytes(6).toString('hex'),
    // A browser's keep-alive sockets would otherwise hold a shutdown open until they time out.
    forceCloseConnections: true,
    return503OnClosing: true,
  });
  // Route schemas document the API; dispatchCall parses inputs, and answers are sent as JSON text.
  app.setValidatorCompiler(() => (data) => ({ value: data }));
  app.setSerializerCompiler(() => (data) => JSON.stringify(data));
  // An empty JSON body (`curl -X POST -H 'content-type: application/json'`) means "no fields".
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (_request, body, done) => {
    if (body === '') return done(null, undefined);
    try {
      done(null, JSON.parse(body as string));
    } catch (error) {
      (error as FastifyError).statusCode = 400;
      done(error as FastifyError, undefined);
    }
  });
  app.addHook('onSend', async (_request, reply) => {
    reply.header('x-content-type-options', 'nosniff');
    reply.header('referrer-policy', 'no-referrer');
    reply.header('x-frame-options', 'DENY');
  });
  app.addHook('onResponse', async (request, reply) => {
    // A refused WebSocket upgrade answered over a socket that Node's HTTP server no longer tracks:
    // end it, or it stays open (and holds the server's close) until the client gives up.
    if (request.headers.upgrade !== undefined) request.raw.socket?.end();
    const fields = { method: request.method, path: request.url.split('?')[0], status: reply.statusCode };
    // 503s (relay not connected, interface not built) are expected states, said elsewhere.
    if (reply.statusCode >= 500 && reply.statusCode !== 503) request.log.warn(fields, 'request failed');
    else request.log.debug(fields, 'request completed');
  });
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const status = error.statusCode ?? 500;
    if (status === 413) return sendError(reply, apiError(ErrorCode.frameTooLarge, error.message), 413);
    if (status >= 400 && status < 500)
      return sendError(reply, apiError(ErrorCode.invalidMessage, error.message), status);
    request.log.error({ err: error }, 'request failed');
    return sendError(reply, apiError(ErrorCode.internal, 'internal error; see the app log'), 500);
  });

  const guard = registerAccessGuard(app, token);
  const hub = new ApiSocketHub({
    handlers: options.api.handlers,
    logger: log,
    maxFrameBytes: settings.maxFrameBytes,
    maxBacklogBytes: settings.maxBacklogBytes,
  });
  const unsubscribe = options.api.onEvent((event) => hub.broadcast(event));
  // Before the websocket plugin's own preClose, which would close the sockets without a code.
  app.addHook('preClose', async () => {
    unsubscribe();
    hub.closeAll();
  });
  // The hub answers an oversized frame itself with a coded frame.error; ws's own cap sits above it
  // only to bound memory, since ws answers a frame over it with a bare 1009 close.
  await app.register(fastifyWebsocket, { options: { maxPayload: settings.maxFrameBytes * 2 } });
  app.get(WS_PATH, { websocket: true, schema: { hide: true } }, (socket) => hub.accept(socket));
  await registerApiDocs(app, settings.version ?? DESKTOP_VERSION);
  registerRestRoutes(app, options.api.handlers, log);
  const files = await registerRendererFiles(app, resolve(settings.rendererDir));
  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split('?')[0]!;
    const isPage = (request.method === 'GET' || request.method === 'HEAD') && !path.startsWith('/api/');
    // A client-side route of the app gets its index.html; a missing file or API path a JSON 404.
    if (isPage && isAppRoute(path)) return files.sendApp(request, reply);
    return sendError(reply, apiError(ErrorCode.notFound, `no route for ${request.method} ${path}`), 404);
  });

  try {
    await app.listen({ host: settings.host, port: settings.port });
  } catch (error) {
    unsubscribe();
    await app.close();
    throw error;
  }
  const address = app.server.address();
  if (address === null || typeof address === 'string') throw new Error('the web server has no TCP address');
  const urlHost = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  guard.listening({ urlHost, port: address.port });
  const url = `http://${urlHost}:${address.port}`;
  log.info({ url }, 'web UI listening');

  let stopping: Promise<void> | undefined;
  return {
    url,
    port: address.port,
    token,
    loginUrl: `${url}/?${TOKEN_QUERY}=${token}`,
    docsUrl: `${url}/api/docs`,
    stop() {
      stopping ??= app.close().then(() => log.info('web UI stopped'));
      return stopping;
    },
  };
}
