import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CheckView } from '../../contract/index.js';
import { type CoreUnderTest, startCoreUnderTest } from './testing/core-harness.js';
import { eventually } from './testing/eventually.js';
import { type SwitchableTarget, startSwitchableTarget } from './testing/switchable-target.js';

let t: CoreUnderTest;
let target: SwitchableTarget;

beforeAll(async () => {
  target = await startSwitchableTarget();
  t = await startCoreUnderTest();
});
afterAll(async () => {
  await t?.dispose();
  await target?.close();
});

const keyOf = (c: CheckView) => `${c.probeId}:${c.seq}`;

describe('restarting the core on the same data dir', () => {
  it('keeps monitors, history and the desktop id, and stores no result twice', async () => {
    const created = await t.value('monitors.create', {
      monitor: { name: 'Status page', type: 'http', url: target.url, interval: 1, tags: ['prod'] },
    });
    const monitorId = created.monitor.id;
    const before = await eventually(async () => {
      const checks = await t.value('history.checks', { monitorId, limit: 1000 });
      expect(checks.length).toBeGreaterThanOrEqual(3);
      return checks;
    });
    const desktopId = t.core.desktopId;

    await t.restart();

    expect(t.core.desktopId).toBe(desktopId);
    const [listed] = await t.value('monitors.list');
    expect(listed?.monitor).toEqual(created.monitor);
    expect((await t.value('app.info')).firstRun).toBe(false);
    const kept = new Set((await t.value('history.checks', { monitorId, limit: 1000 })).map(keyOf));
    for (const check of before) expect(kept.has(keyOf(check))).toBe(true);

    // The relay resends from the stored cursor and the probe's spool: new results arrive, none twice.
    const after = await eventually(async () => {
      const checks = await t.value('history.checks', { monitorId, limit: 1000 });
      expect(checks.length).toBeGreaterThanOrEqual(before.length + 3);
      return checks;
    });
    expect(new Set(after.map(keyOf)).size).toBe(after.length);
    // Rollups count every stored result once: their total matches the raw rows (read together,
    // retried in case a result lands between the two reads).
    await eventually(async () => {
      const range = { monitorId, from: Date.now() - 3_600_000, to: Date.now() + 60_000 };
      const stats = await t.value('history.stats', range);
      const raw = await t.value('history.checks', { monitorId, limit: 1000 });
      expect(stats.checks).toBe(raw.filter((c) => c.probeHealthy).length);
      expect(stats.uptime).toBe(1);
      expect(stats.latency?.p50Ms).toBeGreaterThan(0);
    });
  });

  it('refuses a second core on the same data dir with a clear error', async () => {
    const { createDesktopCore } = await import('./create-desktop-core.js');
    await expect(
      createDesktopCore({ dataDir: t.dataDir, shell: 'web', logger: t.core.logger }),
    ).rejects.toThrow(/locked by another process/);
  });
});
