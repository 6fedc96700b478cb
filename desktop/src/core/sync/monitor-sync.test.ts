import type { Monitor } from '@vantage/shared';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type TempStore, tempStore } from '../store/testing/temp-store.js';
import type { RelaySync } from './relay-sync.js';
import { eventually } from './testing/eventually.js';
import { type InProcessRelay, startInProcessRelay } from './testing/in-process-relay.js';
import { relayGet, startSyncUnderTest, testMonitor } from './testing/sync-fixture.js';

const TARGET = 'http://127.0.0.1:9/health';

let relay: InProcessRelay;
let ours: TempStore;
let theirs: TempStore;
const running: RelaySync[] = [];
beforeEach(async () => {
  relay = await startInProcessRelay();
  ours = tempStore();
  theirs = tempStore();
});
afterEach(async () => {
  await Promise.all(running.splice(0).map((s) => s.stop()));
  ours.dispose();
  theirs.dispose();
  await relay.dispose();
});

function start(temp: TempStore, target: InProcessRelay = relay) {
  const started = startSyncUnderTest(temp.store, target.wsUrl, target.desktopToken());
  running.push(started.sync);
  return started;
}
async function stop(sync: RelaySync) {
  await sync.stop();
  running.splice(running.indexOf(sync), 1);
}
async function connected(sync: RelaySync) {
  await eventually(() => expect(sync.status().connection).toBe('connected'));
}
async function relayMonitors(target: InProcessRelay = relay): Promise<Record<string, Monitor>> {
  const list = await relayGet<{ monitors: Monitor[] }>(target.url, target.desktopToken(), '/monitors');
  return Object.fromEntries(list.monitors.map((m) => [m.id, m]));
}
const urlOf = (monitor: Monitor | undefined) => (monitor?.type === 'http' ? monitor.url : undefined);
const localIds = (temp: TempStore) => temp.store.monitors.list().map((r) => r.monitor.id);

