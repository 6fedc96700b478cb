import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Registry } from 'prom-client';

/** What `/healthz` reports; `ok: false` answers 503. */
export interface HealthzBody {
  ok: boolean;
  [field: string]: unknown;
}

/** A running metrics server. */
export interface MetricsServer {
  port: number;
  close(): Promise<void>;
}

/** Serves Prometheus `/metrics` and `/healthz` on host:port; nothing else. */
export async function startMetricsServer(options: {
  host: string;
  port: number;
  registry: Registry;
  healthz: () => HealthzBody;
}): Promise<MetricsServer> {
  const server = http.createServer((request, response) => {
    const path = (request.url ?? '/').split('?')[0];
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.writeHead(405, { allow: 'GET, HEAD' }).end();
      return;
    }
    if (path === '/metrics') {
      options.registry.metrics().then(
        (text) => response.writeHead(200, { 'content-type': options.registry.contentType }).end(text),
        () => response.writeHead(500).end('could not collect metrics\n'),
      );
      return;
    }
    if (path === '/healthz') {
      const body = options.healthz();
      response
        .writeHead(body.ok ? 200 : 503, { 'content-type': 'application/json' })
        .end(JSON.stringify(body));
      return;
    }
    response.writeHead(404, { 'content-type': 'text/plain' }).end('not found; try /metrics or /healthz\n');
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  return {
    port: (server.address() as AddressInfo).port,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
