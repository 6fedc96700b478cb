import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CoreUnderTest, startCoreUnderTest } from './testing/core-harness.js';
import { eventually } from './testing/eventually.js';

// The heartbeat methods against the real embedded core: its in-process relay hosts the ping URL,
// and the results it writes for the heartbeat reach the desktop's own history like a probe's.

let t: CoreUnderTest;
beforeAll(async () => {
  t = await startCoreUnderTest();
});
afterAll(() => t?.dispose());

describe('heartbeats through the desktop API', () => {
  let url = '';

  it('shows a new heartbeat monitor waiting for its first ping, with its URL', async () => {
    await t.value('monitors.create', {
      monitor: {
        id: 'nightly-backup',
        name: 'Nightly backup',
        type: 'heartbeat',
        cron: '0 3 * * *',
        grace: 600,
      },
    });
    await eventually(async () => {
      const detail = await t.value('heartbeats.get', { monitorId: 'nightly-backup' });
      expect(detail).toMatchObject({ state: 'new', lastPingAt: null, runs: [] });
      url = detail.url;
    });
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/hb\/[A-Za-z0-9_-]{32}$/);
  });

  it('records a run pinged at the URL, and the desktop history gets its result', async () => {
    expect((await fetch(`${url}/start`)).status).toBe(200);
    expect((await fetch(`${url}/0`, { method: 'POST', body: 'backup done: 42 files' })).status).toBe(200);
    const detail = await t.value('heartbeats.get', { monitorId: 'nightly-backup' });
    expect(detail.state).toBe('up');
    expect(detail.nextDueAt).toBeGreaterThan(Date.now());
    expect(detail.runs[0]).toMatchObject({ kind: 'success', exitCode: 0, log: 'backup done: 42 files' });
    await eventually(async () => {
      const checks = await t.value('history.checks', { monitorId: 'nightly-backup' });
      expect(checks[0]).toMatchObject({ region: 'heartbeat', state: 'up' });
    }, 20_000);
  });

  it('rotates the URL: the old one is refused, the new one works', async () => {
    const rotated = await t.value('heartbeats.rotateToken', { monitorId: 'nightly-backup' });
    expect(rotated.url).not.toBe(url);
    expect((await fetch(url)).status).toBe(404);
    expect((await fetch(rotated.url)).status).toBe(200);
  });

  it('answers not found for a monitor that is not a heartbeat', async () => {
    const result = await t.call('heartbeats.get', { monitorId: 'no-such-monitor' });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.message).toContain('no heartbeat monitor');
  });
});
