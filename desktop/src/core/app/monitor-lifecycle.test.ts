import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CoreUnderTest, startCoreUnderTest } from './testing/core-harness.js';
import { eventually } from './testing/eventually.js';
import { type SwitchableTarget, startSwitchableTarget } from './testing/switchable-target.js';

let t: CoreUnderTest;
let target: SwitchableTarget;
let id: string;

beforeAll(async () => {
  target = await startSwitchableTarget();
  t = await startCoreUnderTest();
  await eventually(async () => expect((await t.value('sync.status')).connection).toBe('connected'));
  await eventually(async () => expect(await t.value('probes.list')).toHaveLength(1));
});
afterAll(async () => {
  await t?.dispose();
  await target?.close();
});

describe('a monitor through its life', () => {
  it('tests an unsaved configuration without saving it', async () => {
    const result = await t.value('monitors.test', {
      monitor: { name: 'Try', type: 'http', url: target.url, conditions: ['response_time < 5000'] },
    });
    expect(result).toMatchObject({ region: 'local', state: 'up', statusCode: 200 });
    expect(await t.value('monitors.list')).toEqual([]);
  });

  it('creates, reads, updates and runs a monitor now', async () => {
    const created = await t.value('monitors.create', {
      monitor: { name: 'Shop', type: 'http', url: target.url, interval: '5m', regions: ['local'] },
    });
    id = created.monitor.id;
    expect(created.monitor).toMatchObject({ interval: 300, method: 'GET', paused: false });
    expect((await t.value('monitors.get', { monitorId: id })).monitor.name).toBe('Shop');

    const updated = await t.value('monitors.update', {
      monitorId: id,
      monitor: { ...created.monitor, name: 'Shop front', expectedStatus: '200' },
    });
    expect(updated.monitor).toMatchObject({ id, name: 'Shop front', expectedStatus: '200' });

    const ran = await t.value('monitors.runNow', { monitorId: id });
    expect(ran).toEqual([expect.objectContaining({ monitorId: id, region: 'local', state: 'up' })]);
    expect(await t.value('regions.list')).toEqual([
      { region: 'local', probes: 1, healthyProbes: 1, connectedProbes: 1, monitors: 1 },
    ]);
  });

  it('pauses and resumes', async () => {
    expect((await t.value('monitors.pause', { monitorId: id, paused: true })).monitor.paused).toBe(true);
    expect((await t.value('monitors.get', { monitorId: id })).monitor.paused).toBe(true);
    expect((await t.value('monitors.pause', { monitorId: id, paused: false })).monitor.paused).toBe(false);
  });

  it('exports the configuration and imports it back unchanged, as JSON and YAML', async () => {
    await t.value('settings.update', { theme: 'dark' });
    for (const format of ['json', 'yaml'] as const) {
      const exported = await t.value('config.export', { format });
      expect(exported.monitors).toBe(1);
      expect(exported.text).toContain('Shop front');
      const again = await t.value('config.import', { text: exported.text, mode: 'replace' });
      expect(again).toEqual({ created: 0, updated: 0, deleted: 0, unchanged: 1 });
    }
  });

  it('imports all or nothing, and replacing deletes what the file lacks', async () => {
    const good = { name: 'Blog', type: 'http', url: target.url, interval: 60 };
    const refused = await t.call('config.import', {
      text: JSON.stringify({ monitors: [good, { ...good, name: 'Broken', url: 'nope' }] }),
    });
    expect(refused).toMatchObject({ ok: false, error: { code: 'VANTAGE_ERR_INVALID_IMPORT' } });
    expect(!refused.ok && refused.error.fields?.map((f) => f.path)).toEqual(['monitors.1.url']);
    expect(await t.value('monitors.list')).toHaveLength(1);

    const merged = await t.value('config.import', {
      text: JSON.stringify({ settings: { theme: 'light' }, monitors: [good] }),
    });
    expect(merged).toEqual({ created: 1, updated: 0, deleted: 0, unchanged: 0 });
    expect((await t.value('settings.get')).theme).toBe('light');
    expect((await t.value('monitors.list')).map((m) => m.monitor.name).sort()).toEqual([
      'Blog',
      'Shop front',
    ]);

    const replaced = await t.value('config.import', {
      text: `monitors:\n  - name: Only\n    type: tcp\n    host: 127.0.0.1\n    port: 9\n`,
      mode: 'replace',
    });
    expect(replaced).toEqual({ created: 1, updated: 0, deleted: 2, unchanged: 0 });
    const names = (await t.value('monitors.list')).map((m) => m.monitor.name);
    expect(names).toEqual(['Only']);
    expect(t.events.some((e) => e.type === 'monitors.removed' && e.monitorIds.includes(id))).toBe(true);
  });

  it('deletes a monitor but keeps its history readable', async () => {
    const [only] = await t.value('monitors.list');
    expect(await t.value('monitors.delete', { monitorId: only!.monitor.id })).toEqual({ deleted: true });
    expect(await t.value('monitors.list')).toEqual([]);
    expect((await t.value('app.info')).firstRun).toBe(true);
    const minute = Math.floor(Date.now() / 60_000) * 60_000;
    const chart = await t.value('history.chart', { monitorId: id, from: minute - 3_600_000, to: minute });
    expect(chart).toMatchObject({ monitorId: id, region: '*', resolution: 'minute' });
    expect(chart.points).toHaveLength(60);
  });

  it('mutes notifications for a while and unmutes', async () => {
    const before = Date.now();
    const muted = await t.value('notifications.mute', { minutes: 60 });
    expect(muted.notificationsMutedUntil).toBeGreaterThanOrEqual(before + 3_600_000);
    expect(t.events.some((e) => e.type === 'settings' && e.settings.notificationsMutedUntil !== null)).toBe(
      true,
    );
    expect((await t.value('notifications.mute', { minutes: 0 })).notificationsMutedUntil).toBeNull();
  });
});
