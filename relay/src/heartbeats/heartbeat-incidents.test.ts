import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually } from '../testing/eventually.js';
import { HEARTBEAT_PROBE_ID } from './heartbeat-results.js';
import { type HeartbeatTestRelay, startHeartbeatTestRelay } from './heartbeat-test-relay.js';

let t: HeartbeatTestRelay;
beforeAll(async () => {
  t = await startHeartbeatTestRelay();
});
afterAll(() => t.stop());

const statusOf = async (id: string) => {
  const body = (await t.api('GET', '/status')).body as {
    monitors: Array<{ monitorId: string; status: string }>;
  };
  return body.monitors.find((m) => m.monitorId === id)?.status;
};
const openIncidents = async (id: string) =>
  (await t.api('GET', `/incidents?monitorId=${id}&open=true`)).body.incidents as Array<
    Record<string, unknown>
  >;

describe('heartbeat monitors and the evaluator', () => {
  it('opens an incident when a heartbeat goes down and resolves it on the next ping', async () => {
    const url = await t.createHeartbeat({
      id: 'nightly',
      period: 600,
      grace: 120,
      confirmation: 1,
      recovery: 1,
    });
    expect((await t.ping(url)).status).toBe(200);
    await eventually(async () => expect(await statusOf('nightly')).toBe('up'));

    t.advance(660_000); // due 60 s ago, inside the 2 min grace
    await eventually(async () => expect(await statusOf('nightly')).toBe('degraded'));
    expect((await t.api('GET', '/heartbeats/nightly')).body.message).toMatch(/^late: no ping for 11 minutes/);
    expect(await openIncidents('nightly')).toEqual([]);

    t.advance(120_000); // past due + grace
    await eventually(async () => expect(await openIncidents('nightly')).toHaveLength(1));
    expect(await statusOf('nightly')).toBe('down');
    const [incident] = await openIncidents('nightly');
    expect(JSON.stringify(incident)).toContain('no ping for 13 minutes');

    expect((await t.ping(url)).status).toBe(200);
    await eventually(async () => expect(await openIncidents('nightly')).toEqual([]));
    expect(await statusOf('nightly')).toBe('up');
  });

  it('opens an incident naming the exit code when the job fails', async () => {
    const url = await t.createHeartbeat({ id: 'report', period: 3600, confirmation: 1, recovery: 1 });
    await t.ping(url);
    await t.ping(`${url}/3`);
    await eventually(async () => expect(await openIncidents('report')).toHaveLength(1));
    expect(JSON.stringify(await openIncidents('report'))).toContain('job failed with exit code 3');
  });

  it('writes results under the relay heartbeat probe, timed by the run, and none for a paused monitor', async () => {
    const url = await t.createHeartbeat({ id: 'timed', period: 3600 });
    await t.ping(`${url}/start`);
    t.advance(2_500);
    await t.ping(url);
    await eventually(async () => {
      const results = (await t.api('GET', '/results?limit=1000')).body.results as Array<
        Record<string, unknown>
      >;
      expect(results.filter((r) => r.monitorId === 'timed')).toMatchObject([
        { probeId: HEARTBEAT_PROBE_ID, region: 'heartbeat', state: 'up', latencyMs: 2_500 },
      ]);
    });

    const paused = await t.createHeartbeat({ id: 'quiet', period: 60, paused: true });
    await t.ping(paused);
    t.advance(3_600_000);
    await t.ping(url); // a later result proves the paused monitor had its chance to write one
    await eventually(async () => {
      const results = (await t.api('GET', '/results?limit=1000')).body.results as Array<
        Record<string, unknown>
      >;
      expect(results.filter((r) => r.monitorId === 'timed').length).toBeGreaterThan(1);
      expect(results.filter((r) => r.monitorId === 'quiet')).toEqual([]);
    });
    expect((await t.api('GET', '/heartbeats/quiet')).body.state).toBe('paused');
  });

  it('keeps a quiet but healthy heartbeat fresh with a result every interval', async () => {
    const url = await t.createHeartbeat({ id: 'weekly', period: 7 * 86_400, interval: 60 });
    await t.ping(url);
    await eventually(async () => expect(await statusOf('weekly')).toBe('up'));
    for (let i = 0; i < 5; i++) {
      t.advance(61_000);
      await new Promise((resolve) => setTimeout(resolve, 60));
    }
    // Five intervals without a ping: a probe-less region would be stale after three.
    await eventually(async () => expect(await statusOf('weekly')).toBe('up'));
    const results = (await t.api('GET', '/results?limit=1000')).body.results as Array<
      Record<string, unknown>
    >;
    expect(results.filter((r) => r.monitorId === 'weekly').length).toBeGreaterThanOrEqual(5);
  });
});
