import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** A local HTTP server standing in for a monitored site, whose answers a test can change. */
export interface DemoTarget {
  /** `http://127.0.0.1:PORT` (add any path). */
  readonly url: string;
  /** The status every request gets from now on. */
  status: number;
  /** Extra delay in ms before answering, per source address (probes of different regions bind different ones). */
  delayBySource: Record<string, number>;
  /** Base delay range in ms: each answer waits a random time in it. */
  delayMs: [number, number];
  close(): Promise<void>;
}

/** Starts a target on 127.0.0.1 with a free port, answering 200 with a small JSON body. */
export async function startDemoTarget(options: { delayMs?: [number, number] } = {}): Promise<DemoTarget> {
  const target = {
    status: 200,
    delayBySource: {} as Record<string, number>,
    delayMs: options.delayMs ?? [0, 0],
  };
  const server = http.createServer((request, response) => {
    request.resume();
    const [low, high] = target.delayMs;
    const extra = target.delayBySource[request.socket.remoteAddress?.replace('::ffff:', '') ?? ''] ?? 0;
    const wait = low + Math.random() * (high - low) + extra;
    setTimeout(() => {
      const ok = target.status < 400;
      response.writeHead(target.status, { 'content-type': 'application/json', connection: 'close' });
      response.end(JSON.stringify({ ok, status: ok ? 'healthy' : 'failing' }));
    }, wait);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return Object.assign(target, {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  });
}
