import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiTestRelay, startApiTestRelay } from './api-test-relay.js';

let t: ApiTestRelay;
beforeAll(async () => {
  t = await startApiTestRelay();
});
afterAll(() => t.stop());
const api: ApiTestRelay['api'] = (...args) => t.api(...args);

const httpMonitor = {
  id: 'api',
  name: 'API',
  type: 'http',
  url: 'http://127.0.0.1:9/health',
  regions: ['eu-west'],
};

describe('REST API authentication', () => {
  it.each([
    ['no token', null, 401, 'VANTAGE_ERR_UNAUTHENTICATED'],
    ['a malformed token', 'not-a-token', 401, 'VANTAGE_ERR_UNAUTHENTICATED'],
    ['a revoked desktop token', () => t.revoked, 401, 'VANTAGE_ERR_UNAUTHENTICATED'],
    ['a probe token', () => t.probe, 403, 'VANTAGE_ERR_FORBIDDEN'],
  ] as const)('refuses %s', async (_what, token, status, code) => {
    const given = typeof token === 'function' ? token() : token;
    const response = await api('GET', '/monitors', undefined, given);
    expect(response.status).toBe(status);
    expect(response.body).toMatchObject({ code, details: [] });
  });

  it('refuses a probe token for changes too, and changes nothing', async () => {
    const response = await api('POST', '/monitors', { ...httpMonitor, id: 'sneaky' }, t.probe);
    expect(response.status).toBe(403);
    expect((await api('GET', '/monitors/sneaky')).status).toBe(404);
  });
});

describe('REST API monitors', () => {
  it('creates, lists, reads, replaces, pauses, resumes and deletes a monitor, bumping the revision each time', async () => {
    const start = (await api('GET', '/monitors')).body!.revision as number;
    const created = await api('POST', '/monitors', httpMonitor);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      revision: start + 1,
      monitor: { id: 'api', interval: 60, method: 'GET', paused: false },
    });

    const listed = await api('GET', '/monitors');
    expect(listed.body!.monitors.map((m: { id: string }) => m.id)).toContain('api');
    expect((await api('GET', '/monitors/api')).body).toMatchObject({ id: 'api', url: httpMonitor.url });

    const replaced = await api('PUT', '/monitors/api', {
      ...httpMonitor,
      name: 'Public API',
      interval: '30s',
    });
    expect(replaced.status).toBe(200);
    expect(replaced.body).toMatchObject({
      revision: start + 2,
      monitor: { name: 'Public API', interval: 30 },
    });

    const paused = await api('POST', '/monitors/api/pause');
    expect(paused.body).toMatchObject({ revision: start + 3, monitor: { paused: true } });
    const resumed = await api('POST', '/monitors/api/resume');
    expect(resumed.body).toMatchObject({ revision: start + 4, monitor: { paused: false } });

    const stale = await api('DELETE', `/monitors/api?baseRevision=${start}`);
    expect(stale.status).toBe(409);
    expect(stale.body!.code).toBe('VANTAGE_ERR_REVISION_CONFLICT');
    const deleted = await api('DELETE', `/monitors/api?baseRevision=${start + 4}`);
    expect(deleted.body).toEqual({ id: 'api', revision: start + 5 });
    expect((await api('GET', '/monitors/api')).status).toBe(404);
    expect((await api('DELETE', '/monitors/api')).body!.code).toBe('VANTAGE_ERR_NOT_FOUND');
    expect((await api('POST', '/monitors/api/pause')).status).toBe(404);
  });

  it.each([
    [
      'bad fields',
      { id: 'bad id!', name: '', type: 'http', url: 'ftp://x', interval: -1 },
      ['id', 'name', 'url', 'interval'],
    ],
    ['an unknown type', { id: 'x', name: 'x', type: 'smtp' }, ['type']],
    [
      'a timeout longer than the interval',
      { ...httpMonitor, id: 'slow', interval: 10, timeout: 20 },
      ['timeout'],
    ],
    ['a bad condition', { ...httpMonitor, id: 'cond', conditions: ['status ==='] }, ['conditions.0']],
  ])('answers 400 naming each field for %s, and changes nothing', async (_what, body, paths) => {
    const before = await api('GET', '/monitors');
    const response = await api('POST', '/monitors', body);
    expect(response.status).toBe(400);
    expect(response.body!.code).toBe('VANTAGE_ERR_INVALID_MONITOR');
    expect(response.body!.details.map((d: { path: string }) => d.path)).toEqual(
      expect.arrayContaining(paths),
    );
    for (const detail of response.body!.details) expect(detail.message).toEqual(expect.any(String));
    expect(await api('GET', '/monitors')).toEqual(before);
  });

  it('refuses a PUT whose body names another monitor than the URL', async () => {
    const response = await api('PUT', '/monitors/other', httpMonitor);
    expect(response.status).toBe(400);
    expect(response.body!.details).toEqual([{ path: 'id', message: 'must be "other", the id in the URL' }]);
    expect((await api('GET', '/monitors/other')).status).toBe(404);
  });

  it('answers malformed, oversized and misrouted requests with the same error shape, changing nothing', async () => {
    const malformed = await api('POST', '/monitors', '{"id": ');
    expect(malformed.status).toBe(400);
    expect(malformed.body).toMatchObject({ code: 'VANTAGE_ERR_INVALID_MESSAGE', details: [] });
    const huge = await api('POST', '/monitors', {
      ...httpMonitor,
      id: 'huge',
      body: 'x'.repeat(9 * 1024 * 1024),
    });
    expect(huge.status).toBe(413);
    expect(huge.body!.code).toBe('VANTAGE_ERR_FRAME_TOO_LARGE');
    expect((await api('GET', '/monitors/huge')).status).toBe(404);
    const missing = await api('GET', '/nothing-here');
    expect(missing.status).toBe(404);
    expect(missing.body!.code).toBe('VANTAGE_ERR_NOT_FOUND');
  });
});
