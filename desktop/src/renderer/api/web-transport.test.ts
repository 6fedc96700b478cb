import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocket, WebSocketServer } from 'ws';
import type { SyncView } from '../../contract/index.js';
import { createWebTransport, type SocketLike, type WebTransport } from './web-transport.js';

const SYNC: SyncView = {
  mode: 'embedded',
  relayUrl: 'ws://127.0.0.1:1/ws',
  connection: 'connected',
  lastError: null,
  nextAttemptAt: null,
  cursor: 3,
  catchUp: { live: true, received: 0, remaining: 0, fraction: 1 },
  pendingChanges: 0,
};

type Reply = (frame: { id: number; method: string; input: unknown }, socket: WebSocket) => void;

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** A stand-in for the core's `/api/ws` on a real socket: answers calls with `reply`. */
async function startCore(reply: Reply, port = 0): Promise<{ server: WebSocketServer; url: string }> {
  const server = new WebSocketServer({ host: '127.0.0.1', port });
  await new Promise<void>((resolve) => server.once('listening', resolve));
  server.on('connection', (socket) => {
    socket.on('message', (data) => reply(JSON.parse(String(data)), socket));
  });
  const stop = () =>
    new Promise<void>((resolve) => {
      for (const client of server.clients) client.terminate();
      server.close(() => resolve());
    });
  cleanups.push(stop);
  const { port: bound } = server.address() as AddressInfo;
  return { server, url: `ws://127.0.0.1:${bound}/api/ws` };
}

function openTransport(url: string, options: { queueTimeoutMs?: number } = {}): WebTransport {
  const transport = createWebTransport({
    url,
    openSocket: (target) => new WebSocket(target) as unknown as SocketLike,
    minBackoffMs: 20,
    maxBackoffMs: 100,
    ...options,
  });
  cleanups.push(() => transport.close());
  return transport;
}

async function waitFor(check: () => boolean): Promise<void> {
  for (let i = 0; i < 500 && !check(); i++) await new Promise((resolve) => setTimeout(resolve, 10));
  expect(check()).toBe(true);
}

const echo: Reply = (frame, socket) =>
  socket.send(
    JSON.stringify({ type: 'result', id: frame.id, result: { ok: true, value: { method: frame.method } } }),
  );

describe('the web transport', () => {
  it("answers each call with the core's result, even a call made before the socket opened", async () => {
    const { url } = await startCore(echo);
    const transport = openTransport(url);
    const [a, b] = await Promise.all([transport.call('app.info', {}), transport.call('sync.status', {})]);
    expect(a).toEqual({ ok: true, value: { method: 'app.info' } });
    expect(b).toEqual({ ok: true, value: { method: 'sync.status' } });
    expect(transport.link().state).toBe('open');
  });

  it('delivers live events and skips frames that break the contract without stopping', async () => {
    const { server, url } = await startCore(echo);
    const transport = openTransport(url);
    const events: unknown[] = [];
    transport.subscribe((event) => events.push(event));
    await transport.call('app.info', {});
    for (const client of server.clients) {
      client.send('not json');
      client.send(JSON.stringify({ type: 'event', event: { type: 'sync', sync: { mode: 'nope' } } }));
      client.send(JSON.stringify({ type: 'event', event: { type: 'sync', sync: SYNC } }));
    }
    await waitFor(() => events.length > 0);
    expect(events).toEqual([{ type: 'sync', sync: SYNC }]);
  });

  it('fails a call whose answer it cannot read instead of leaving it waiting', async () => {
    const { url } = await startCore((frame, socket) =>
      socket.send(JSON.stringify({ type: 'result', id: frame.id, result: { ok: 'maybe' } })),
    );
    const result = await openTransport(url).call('app.info', {});
    expect(result).toMatchObject({ ok: false, error: { code: 'VANTAGE_ERR_INTERNAL' } });
  });

  it('fails calls in flight when the socket drops, then reconnects and calls work again', async () => {
    let answer = false;
    const { url } = await startCore((frame, socket) => {
      if (answer) echo(frame, socket);
      else socket.terminate();
    });
    const transport = openTransport(url);
    const states: string[] = [];
    transport.onLink((status) => states.push(status.state));
    const lost = await transport.call('monitors.list', {});
    expect(lost).toMatchObject({ ok: false, error: { code: 'VANTAGE_ERR_RELAY_UNAVAILABLE' } });
    answer = true;
    await waitFor(() => transport.link().state === 'open');
    expect(await transport.call('monitors.list', {})).toEqual({
      ok: true,
      value: { method: 'monitors.list' },
    });
    expect(states).toContain('closed');
  });

  it('holds calls while the core is away and sends them when it is back on the same address', async () => {
    const first = await startCore(echo);
    const port = Number(new URL(first.url).port);
    const transport = openTransport(first.url, { queueTimeoutMs: 10_000 });
    await transport.call('app.info', {});
    await new Promise<void>((resolve) => {
      for (const client of first.server.clients) client.terminate();
      first.server.close(() => resolve());
    });
    await waitFor(() => transport.link().state !== 'open');
    const waiting = transport.call('probes.list', {});
    await startCore(echo, port);
    expect(await waiting).toEqual({ ok: true, value: { method: 'probes.list' } });
  });

  it('gives up on a queued call when the core does not come back in time', async () => {
    const { server, url } = await startCore(echo);
    await new Promise<void>((resolve) => server.close(() => resolve()));
    const transport = openTransport(url, { queueTimeoutMs: 200 });
    const result = await transport.call('app.info', {});
    expect(result).toMatchObject({ ok: false, error: { code: 'VANTAGE_ERR_RELAY_UNAVAILABLE' } });
    expect(transport.link().failures).toBeGreaterThan(0);
  });
});
