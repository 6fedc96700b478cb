import pino from 'pino';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type TempStore, tempStore } from '../store/testing/temp-store.js';
import type { RelaySync } from './relay-sync.js';
import { startRelaySync } from './relay-sync-client.js';
import { eventually } from './testing/eventually.js';
import { type InProcessRelay, startInProcessRelay } from './testing/in-process-relay.js';
import { startRelayProxy } from './testing/relay-proxy.js';
import { startSyncUnderTest, testMonitor } from './testing/sync-fixture.js';
import { TestProbeClient } from './testing/test-probe-client.js';

let relay: InProcessRelay;
beforeAll(async () => {
  relay = await startInProcessRelay();
});
afterAll(() => relay.dispose());

const temps: TempStore[] = [];
const syncs: RelaySync[] = [];
afterEach(async () => {
  await Promise.all(syncs.splice(0).map((s) => s.stop()));
  for (const temp of temps.splice(0)) temp.dispose();
});
function store(): TempStore {
  const temp = tempStore();
  temps.push(temp);
  return temp;
}
function start(temp: TempStore, url: string, token = relay.desktopToken(), extra = {}) {
  const started = startSyncUnderTest(temp.store, url, token, extra);
  syncs.push(started.sync);
  return started;
}

describe('startRelaySync', () => {
  it('refuses invalid options, naming them', () => {
    const temp = store();
    const base = {
      store: temp.store,
      url: relay.url,
      token: 't',
      desktop: { id: 'desk', name: 'desk', version: '1' },
      logger: pino({ level: 'silent' }),
    };
    expect(() => startRelaySync({ ...base, url: 'relay.example.com' })).toThrow(/not a URL/);
    expect(() => startRelaySync({ ...base, token: ' ' })).toThrow(/token/);
    expect(() => startRelaySync({ ...base, desktop: { id: 'has space', name: 'x', version: '1' } })).toThrow(
      /desktop\.id/,
    );
  });

  it('shows a refused token as unauthorized, with the reason and the next attempt, and keeps local edits queued', async () => {
    const temp = store();
    const { sync, recorded } = start(temp, relay.url, 'revoked-or-wrong');
    await eventually(() => expect(sync.status().connection).toBe('unauthorized'));
    expect(sync.status()).toMatchObject({
      mode: 'remote',
      relayUrl: relay.url,
      lastError: expect.stringMatching(/token/),
      nextAttemptAt: expect.any(Number),
    });
    expect(recorded.syncs.some((s) => s.connection === 'unauthorized')).toBe(true);
    expect((await sync.upsertMonitor(testMonitor('api', 'http://127.0.0.1:9/'))).ok).toBe(true);
    expect(sync.status().pendingChanges).toBe(1);
    sync.reconnect();
    await eventually(() => expect(sync.status().connection).toBe('unauthorized'));
  });

  it('survives bad frames from the relay and a listener that throws, and keeps syncing', async () => {
    const proxy = await startRelayProxy(() => relay.wsUrl);
    try {
      const temp = store();
      const { sync } = start(temp, proxy.wsUrl, relay.desktopToken(), {
        listeners: {
          results: () => {
            throw new Error('a listener bug');
          },
        },
      });
      await eventually(() => expect(sync.status().catchUp.live).toBe(true));
      const cursor = sync.status().cursor;
      for (const bad of [
        '\u0000\u0001',
        '{"type":"event.incident","change":"opened","incident":{"id":1}}',
        '{"type":"results.page","results":[{"cursor":0}],"cursor":0,"backlog":0,"live":true}',
        '{"type":"check.tested","requestId":"nobody-asked","result":{}}',
        '{"type":"ok","requestId":"nobody-asked"}',
        '{"type":"error","code":"VANTAGE_ERR_SOMETHING_NEW","message":"from the future"}',
        JSON.stringify({ type: 'event.monitors', revision: 1, upserted: [{ id: 'bad id!' }], deleted: [] }),
        'x'.repeat(100_000),
      ]) {
        proxy.inject(bad);
      }
      const probe = await TestProbeClient.connect(relay.wsUrl, relay.probeToken('eu-west'), 'eu-west');
      await probe.report(probe.results('api', 3));
      await probe.close();
      await eventually(() => expect(sync.status().cursor).toBe(cursor + 3));
      expect(sync.status().connection).toBe('connected');
      expect(temp.store.monitors.count()).toBe(0);
      expect(temp.store.incidents.list()).toEqual([]);
    } finally {
      await proxy.close();
    }
  });
});
