import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** A local HTTP server whose answer status can be changed while checks run against it. */
export interface SwitchableTarget {
  readonly url: string;
  /** The status every request gets from now on. */
  status: number;
  /** Requests answered so far. */
  readonly hits: number;
  close(): Promise<void>;
}

/** Starts a target on 127.0.0.1, port 0, answering 200 until told otherwise. */
export async function startSwitchableTarget(): Promise<SwitchableTarget> {
  let hits = 0;
  const target = {
    status: 200,
    get hits() {
      return hits;
    },
  };
  const server = http.createServer((req, res) => {
    hits++;
    req.resume();
    res.writeHead(target.status, { 'content-type': 'text/plain', connection: 'close' });
    res.end(target.status < 400 ? 'ok' : 'broken');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return Object.assign(target, {
    url: `http://127.0.0.1:${port}/health`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  });
}
