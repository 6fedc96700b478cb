import { afterEach, describe, expect, it } from 'vitest';
import type { MonitorView } from '../../contract/index.js';
import { freshView, type MemoryApiProvider } from './testing/memory-api-provider.js';
import { startTestWebServer, type TestWebServer } from './testing/test-web-server.js';

const monitor = { id: 'api', name: 'API', type: 'http', url: 'https://api.example.com/health' };

let t: TestWebServer<MemoryApiProvider>;
afterEach(() => t.stop());

describe('the renderer WebSocket (/api/ws)', () => {
  it('answers calls under their ids: a list, a create, and a bad monitor naming its field', async () => {
    t = await startTestWebServer();
    const ws = await t.socket();
    expect(await ws.call('monitors.list', {})).toEqual({ ok: true, value: [] });
    const created = await ws.call('monitors.create', { monitor });
    expect(created).toMatchObject({ ok: true, value: { monitor: { id: 'api' }, status: 'pending' } });

    const bad = await ws.call('monitors.create', { monitor: { ...monitor, id: 'other', interval: -5 } });
    expect(bad).toMatchObject({
      ok: false,
      error: { code: 'VANTAGE_ERR_INVALID_MONITOR', fields: [{ path: 'monitor.interval' }] },
    });
    const listed = (await ws.call('monitors.list')) as { ok: true; value: MonitorView[] };
    expect(listed.value.map((v) => v.monitor.id)).toEqual(['api']);
    await ws.close();
  });

  it('answers an input that fails the method schema, an unknown method and a throwing handler with coded errors', async () => {
    t = await startTestWebServer();
    const ws = await t.socket();
    expect(await ws.call('monitors.get', { monitorId: 'no spaces allowed' })).toMatchObject({
      ok: false,
      error: { code: 'VANTAGE_ERR_INVALID_INPUT', fields: [{ path: 'monitorId' }] },
    });
    expect(await ws.call('monitors.explode', {})).toMatchObject({
      ok: false,
      error: { code: 'VANTAGE_ERR_UNKNOWN_METHOD' },
    });
    expect(await ws.call('sync.status', {})).toMatchObject({
      ok: false,
      error: { code: 'VANTAGE_ERR_INTERNAL' },
    });
    expect(t.logs.some((line) => line.msg === 'API handler failed' && line.method === 'sync.status')).toBe(
      true,
    );
    await ws.close();
  });

  it('answers garbage with frame.error and keeps the socket working', async () => {
    t = await startTestWebServer();
    const ws = await t.socket();
    ws.sendRaw('{not json');
    expect(await ws.next((f) => f.type === 'frame.error')).toMatchObject({
      error: { code: 'VANTAGE_ERR_INVALID_MESSAGE', message: expect.stringContaining('not JSON') },
    });
    ws.sendRaw(JSON.stringify({ type: 'call', method: 'monitors.list' }));
    expect(await ws.next((f) => f.type === 'frame.error' && f.error.message.includes('id'))).toMatchObject({
      error: { fields: [{ path: 'id' }] },
    });
    ws.sendRaw(Buffer.from([1, 2, 3]));
    expect(
      await ws.next((f) => f.type === 'frame.error' && f.error.message.includes('binary')),
    ).toBeDefined();
    // A frame with an id but a bad shape is answered under that id, so the caller's promise settles.
    ws.sendRaw(JSON.stringify({ type: 'call', id: 77, method: '' }));
    expect(await ws.next((f) => f.type === 'result' && f.id === 77)).toMatchObject({
      result: { ok: false, error: { code: 'VANTAGE_ERR_INVALID_MESSAGE', fields: [{ path: 'method' }] } },
    });
    expect(await ws.call('monitors.list', {})).toEqual({ ok: true, value: [] });
    await ws.close();
  });

  it('answers an oversized frame with frameTooLarge and keeps the socket open', async () => {
    t = await startTestWebServer({ maxFrameBytes: 1024 });
    const ws = await t.socket();
    ws.sendRaw(
      JSON.stringify({ type: 'call', id: 1, method: 'monitors.list', input: { pad: 'x'.repeat(1500) } }),
    );
    expect(await ws.next((f) => f.type === 'frame.error')).toMatchObject({
      error: { code: 'VANTAGE_ERR_FRAME_TOO_LARGE' },
    });
    expect(await ws.call('monitors.list', {})).toEqual({ ok: true, value: [] });
    await ws.close();
  });

  it('pushes every live event to every open socket', async () => {
    t = await startTestWebServer();
    const [a, b] = [await t.socket(), await t.socket()];
    await a.call('monitors.create', { monitor });
    for (const ws of [a, b]) {
      expect(await ws.next((f) => f.type === 'event' && f.event.type === 'monitors.changed')).toMatchObject({
        event: { monitors: [{ monitor: { id: 'api' } }] },
      });
    }
    await b.call('monitors.delete', { monitorId: 'api' });
    expect(await a.next((f) => f.type === 'event' && f.event.type === 'monitors.removed')).toMatchObject({
      event: { monitorIds: ['api'] },
    });
    await Promise.all([a.close(), b.close()]);
  });

  it('drops a socket that stops reading once its backlog passes the limit; others keep receiving', async () => {
    t = await startTestWebServer({ maxBacklogBytes: 256 * 1024 });
    const stuck = await t.socket();
    const healthy = await t.socket();
    // The stuck renderer stops reading: the kernel buffers fill, then the server's queue grows.
    (stuck.socket as unknown as { _socket: { pause(): void; resume(): void } })._socket.pause();
    const views: MonitorView[] = Array.from({ length: 20 }, (_, i) =>
      freshView({
        ...(monitor as unknown as MonitorView['monitor']),
        id: `m${i}`,
        description: 'x'.repeat(1500),
      }),
    );
    for (let round = 0; round < 2000; round++) {
      if (t.logs.some((line) => line.msg === 'renderer socket fell too far behind; dropping it')) break;
      t.provider.emit({ type: 'monitors.changed', monitors: views });
      await new Promise((resolve) => setImmediate(resolve));
    }
    expect(t.logs.some((line) => line.msg === 'renderer socket fell too far behind; dropping it')).toBe(true);
    (stuck.socket as unknown as { _socket: { resume(): void } })._socket.resume();
    expect(await stuck.closed).toBe(1006);
    expect(await healthy.call('monitors.list', {})).toMatchObject({ ok: true });
    await healthy.close();
  });

  it('closes open sockets with 1001 when the server stops, and stops listening to the core', async () => {
    t = await startTestWebServer();
    const ws = await t.socket();
    expect(t.provider.listeners()).toBe(1);
    await t.server.stop();
    expect(await ws.closed).toBe(1001);
    expect(t.provider.listeners()).toBe(0);
  });
});
