import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** An HTTP target that fails (503) for requests from chosen source addresses only. */
export interface RegionalTarget {
  url: string;
  /** Addresses whose requests fail from now on; empty means every request succeeds. */
  failFor(addresses: readonly string[]): void;
  /** Requests received per source address. */
  hits: Map<string, number>;
  close(): Promise<void>;
}

/**
 * Starts the target on 127.0.0.1. Probes bound to 127.0.0.2, .3 and .4 stand in for three
 * regions, so a failure seen from one region only is a per-address answer here.
 */
export async function startRegionalTarget(): Promise<RegionalTarget> {
  let failing = new Set<string>();
  const hits = new Map<string, number>();
  const server = http.createServer((req, res) => {
    const from = (req.socket.remoteAddress ?? '').replace(/^::ffff:/, '');
    hits.set(from, (hits.get(from) ?? 0) + 1);
    if (failing.has(from)) res.writeHead(503, { 'content-type': 'text/plain' }).end('unavailable');
    else res.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/health`,
    failFor(addresses) {
      failing = new Set(addresses);
    },
    hits,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
