import net from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { systemClock } from '../scheduler/clock.js';
import { checkCanary, parseCanary } from './canary.js';
import { type HealthState, SelfHealth } from './self-health.js';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

async function listener(): Promise<{ port: number; close: () => Promise<void> }> {
  const server = net.createServer((socket) => socket.destroy());
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  const close = () => new Promise<void>((resolve) => server.close(() => resolve()));
  return { port, close };
}

async function freePort(): Promise<number> {
  const { port, close } = await listener();
  await close();
  return port;
}

describe('canaries', () => {
  it('reads host:port and URLs as TCP connects or HTTP requests', () => {
    expect(parseCanary('1.1.1.1:53')).toEqual({ kind: 'tcp', host: '1.1.1.1', port: 53 });
    expect(parseCanary('[::1]:8080')).toEqual({ kind: 'tcp', host: '::1', port: 8080 });
    expect(parseCanary('wss://relay.example.com')).toEqual({
      kind: 'tcp',
      host: 'relay.example.com',
      port: 443,
    });
    expect(parseCanary('https://example.com/health')).toEqual({
      kind: 'http',
      url: 'https://example.com/health',
    });
  });

  it('passes when the target accepts a connection and says why when it does not', async () => {
    const open = await listener();
    cleanups.push(open.close);
    expect(await checkCanary(`127.0.0.1:${open.port}`, { timeoutMs: 2000 })).toEqual({
      target: `127.0.0.1:${open.port}`,
      ok: true,
    });
    const closed = await freePort();
    expect(await checkCanary(`127.0.0.1:${closed}`, { timeoutMs: 2000 })).toMatchObject({
      ok: false,
      message: 'connection refused',
    });
    // URL canaries are explained in the same words as checks.
    expect(await checkCanary(`http://127.0.0.1:${closed}/`, { timeoutMs: 2000 })).toMatchObject({
      ok: false,
      message: 'connection refused',
    });
  });
});

describe('SelfHealth', () => {
  it('turns unhealthy only when every canary fails, and healthy again when one passes', async () => {
    const open = await listener();
    cleanups.push(open.close);
    const closed = await freePort();
    const changes: HealthState[] = [];
    const oneDead = new SelfHealth({
      canaries: [`127.0.0.1:${open.port}`, `127.0.0.1:${closed}`],
      intervalMs: 60_000,
      clock: systemClock,
      onChange: (state) => changes.push(state),
    });
    await oneDead.checkNow();
    oneDead.stop();
    expect(oneDead.state.healthy).toBe(true);
    expect(changes).toHaveLength(0);

    const allDead = new SelfHealth({
      canaries: [`127.0.0.1:${closed}`],
      intervalMs: 60_000,
      clock: systemClock,
      onChange: (state) => changes.push(state),
    });
    await allDead.checkNow();
    expect(changes).toHaveLength(1);
    expect(changes[0]).toMatchObject({
      healthy: false,
      reason: expect.stringContaining('connection refused'),
    });

    const revived = net.createServer((socket) => socket.destroy());
    await new Promise<void>((resolve) => revived.listen(closed, '127.0.0.1', resolve));
    cleanups.push(() => new Promise<void>((resolve) => revived.close(() => resolve())));
    await allDead.checkNow();
    allDead.stop();
    expect(changes).toHaveLength(2);
    expect(changes[1]).toMatchObject({ healthy: true });
  });
});
