import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { httpMonitor } from '../testing/fixtures.js';
import { startTestRelay, type TestRelay } from '../testing/test-relay-server.js';
import { TestClient } from '../testing/ws-test-client.js';

let relay: TestRelay;
const clients: TestClient[] = [];
beforeEach(async () => {
  relay = await startTestRelay();
});
afterEach(async () => {
  await Promise.all(clients.splice(0).map((c) => c.close()));
  await relay.close();
});

async function desktop(id = 'laptop'): Promise<TestClient> {
  const client = await TestClient.desktop(relay.url, relay.desktopToken(), id);
  clients.push(client);
  return client;
}

async function probe(region: string, id?: string): Promise<TestClient> {
  const client = await TestClient.probe(relay.url, relay.probeToken(region), region, id);
  clients.push(client);
  return client;
}

describe('monitor management over the WebSocket', () => {
  it('saves a monitor, fans it out to the probes of its regions and tells other desktops', async () => {
    const alice = await desktop('alice');
    const bob = await desktop('bob');
    const eu = await probe('eu-west');
    const us = await probe('us-east');
    expect(await eu.next((f) => f.type === 'monitors.full', 'full set')).toMatchObject({
      revision: 0,
      monitors: [],
    });

    const saved = await alice.request({
      type: 'monitor.upsert',
      requestId: 'r1',
      monitor: httpMonitor('api', 'http://127.0.0.1:1/', { regions: ['eu-west'] }),
    });
    expect(saved).toMatchObject({
      type: 'monitor.saved',
      revision: 1,
      monitor: { id: 'api', method: 'GET' },
    });
    expect(await eu.next((f) => f.type === 'monitors.diff', 'diff')).toMatchObject({
      fromRevision: 0,
      revision: 1,
      upserted: [{ id: 'api' }],
      deleted: [],
    });
    expect(await bob.next((f) => f.type === 'event.monitors', 'event')).toMatchObject({
      revision: 1,
      upserted: [{ id: 'api' }],
    });

    // Moving the monitor to us-east deletes it from eu-west's set and adds it to us-east's.
    await alice.request({
      type: 'monitor.upsert',
      requestId: 'r2',
      monitor: httpMonitor('api', 'http://127.0.0.1:1/', { regions: ['us-east'] }),
    });
    expect(await eu.next((f) => f.type === 'monitors.diff' && f.revision === 2, 'diff 2')).toMatchObject({
      fromRevision: 1,
      upserted: [],
      deleted: ['api'],
    });
    expect(await us.next((f) => f.type === 'monitors.diff', 'us diff')).toMatchObject({
      fromRevision: 0,
      revision: 2,
      upserted: [{ id: 'api' }],
    });
    expect(alice.frames.some((f) => f.type === 'event.monitors')).toBe(false);
  });

  it('sends a reconnecting probe the full set of its region, paused monitors included', async () => {
    const alice = await desktop();
    await alice.request({
      type: 'monitor.upsert',
      requestId: 'a',
      monitor: httpMonitor('a', 'http://127.0.0.1:1/'),
    });
    await alice.request({
      type: 'monitor.upsert',
      requestId: 'b',
      monitor: httpMonitor('b', 'http://127.0.0.1:1/', { regions: ['us-east'] }),
    });
    const paused = await alice.request({
      type: 'monitor.pause',
      requestId: 'p',
      monitorId: 'a',
      paused: true,
    });
    expect(paused).toMatchObject({ type: 'monitor.saved', revision: 3, monitor: { id: 'a', paused: true } });
    const eu = await probe('eu-west');
    const full = await eu.next((f) => f.type === 'monitors.full', 'full set');
    expect(full).toMatchObject({ revision: 3, monitors: [{ id: 'a', paused: true }] });
  });

  it('refuses an invalid monitor naming every bad field, and changes nothing', async () => {
    const alice = await desktop();
    const eu = await probe('eu-west');
    const reply = await alice.request({
      type: 'monitor.upsert',
      requestId: 'bad',
      monitor: { id: 'x', name: 'x', type: 'http', url: 'ftp://nope', interval: 5, timeout: 30 } as never,
    });
    expect(reply).toMatchObject({ type: 'error', code: 'VANTAGE_ERR_INVALID_MONITOR', requestId: 'bad' });
    expect((reply.details as Array<{ path: string }>).map((d) => d.path)).toContain('monitor.url');
    const crossField = await alice.request({
      type: 'monitor.upsert',
      requestId: 'bad2',
      monitor: httpMonitor('x', 'http://127.0.0.1:1/', { interval: 5, timeout: 30 }),
    });
    expect(crossField).toMatchObject({ code: 'VANTAGE_ERR_INVALID_MONITOR', details: [{ path: 'timeout' }] });
    expect(relay.hub.services.monitors.list()).toEqual({ revision: 0, monitors: [] });
    expect(eu.frames.filter((f) => f.type === 'monitors.diff')).toEqual([]);
  });

  it('answers deletes of unknown monitors and stale base revisions with coded errors', async () => {
    const alice = await desktop();
    expect(await alice.request({ type: 'monitor.delete', requestId: 'd', monitorId: 'nope' })).toMatchObject({
      type: 'error',
      code: 'VANTAGE_ERR_NOT_FOUND',
    });
    await alice.request({
      type: 'monitor.upsert',
      requestId: 'a',
      monitor: httpMonitor('a', 'http://127.0.0.1:1/'),
    });
    const stale = await alice.request({
      type: 'monitor.upsert',
      requestId: 's',
      baseRevision: 0,
      monitor: httpMonitor('b', 'http://127.0.0.1:1/'),
    });
    expect(stale).toMatchObject({ code: 'VANTAGE_ERR_REVISION_CONFLICT' });
    const list = await alice.request({ type: 'monitors.get', requestId: 'l' });
    expect(list).toMatchObject({ type: 'monitors.list', revision: 1, monitors: [{ id: 'a' }] });
    expect(await alice.request({ type: 'monitor.delete', requestId: 'd2', monitorId: 'a' })).toMatchObject({
      type: 'monitor.deleted',
      revision: 2,
    });
  });
});
