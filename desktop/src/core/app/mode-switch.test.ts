import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CoreUnderTest, startCoreUnderTest } from './testing/core-harness.js';
import { eventually } from './testing/eventually.js';
import { type RemoteRelay, startRemoteRelay } from './testing/remote-relay.js';
import { type SwitchableTarget, startSwitchableTarget } from './testing/switchable-target.js';

let t: CoreUnderTest;
let target: SwitchableTarget;
let remote: RemoteRelay;
const ids: string[] = [];

beforeAll(async () => {
  target = await startSwitchableTarget();
  remote = await startRemoteRelay('eu-west');
  t = await startCoreUnderTest();
});
afterAll(async () => {
  await t?.dispose();
  await remote?.stop();
  await target?.close();
});

describe('switching from the embedded relay to a remote one', () => {
  it('monitors locally first', async () => {
    for (const name of ['Homepage', 'API']) {
      const view = await t.value('monitors.create', {
        monitor: { name, type: 'http', url: target.url, interval: 1 },
      });
      ids.push(view.monitor.id);
    }
    await eventually(async () => {
      const checks = await t.value('history.checks', { monitorId: ids[0]!, limit: 5 });
      expect(checks.filter((c) => c.region === 'local').length).toBeGreaterThanOrEqual(2);
    });
  });

  it('stops the embedded relay, pushes the monitors to the remote one and reads its results', async () => {
    const embeddedUrl = (await t.value('app.info')).embedded!.relayUrl;
    const before = await t.value('history.checks', { monitorId: ids[0]!, limit: 1000 });

    const settings = await t.value('settings.update', {
      relayMode: 'remote',
      remoteUrl: remote.relay.url,
      remoteToken: remote.desktopToken,
    });
    expect(settings).toMatchObject({
      relayMode: 'remote',
      remoteUrl: remote.relay.url,
      remoteTokenSet: true,
    });
    expect(JSON.stringify(settings)).not.toContain(remote.desktopToken);

    expect((await t.value('app.info')).embedded).toBeNull();
    await expect(fetch(`${embeddedUrl}/healthz`)).rejects.toThrow();
    await eventually(async () =>
      expect(await t.value('sync.status')).toMatchObject({ mode: 'remote', connection: 'connected' }),
    );
    await eventually(async () => expect(await remote.monitorIds()).toEqual([...ids].sort()));
    await eventually(async () => {
      const checks = await t.value('history.checks', { monitorId: ids[0]!, limit: 1000 });
      expect(checks.some((c) => c.region === 'eu-west')).toBe(true);
    });

    const after = await t.value('history.checks', { monitorId: ids[0]!, limit: 1000 });
    const kept = new Set(after.map((c) => `${c.probeId}:${c.seq}`));
    for (const check of before) expect(kept.has(`${check.probeId}:${check.seq}`)).toBe(true);
    expect(t.events.some((e) => e.type === 'settings')).toBe(true);
    expect(t.events.some((e) => e.type === 'sync' && e.sync.mode === 'remote')).toBe(true);
  });

  it('a monitor created while remote goes to the remote relay', async () => {
    const view = await t.value('monitors.create', {
      monitor: { name: 'Docs', type: 'http', url: target.url, interval: 2 },
    });
    ids.push(view.monitor.id);
    await eventually(async () => expect(await remote.monitorIds()).toContain(view.monitor.id));
  });

  it('switches back to the embedded relay, whose probe checks again', async () => {
    const switchedAt = Date.now();
    await t.value('settings.update', { relayMode: 'embedded' });
    const info = await t.value('app.info');
    expect(info.embedded).toMatchObject({ region: 'local' });
    await eventually(async () =>
      expect(await t.value('sync.status')).toMatchObject({ mode: 'embedded', connection: 'connected' }),
    );
    await eventually(async () => {
      const checks = await t.value('history.checks', { monitorId: ids[0]!, limit: 20, region: 'local' });
      expect(checks.some((c) => c.ts >= switchedAt)).toBe(true);
    });
  });

  it('keeps the monitor created while remote: the embedded relay receives it and checks it', async () => {
    const docs = ids[2]!;
    const listed = (await t.value('monitors.list')).map((v) => v.monitor.id);
    expect(listed).toContain(docs);
    await eventually(async () => {
      const checks = await t.value('history.checks', { monitorId: docs, limit: 5, region: 'local' });
      expect(checks.length).toBeGreaterThan(0);
    });
    expect((await t.value('monitors.list')).map((v) => v.monitor.id).sort()).toEqual([...ids].sort());
  });
});

describe('a core started with a relay override', () => {
  it('dials that relay, runs no embedded one, and receives its monitors', async () => {
    const other = await startCoreUnderTest({ relay: { url: remote.relay.url, token: remote.desktopToken } });
    try {
      expect((await other.value('app.info')).embedded).toBeNull();
      await eventually(async () =>
        expect(await other.value('sync.status')).toMatchObject({ mode: 'remote', connection: 'connected' }),
      );
      await eventually(async () =>
        expect((await other.value('monitors.list')).map((m) => m.monitor.id).sort()).toEqual(
          await remote.monitorIds(),
        ),
      );
      // The settings still say embedded: the override is this run's, not a saved choice.
      expect((await other.value('settings.get')).relayMode).toBe('embedded');
    } finally {
      await other.dispose();
    }
  });

  it('with a token the relay refuses, says so and keeps local changes queued', async () => {
    const other = await startCoreUnderTest({ relay: { url: remote.relay.url, token: 'not-a-token' } });
    try {
      await eventually(async () =>
        expect((await other.value('sync.status')).connection).toBe('unauthorized'),
      );
      const created = await other.value('monitors.create', {
        monitor: { name: 'Offline edit', type: 'http', url: target.url },
      });
      expect(created.synced).toBe(false);
      expect((await other.value('sync.status')).pendingChanges).toBe(1);
      expect(await remote.monitorIds()).not.toContain(created.monitor.id);
    } finally {
      await other.dispose();
    }
  });
});
