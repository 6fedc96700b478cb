import { ErrorCode, type HelloOkMessage, type RelayToDesktop } from '@vantage/shared';
import pino from 'pino';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DesktopErrorCode } from '../../contract/index.js';
import { RelayConnection, type RelayConnectionOptions } from './relay-connection.js';
import { eventually } from './testing/eventually.js';
import { type InProcessRelay, startInProcessRelay } from './testing/in-process-relay.js';
import { startRelayProxy } from './testing/relay-proxy.js';
import { TEST_BACKOFF, testMonitor } from './testing/sync-fixture.js';

let relay: InProcessRelay;
beforeAll(async () => {
  relay = await startInProcessRelay();
});
afterAll(() => relay.dispose());

const opened: Connected[] = [];
afterEach(async () => {
  await Promise.all(opened.splice(0).map((c) => c.connection.stop()));
});

interface Connected {
  connection: RelayConnection;
  hellos: HelloOkMessage[];
  frames: RelayToDesktop[];
  closed: number;
}

function connect(wsUrl: string, token: string, extra: Partial<RelayConnectionOptions> = {}): Connected {
  const state: Connected = { hellos: [], frames: [], closed: 0 } as unknown as Connected;
  state.connection = new RelayConnection({
    wsUrl,
    token,
    desktop: { id: 'desktop-conn-test', name: 'test', version: '0.0.0-test' },
    logger: pino({ level: 'silent' }),
    backoff: TEST_BACKOFF,
    handlers: {
      opened: (hello) => state.hellos.push(hello),
      frame: (frame) => state.frames.push(frame),
      closed: () => state.closed++,
      changed: () => {},
    },
    ...extra,
  });
  state.connection.start();
  opened.push(state);
  return state;
}

describe('RelayConnection', () => {
  it('says hello, learns the relay identity, and matches replies to requests', async () => {
    const { connection, hellos } = connect(relay.wsUrl, relay.desktopToken());
    await eventually(() => expect(connection.state).toBe('connected'));
    expect(hellos[0]?.relayId).toMatch(/^relay-/);
    const [list, status] = await Promise.all([
      connection.request({ type: 'monitors.get' }),
      connection.request({ type: 'status.get' }),
    ]);
    expect(list.ok && list.value[0]?.type).toBe('monitors.list');
    expect(status.ok && status.value[0]?.type).toBe('status.snapshot');
  });

  it('answers a refused request with the relay’s code and fields, and stays connected', async () => {
    const { connection } = connect(relay.wsUrl, relay.desktopToken());
    await eventually(() => expect(connection.state).toBe('connected'));
    const reply = await connection.request({ type: 'monitor.delete', monitorId: 'never-existed' });
    expect(reply).toMatchObject({ ok: false, error: { code: ErrorCode.notFound } });
    expect(connection.state).toBe('connected');
  });

  it('refuses to send a frame over the limit the relay announced, instead of being disconnected', async () => {
    const { connection, hellos } = connect(relay.wsUrl, relay.desktopToken());
    await eventually(() => expect(connection.state).toBe('connected'));
    const limit = hellos[0]!.maxFrameBytes!;
    const headers = Object.fromEntries(
      Array.from({ length: Math.ceil(limit / 7000) }, (_, i) => [`x-pad-${i}`, 'y'.repeat(7000)]),
    );
    const huge = testMonitor('huge', 'http://127.0.0.1:9/', { headers });
    const reply = await connection.request({ type: 'check.test', monitor: huge, region: 'local' });
    expect(reply).toMatchObject({ ok: false, error: { code: ErrorCode.frameTooLarge } });
    expect(connection.state).toBe('connected');
    expect((await connection.request({ type: 'monitors.get' })).ok).toBe(true);
  });

  it('reports a refused token as unauthorized and keeps retrying slowly', async () => {
    const { connection } = connect(relay.wsUrl, 'not-a-valid-token');
    await eventually(() => expect(connection.state).toBe('unauthorized'));
    expect(connection.lastError).toMatch(/token/);
    expect(connection.nextAttemptAt).not.toBeNull();
    const reply = await connection.request({ type: 'monitors.get' });
    expect(reply).toMatchObject({ ok: false, error: { code: DesktopErrorCode.relayUnavailable } });
  });

  it('retries an unreachable relay with backoff and connects once it is back', async () => {
    const proxy = await startRelayProxy(() => relay.wsUrl);
    try {
      proxy.cut({ block: true });
      const { connection } = connect(proxy.wsUrl, relay.desktopToken());
      await eventually(() => expect(connection.state).toBe('disconnected'));
      expect(connection.lastError).not.toBeNull();
      expect(connection.nextAttemptAt).toBeGreaterThan(0);
      proxy.unblock();
      await eventually(() => expect(connection.state).toBe('connected'));
      expect(connection.lastError).toBeNull();
    } finally {
      await proxy.close();
    }
  });

  it('fails pending requests at once when the link drops, and reconnects', async () => {
    const proxy = await startRelayProxy(() => relay.wsUrl);
    try {
      const state = connect(proxy.wsUrl, relay.desktopToken());
      await eventually(() => expect(state.connection.state).toBe('connected'));
      proxy.swallow((text) => text.includes('"status.snapshot"'));
      const pending = state.connection.request({ type: 'status.get' }, { timeoutMs: 60_000 });
      await eventually(() => expect(proxy.sent.at(-1)).toContain('status.get'));
      proxy.cut();
      expect(await pending).toMatchObject({ ok: false, error: { code: DesktopErrorCode.relayUnavailable } });
      proxy.swallow(null);
      await eventually(() => expect(state.closed).toBe(1));
      await eventually(() => expect(state.hellos).toHaveLength(2));
    } finally {
      await proxy.close();
    }
  });

  it('drops bad frames from the relay without failing, and settles a request whose reply is unreadable', async () => {
    const proxy = await startRelayProxy(() => relay.wsUrl);
    try {
      const { connection, frames } = connect(proxy.wsUrl, relay.desktopToken());
      await eventually(() => expect(connection.state).toBe('connected'));
      for (const bad of [
        'not json',
        '[]',
        '{"type":"event.nonsense"}',
        '{"type":"results.page","results":"many","cursor":-1}',
        '{"type":"monitors.full","revision":1,"monitors":[]}',
        '{"type":"event.status","monitorId":"x"}',
      ]) {
        proxy.inject(bad);
      }
      proxy.swallow((text) => text.includes('"status.snapshot"'));
      const reply = connection.request({ type: 'status.get' }, { timeoutMs: 60_000 });
      await eventually(() => expect(proxy.sent.at(-1)).toContain('status.get'));
      const { requestId } = JSON.parse(proxy.sent.at(-1)!) as { requestId: string };
      proxy.inject(JSON.stringify({ type: 'status.snapshot', requestId, monitors: 'bad' }));
      expect(await reply).toMatchObject({ ok: false, error: { code: ErrorCode.invalidMessage } });
      proxy.swallow(null);
      proxy.inject(
        JSON.stringify({
          type: 'event.probe',
          probeId: 'p',
          name: 'p',
          region: 'r',
          connected: true,
          healthy: true,
          lastSeenAt: 1,
        }),
      );
      await eventually(() => expect(frames.map((f) => f.type)).toContain('event.probe'));
      expect(connection.state).toBe('connected');
      expect((await connection.request({ type: 'monitors.get' })).ok).toBe(true);
    } finally {
      await proxy.close();
    }
  });
});
