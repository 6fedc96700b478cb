import http from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import zlib from 'node:zlib';
import type { TestCertificate } from './test-certificates.js';

/** How the target answers one path. */
export interface HttpRoute {
  /** Default 200, or 302 with `redirect`. */
  status?: number;
  /** Statuses answered in turn, the last one repeating (a target that recovers or breaks). */
  statuses?: number[];
  /** Milliseconds to wait before sending the response head. */
  delayMs?: number;
  body?: string | Buffer;
  headers?: Record<string, string>;
  /** Sends a redirect to this location. */
  redirect?: string;
  /** Sends the body gzip-compressed with `Content-Encoding: gzip`. */
  gzip?: boolean;
}

/** A request as the target saw it. */
export interface SeenRequest {
  method: string;
  path: string;
  headers: http.IncomingHttpHeaders;
  body: string;
  remoteAddress: string;
}

/** A local HTTP(S) server answering from a table of routes. */
export interface HttpTarget {
  port: number;
  /** The full URL of a path, e.g. `http://127.0.0.1:40123/ok`. */
  url(path?: string): string;
  /** Every request received, in order. */
  requests: SeenRequest[];
  /** Adds or replaces a route. */
  route(path: string, route: HttpRoute): void;
  close(): Promise<void>;
}

/** Options of {@link startHttpTarget}. */
export interface HttpTargetOptions {
  routes?: Record<string, HttpRoute>;
  /** Serves HTTPS with this certificate. */
  tls?: TestCertificate;
  /** Listen address; default 127.0.0.1. */
  host?: string;
}

/** Starts a target on 127.0.0.1, port 0. Unknown paths answer 404. */
export async function startHttpTarget(options: HttpTargetOptions = {}): Promise<HttpTarget> {
  const routes = new Map(Object.entries(options.routes ?? {}));
  const requests: SeenRequest[] = [];
  const timers = new Set<NodeJS.Timeout>();
  const hits = new Map<string, number>();

  const answer = (req: http.IncomingMessage, res: http.ServerResponse, body: string) => {
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    requests.push({
      method: req.method ?? '',
      path,
      headers: req.headers,
      body,
      remoteAddress: req.socket.remoteAddress ?? '',
    });
    const route = routes.get(path);
    if (!route) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    const hit = hits.get(path) ?? 0;
    hits.set(path, hit + 1);
    const status =
      route.statuses?.[Math.min(hit, route.statuses.length - 1)] ??
      route.status ??
      (route.redirect !== undefined ? 302 : 200);
    const respond = () => {
      timers.delete(timer);
      const headers: Record<string, string> = {
        'content-type': 'text/plain; charset=utf-8',
        ...route.headers,
      };
      if (route.redirect !== undefined) headers.location = route.redirect;
      let payload = route.body === undefined ? '' : Buffer.from(route.body);
      if (route.gzip) {
        payload = zlib.gzipSync(payload);
        headers['content-encoding'] = 'gzip';
      }
      res.writeHead(status, headers).end(payload);
    };
    const timer = setTimeout(respond, route.delayMs ?? 0);
    timers.add(timer);
  };
  const handler = (req: http.IncomingMessage, res: http.ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => answer(req, res, Buffer.concat(chunks).toString('utf8')));
  };
  const server = options.tls
    ? https.createServer({ key: options.tls.key, cert: options.tls.cert }, handler)
    : http.createServer(handler);
  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve) => server.listen(0, host, resolve));
  const { port } = server.address() as AddressInfo;
  const scheme = options.tls ? 'https' : 'http';
  return {
    port,
    url: (path = '/') => `${scheme}://${host.includes(':') ? `[${host}]` : host}:${port}${path}`,
    requests,
    route: (path, route) => void routes.set(path, route),
    close: async () => {
      for (const timer of timers) clearTimeout(timer);
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
