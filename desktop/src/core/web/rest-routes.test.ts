import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API_METHODS, METHOD_NAMES } from '../../contract/index.js';
import type { MemoryApiProvider } from './testing/memory-api-provider.js';
import { startTestWebServer, type TestWebServer } from './testing/test-web-server.js';
import { rawRequest } from './testing/web-client.js';
import { httpStatusOf } from './web-errors.js';

const monitor = { id: 'api', name: 'API', type: 'http', url: 'https://api.example.com/health' };

let t: TestWebServer<MemoryApiProvider>;
beforeAll(async () => {
  t = await startTestWebServer();
});
afterAll(() => t.stop());

describe('REST routes (/api/v1)', () => {
  it('creates, reads, lists and deletes a monitor through its routes', async () => {
    const created = await t.rest('POST', '/api/v1/monitors', { monitor });
    expect(created.status).toBe(200);
    expect(created.json).toMatchObject({ monitor: { id: 'api' }, status: 'pending' });
    expect((await t.rest('GET', '/api/v1/monitors/api')).json).toMatchObject({ monitor: { name: 'API' } });
    expect((await t.rest('GET', '/api/v1/monitors')).json).toHaveLength(1);
    expect((await t.rest('DELETE', '/api/v1/monitors/api')).json).toEqual({ deleted: true });
    const gone = await t.rest('GET', '/api/v1/monitors/api');
    expect(gone.status).toBe(404);
    expect(gone.json).toMatchObject({ error: { code: 'VANTAGE_ERR_NOT_FOUND' } });
  });

  it('answers 400 naming the bad field and changes nothing', async () => {
    const bad = await t.rest('POST', '/api/v1/monitors', { monitor: { ...monitor, url: 'not a url' } });
    expect(bad.status).toBe(400);
    expect(bad.json).toMatchObject({
      error: { code: 'VANTAGE_ERR_INVALID_MONITOR', fields: [{ path: 'monitor.url' }] },
    });
    const badPath = await t.rest('GET', '/api/v1/monitors/has%20space');
    expect(badPath.status).toBe(400);
    expect(badPath.json).toMatchObject({ error: { fields: [{ path: 'monitorId' }] } });
    expect((await t.rest('GET', '/api/v1/monitors')).json).toEqual([]);
  });

  it('refuses a body that is not a JSON object, or not JSON at all, with a coded 400', async () => {
    const array = await t.rest('POST', '/api/v1/monitors', [monitor]);
    expect(array.status).toBe(400);
    expect(array.json).toMatchObject({ error: { code: 'VANTAGE_ERR_INVALID_INPUT' } });
    const garbage = await rawRequest(`${t.server.url}/api/v1/monitors`, {
      method: 'POST',
      headers: { authorization: `Bearer ${t.server.token}`, 'content-type': 'application/json' },
      body: '{"monitor":',
    });
    expect(garbage.status).toBe(400);
    expect(garbage.json).toMatchObject({ error: { code: 'VANTAGE_ERR_INVALID_MESSAGE' } });
    // No body at all is an input with no fields: the method's own schema decides.
    const empty = await t.rest('POST', '/api/v1/monitors');
    expect(empty.json).toMatchObject({ error: { fields: [{ path: 'monitor' }] } });
  });

  it('answers 500 without the cause when a handler throws, and JSON 404 for an unknown API path', async () => {
    const failed = await t.rest('GET', '/api/v1/sync');
    expect(failed.status).toBe(500);
    expect(JSON.stringify(failed.json)).not.toContain('memory provider');
    const missing = await t.rest('GET', '/api/v1/nothing-here');
    expect(missing.status).toBe(404);
    expect(missing.json).toMatchObject({ error: { code: 'VANTAGE_ERR_NOT_FOUND' } });
  });

  it('maps every error code to the status its meaning calls for', () => {
    expect(httpStatusOf('VANTAGE_ERR_INVALID_INPUT')).toBe(400);
    expect(httpStatusOf('VANTAGE_ERR_NOT_FOUND')).toBe(404);
    expect(httpStatusOf('VANTAGE_ERR_RELAY_UNAVAILABLE')).toBe(503);
    expect(httpStatusOf('VANTAGE_ERR_STORAGE')).toBe(500);
    expect(httpStatusOf('VANTAGE_ERR_INTERNAL')).toBe(500);
  });
});

describe('OpenAPI document and docs', () => {
  it('lists every API method as one operation at its route, with its input documented', async () => {
    const answer = await t.rest('GET', '/api/v1/openapi.json');
    expect(answer.status).toBe(200);
    const doc = answer.json as {
      paths: Record<
        string,
        Record<string, { operationId: string; parameters?: { name: string; in: string }[] }>
      >;
      components: { schemas: Record<string, unknown> };
    };
    const operations = Object.entries(doc.paths).flatMap(([path, methods]) =>
      Object.entries(methods).map(([method, op]) => ({ path, method, op })),
    );
    expect(operations.map((o) => o.op.operationId).sort()).toEqual([...METHOD_NAMES].sort());
    for (const { path, method, op } of operations) {
      const spec = API_METHODS[op.operationId as keyof typeof API_METHODS];
      expect(method.toUpperCase()).toBe(spec.http.method);
      expect(path).toBe(`/api/v1${spec.http.path.replace(/:(\w+)/g, '{$1}')}`);
    }
    const chart = operations.find((o) => o.op.operationId === 'history.chart')!.op;
    expect(chart.parameters!.map((p) => `${p.in}:${p.name}`).sort()).toEqual(
      ['path:monitorId', 'query:from', 'query:region', 'query:to'].sort(),
    );
    expect(Object.keys(doc.components.schemas)).toEqual(expect.arrayContaining(['MonitorView', 'Error']));
  });

  it('serves the Swagger UI at /api/docs', async () => {
    const ui = await t.rest('GET', '/api/docs');
    expect([200, 302]).toContain(ui.status);
    const page = ui.status === 302 ? await t.rest('GET', String(ui.headers.location)) : ui;
    expect(page.text.toLowerCase()).toContain('swagger');
  });
});
