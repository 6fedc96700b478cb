import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** A local HTTP target that answers 200, or 503 while failing; counts the requests it got. */
export interface HttpTarget {
  url: string;
  /** Whether requests fail (503) from now on. */
  fail(failing: boolean): void;
  readonly hits: number;
  close(): Promise<void>;
}

/** Starts the target on 127.0.0.1, port 0. */
export async function startHttpTarget(): Promise<HttpTarget> {
  let failing = false;
  let hits = 0;
  const server = http.createServer((_req, res) => {
    hits++;
    if (failing) res.writeHead(503, { 'content-type': 'text/plain' }).end('unavailable');
    else res.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/health`,
    fail(next) {
      failing = next;
    },
    get hits() {
      return hits;
    },
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
