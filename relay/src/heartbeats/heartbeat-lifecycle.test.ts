import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually } from '../testing/eventually.js';
import { type HeartbeatTestRelay, startHeartbeatTestRelay } from './heartbeat-test-relay.js';

const DAY_MS = 86_400_000;

let t: HeartbeatTestRelay;
beforeAll(async () => {
  t = await startHeartbeatTestRelay();
});
afterAll(() => t.stop());

const detail = async (id: string) => (await t.api('GET', `/heartbeats/${id}`)).body;
const resultsOf = async (id: string) =>
  ((await t.api('GET', '/results?limit=1000')).body.results as Array<Record<string, unknown>>).filter(
    (r) => r.monitorId === id,
  );

describe('heartbeat monitors over pauses, maintenance and restarts', () => {
  it('marks heartbeat results taken during a maintenance window', async () => {
    const url = await t.createHeartbeat({ id: 'maint-job', period: 3600 });
    const window = {
      kind: 'once',
      id: 'hb-window',
      name: 'Backup host upgrade',
      monitorIds: ['maint-job'],
      startsAt: t.now() - 60_000,
      endsAt: t.now() + 3_600_000,
    };
    expect((await t.api('PUT', '/maintenance-windows/hb-window', window)).status).toBe(201);
    await eventually(async () => {
      expect((await t.ping(url)).status).toBe(200);
      const results = await resultsOf('maint-job');
      expect(results.length).toBeGreaterThan(0);
      expect(results.at(-1)).toMatchObject({ state: 'up', maintenance: true });
    });
  });

  it('counts the due time from the resume, not from the last ping before a pause', async () => {
    const url = await t.createHeartbeat({ id: 'resumed', period: 600, grace: 60 });
    await t.ping(url);
    expect((await t.api('POST', '/monitors/resumed/pause')).status).toBe(200);
    expect((await detail('resumed')).state).toBe('paused');
    t.advance(DAY_MS);
    expect((await t.api('POST', '/monitors/resumed/resume')).status).toBe(200);
    const resumed = await detail('resumed');
    expect(resumed.state).toBe('up');
    expect(resumed.nextDueAt).toBe(t.now() + 600_000);
    // A restart remembers the resume, and it does go late once the new due time passes.
    await t.restart();
    expect((await detail('resumed')).nextDueAt).toBe(t.now() + 600_000);
    t.advance(630_000);
    expect((await detail('resumed')).state).toBe('late');
  });

  it('keeps a slow heartbeat up across retention pruning and a restart', async () => {
    const url = await t.createHeartbeat({ id: 'ten-daily', period: 10 * 86_400, grace: 3600 });
    await t.ping(url, { method: 'POST', body: 'older run' });
    await t.ping(`${url}/start`);
    await t.ping(url, { method: 'POST', body: 'backup done' });
    t.advance(8 * DAY_MS); // past the default 7 days of raw retention
    await t.restart(); // prunes at start
    await t.restart(); // restores from what the pruning left
    const after = await detail('ten-daily');
    expect(after.state).toBe('up');
    expect(after.nextDueAt).toBe(t.now() + 2 * DAY_MS);
    expect(after.lastRun).toMatchObject({ kind: 'success', log: 'backup done' });
    // Retention still applies to every other ping.
    expect(after.runs.map((r: { log: string }) => r.log)).toEqual(['backup done']);
    t.advance(2 * DAY_MS + 60_000);
    expect((await detail('ten-daily')).state).toBe('late');
  });
});