describe('monitor sync', () => {
  it('pushes a local change to the relay and records the relay revision', async () => {
    const { sync } = start(ours);
    await connected(sync);
    const saved = await sync.upsertMonitor(testMonitor('api', TARGET));
    expect(saved.ok && saved.value.revision).toBeGreaterThan(0);
    expect(ours.store.monitors.get('api')!.revision).toBeGreaterThan(0);
    expect(sync.status().pendingChanges).toBe(0);
    expect(urlOf((await relayMonitors()).api)).toBe(TARGET);

    const paused = await sync.pauseMonitor('api', true);
    expect(paused.ok && paused.value.monitor.paused).toBe(true);
    expect((await relayMonitors()).api?.paused).toBe(true);
    expect((await sync.deleteMonitor('api')).ok).toBe(true);
    expect(await relayMonitors()).toEqual({});
    expect(await sync.deleteMonitor('api')).toMatchObject({
      ok: false,
      error: { code: 'VANTAGE_ERR_NOT_FOUND' },
    });
  });

  it('refuses an invalid monitor, naming the field, and changes nothing', async () => {
    const { sync } = start(ours);
    const result = await sync.upsertMonitor({ ...testMonitor('api', TARGET), interval: -1 } as Monitor);
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'VANTAGE_ERR_INVALID_MONITOR', fields: [{ path: 'monitor.interval' }] },
    });
    expect(ours.store.monitors.count()).toBe(0);
    expect(sync.status().pendingChanges).toBe(0);
  });

  it("applies another desktop's changes as they happen", async () => {
    const a = start(ours);
    const b = start(theirs);
    await connected(a.sync);
    await connected(b.sync);
    await b.sync.upsertMonitor(testMonitor('shop', TARGET));
    await eventually(() => expect(urlOf(ours.store.monitors.get('shop')?.monitor)).toBe(TARGET));
    expect(a.recorded.monitors).toContainEqual({ upserted: ['shop'], deleted: [] });
    await b.sync.deleteMonitor('shop');
    await eventually(() => expect(ours.store.monitors.get('shop')).toBeNull());
    expect(a.recorded.monitors).toContainEqual({ upserted: [], deleted: ['shop'] });
  });

  it('queues changes while the relay is away, keeps them across a restart, and pushes them in order on reconnect', async () => {
    const first = start(ours);
    await connected(first.sync);
    await first.sync.upsertMonitor(testMonitor('keep', TARGET));
    await first.sync.upsertMonitor(testMonitor('drop', TARGET));
    await relay.stop();
    await eventually(() => expect(first.sync.status().connection).toBe('disconnected'));

    expect((await first.sync.upsertMonitor(testMonitor('fresh', TARGET, { name: 'first name' }))).ok).toBe(
      true,
    );
    expect((await first.sync.pauseMonitor('keep', true)).ok).toBe(true);
    expect((await first.sync.deleteMonitor('drop')).ok).toBe(true);
    await first.sync.upsertMonitor(testMonitor('fresh', TARGET, { name: 'second name' }));
    expect(first.sync.status().pendingChanges).toBe(4);
    expect(localIds(ours)).toEqual(['fresh', 'keep']);
    expect(ours.store.monitors.get('fresh')!.revision).toBe(0);

    await stop(first.sync);
    ours.reopen();
    const second = start(ours);
    expect(second.sync.status().pendingChanges).toBe(4);
    await relay.start();
    await eventually(() => expect(second.sync.status().pendingChanges).toBe(0), 15_000);
    const after = await relayMonitors();
    expect(Object.keys(after).sort()).toEqual(['fresh', 'keep']);
    expect(after.fresh?.name).toBe('second name');
    expect(after.keep?.paused).toBe(true);
    expect(ours.store.monitors.get('fresh')!.revision).toBeGreaterThan(0);
  });

  it('lets the relay set win on reconnect for monitors without a pending change', async () => {
    const a = start(ours);
    await connected(a.sync);
    for (const id of ['changed', 'removed', 'mine']) await a.sync.upsertMonitor(testMonitor(id, TARGET));
    await stop(a.sync);

    const b = start(theirs);
    await eventually(() => expect(theirs.store.monitors.count()).toBe(3));
    await b.sync.upsertMonitor(testMonitor('changed', TARGET, { name: 'renamed elsewhere' }));
    await b.sync.deleteMonitor('removed');
    await b.sync.upsertMonitor(testMonitor('added', TARGET));
    await b.sync.upsertMonitor(testMonitor('mine', TARGET, { name: 'renamed elsewhere too' }));

    // Offline, this desktop edits `mine` too: its pending change is pushed, then reconciled around.
    const offline = startSyncUnderTest(ours.store, 'ws://127.0.0.1:1/ws', 'unused');
    await offline.sync.upsertMonitor(testMonitor('mine', TARGET, { name: 'renamed here' }));
    await offline.sync.stop();

    const again = start(ours);
    await eventually(() => expect(localIds(ours)).toEqual(['added', 'changed', 'mine']));
    await eventually(() => expect(again.sync.status().pendingChanges).toBe(0));
    expect(ours.store.monitors.get('changed')!.monitor.name).toBe('renamed elsewhere');
    expect(ours.store.monitors.get('mine')!.monitor.name).toBe('renamed here');
    expect((await relayMonitors()).mine?.name).toBe('renamed here');
    const reported = again.recorded.monitors.flatMap((m) => [
      ...m.upserted,
      ...m.deleted.map((d) => `-${d}`),
    ]);
    expect(reported).toEqual(expect.arrayContaining(['added', 'changed', '-removed']));
  });

  it('gives a relay it never synced with every local monitor, and keeps what only that relay has', async () => {
    const a = start(ours);
    await connected(a.sync);
    for (const id of ['one', 'two']) await a.sync.upsertMonitor(testMonitor(id, TARGET));
    await stop(a.sync);

    const other = await startInProcessRelay();
    try {
      const elsewhere = start(theirs, other);
      await connected(elsewhere.sync);
      await elsewhere.sync.upsertMonitor(testMonitor('remote-only', TARGET));
      await elsewhere.sync.upsertMonitor(testMonitor('two', TARGET, { name: 'their two' }));

      const switched = start(ours, other);
      await eventually(() => expect(switched.sync.status().pendingChanges).toBe(0));
      await eventually(async () =>
        expect(Object.keys(await relayMonitors(other)).sort()).toEqual(['one', 'remote-only', 'two']),
      );
      expect((await relayMonitors(other)).two?.name).toBe('two');
      expect(localIds(ours)).toEqual(['one', 'remote-only', 'two']);
      await stop(switched.sync);
      await stop(elsewhere.sync);
    } finally {
      await other.dispose();
    }
  });

  it('drops a change the relay refuses and takes the relay version back', async () => {
    const a = start(ours);
    await connected(a.sync);
    await a.sync.upsertMonitor(testMonitor('gone', TARGET));
    await stop(a.sync);
    const b = start(theirs);
    await eventually(() => expect(theirs.store.monitors.count()).toBe(1));
    await b.sync.deleteMonitor('gone');

    const offline = startSyncUnderTest(ours.store, 'ws://127.0.0.1:1/ws', 'unused');
    await offline.sync.pauseMonitor('gone', true);
    await offline.sync.stop();
    expect(ours.store.pendingChanges.count()).toBe(1);

    const again = start(ours);
    await eventually(() => expect(again.sync.status().pendingChanges).toBe(0));
    await eventually(() => expect(ours.store.monitors.get('gone')).toBeNull());
  });
});
