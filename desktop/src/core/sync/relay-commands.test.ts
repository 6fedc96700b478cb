import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type ProbeHandle, startProbe } from '@vantage/probe';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TempStore, tempStore } from '../store/testing/temp-store.js';
import type { RelaySync } from './relay-sync.js';
import { eventually } from './testing/eventually.js';
import { type HttpTarget, startHttpTarget } from './testing/http-target.js';
import { type InProcessRelay, startInProcessRelay } from './testing/in-process-relay.js';
import { startSyncUnderTest, testMonitor } from './testing/sync-fixture.js';

let relay: InProcessRelay;
let target: HttpTarget;
let probe: ProbeHandle;
let probeDir: string;
let temp: TempStore;
let sync: RelaySync;
beforeAll(async () => {
  relay = await startInProcessRelay();
  target = await startHttpTarget();
  probeDir = mkdtempSync(join(tmpdir(), 'vantage-sync-probe-'));
  probe = await startProbe(
    {
      relay: relay.wsUrl,
      token: relay.probeToken('local'),
      region: 'local',
      name: 'here',
      dataDir: probeDir,
    },
    { logger: pino({ level: 'silent' }) },
  );
  temp = tempStore();
  sync = startSyncUnderTest(temp.store, relay.wsUrl, relay.desktopToken()).sync;
  await eventually(() => expect(temp.store.probes.get(probe.probeId)).toMatchObject({ connected: true }));
});
afterAll(async () => {
  await sync?.stop();
  temp?.dispose();
  await probe?.stop();
  await relay?.dispose();
  await target?.close();
  rmSync(probeDir, { recursive: true, force: true });
});

describe('commands through the relay', () => {
  it('runs a saved monitor now in each region with a probe', async () => {
    await sync.upsertMonitor(testMonitor('site', target.url, { interval: 60 }));
    const before = target.hits;
    const run = await sync.runNow('site');
    expect(run).toMatchObject({
      ok: true,
      value: [{ monitorId: 'site', region: 'local', state: 'up', statusCode: 200 }],
    });
    expect(target.hits).toBeGreaterThan(before);
    const one = await sync.runNow('site', 'local');
    expect(one.ok && one.value).toHaveLength(1);
  });

  it('tests an unsaved monitor in one region, and reports the failure it sees', async () => {
    target.fail(true);
    try {
      const tested = await sync.testCheck(testMonitor('draft', target.url), 'local');
      expect(tested).toMatchObject({
        ok: true,
        value: { monitorId: 'draft', state: 'down', statusCode: 503 },
      });
    } finally {
      target.fail(false);
    }
    expect(temp.store.monitors.get('draft')).toBeNull();
  });

  it('answers with the relay’s coded error for a region without a probe or an unknown monitor', async () => {
    expect(await sync.testCheck(testMonitor('draft', target.url), 'mars')).toMatchObject({
      ok: false,
      error: { code: 'VANTAGE_ERR_NOT_FOUND', message: expect.stringMatching(/no probe/) },
    });
    expect(await sync.runNow('never-saved')).toMatchObject({
      ok: false,
      error: { code: 'VANTAGE_ERR_NOT_FOUND' },
    });
  });

  it('answers relayUnavailable when not connected', async () => {
    const offline = startSyncUnderTest(temp.store, 'ws://127.0.0.1:1/ws', 'unused').sync;
    try {
      for (const outcome of [
        await offline.runNow('site'),
        await offline.testCheck(testMonitor('draft', target.url), 'local'),
        await offline.acknowledge('site:1', 'me'),
      ]) {
        expect(outcome).toMatchObject({ ok: false, error: { code: 'VANTAGE_ERR_RELAY_UNAVAILABLE' } });
      }
    } finally {
      await offline.stop();
    }
  });
});
