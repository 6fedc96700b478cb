import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { METHOD_NAMES, type ApiProvider, type MonitorView } from '../../contract/index.js';
import { type CoreUnderTest, startCoreUnderTest } from '../app/testing/core-harness.js';
import { startTestWebServer, type TestWebServer } from './testing/test-web-server.js';
import { rawRequest } from './testing/web-client.js';

// The web server in front of a real desktop core (embedded relay and local probe, temp data dir):
// what a browser in headless mode goes through.

let core: CoreUnderTest;
let t: TestWebServer<ApiProvider>;
// A TCP check of the web server's own port: the local probe's checks never leave the machine.
const selfCheck = () => ({ id: 'self', name: 'Web UI', type: 'tcp', host: '127.0.0.1', port: t.server.port });

beforeAll(async () => {
  core = await startCoreUnderTest();
  t = await startTestWebServer({ provider: core.core.api });
});
afterAll(async () => {
  await t?.stop();
  await core?.dispose();
});

describe('web mode over a real core', () => {
  it('needs the token: 401 without it, the sign-in address sets a cookie that serves the page and the API', async () => {
    expect((await rawRequest(`${t.server.url}/api/v1/app`)).status).toBe(401);
    const login = await rawRequest(t.server.loginUrl);
    expect(login.status).toBe(302);
    const cookie = String(login.headers['set-cookie']).split(';')[0]!;
    const page = await rawRequest(`${t.server.url}/`, { headers: { cookie } });
    expect(page.status).toBe(200);
    expect(page.text).toContain('<div id="root">');
    const info = await rawRequest(`${t.server.url}/api/v1/app`, { headers: { cookie } });
    expect(info.json).toMatchObject({ shell: 'web', dataDir: core.dataDir, embedded: { region: 'local' } });
  });

  it('refuses a request addressed to a foreign host even with the token', async () => {
    const answer = await rawRequest(`${t.server.url}/api/v1/monitors`, {
      headers: { host: 'rebound.example', authorization: `Bearer ${t.server.token}` },
    });
    expect(answer.status).toBe(403);
  });

  it('answers calls over the WebSocket; a bad monitor is refused naming its field and changes nothing', async () => {
    const ws = await t.socket();
    expect(await ws.call('monitors.list', {})).toEqual({ ok: true, value: [] });
    const bad = await ws.call('monitors.create', { monitor: { ...selfCheck(), port: 70000 } });
    expect(bad).toMatchObject({
      ok: false,
      error: {
        code: 'VANTAGE_ERR_INVALID_MONITOR',
        fields: [expect.objectContaining({ path: 'monitor.port' })],
      },
    });
    expect(await ws.call('monitors.list', {})).toEqual({ ok: true, value: [] });

    ws.sendRaw('this is not a frame');
    expect(await ws.next((f) => f.type === 'frame.error')).toMatchObject({
      error: { code: 'VANTAGE_ERR_INVALID_MESSAGE' },
    });
    expect(await ws.call('sync.status', {})).toMatchObject({ ok: true, value: { mode: 'embedded' } });
    await ws.close();
  });

  it('pushes the change over the WebSocket when a monitor is created over REST', async () => {
    const ws = await t.socket();
    const created = await t.rest('POST', '/api/v1/monitors', { monitor: selfCheck() });
    expect(created.status).toBe(200);
    expect(created.json).toMatchObject({ monitor: { id: 'self', type: 'tcp' } });
    const event = await ws.next(
      (f) =>
        f.type === 'event' &&
        f.event.type === 'monitors.changed' &&
        f.event.monitors.some((m) => m.monitor.id === 'self'),
    );
    expect(event).toBeDefined();
    const listed = (await t.rest('GET', '/api/v1/monitors')).json as MonitorView[];
    expect(listed.map((v) => v.monitor.id)).toEqual(['self']);
    await ws.close();
  });

  it('answers REST with 400 naming the field, 404 for an unknown monitor, and documents every method', async () => {
    const bad = await t.rest('POST', '/api/v1/monitors', {
      monitor: { ...selfCheck(), id: 'other', interval: 0 },
    });
    expect(bad.status).toBe(400);
    expect(bad.json).toMatchObject({
      error: { fields: [expect.objectContaining({ path: 'monitor.interval' })] },
    });
    const range = await t.rest('GET', '/api/v1/monitors/self/chart?from=2000&to=1000');
    expect(range.status).toBe(400);
    expect(range.json).toMatchObject({ error: { fields: [{ path: 'to' }] } });
    expect((await t.rest('GET', '/api/v1/monitors/ghost')).status).toBe(404);
    const chart = await t.rest(
      'GET',
      `/api/v1/monitors/self/chart?from=${Date.now() - 3_600_000}&to=${Date.now()}`,
    );
    expect(chart.status).toBe(200);
    expect(chart.json).toMatchObject({ monitorId: 'self', points: expect.any(Array) });

    const doc = (await t.rest('GET', '/api/v1/openapi.json')).json as {
      paths: Record<string, Record<string, { operationId: string }>>;
    };
    const ids = Object.values(doc.paths).flatMap((methods) =>
      Object.values(methods).map((op) => op.operationId),
    );
    expect(ids.sort()).toEqual([...METHOD_NAMES].sort());
  });
});
