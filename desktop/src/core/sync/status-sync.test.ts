import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type TempStore, tempStore } from '../store/testing/temp-store.js';
import type { RelaySync } from './relay-sync.js';
import { eventually } from './testing/eventually.js';
import { type InProcessRelay, startInProcessRelay } from './testing/in-process-relay.js';
import { startSyncUnderTest, testMonitor } from './testing/sync-fixture.js';
import { TestProbeClient } from './testing/test-probe-client.js';

let relay: InProcessRelay;
let temp: TempStore;
let probe: TestProbeClient;
const running: RelaySync[] = [];
beforeEach(async () => {
  relay = await startInProcessRelay();
  temp = tempStore();
  probe = await TestProbeClient.connect(relay.wsUrl, relay.probeToken('eu-west'), 'eu-west');
});
afterEach(async () => {
  await Promise.all(running.splice(0).map((s) => s.stop()));
  await probe.close();
  temp.dispose();
  await relay.dispose();
});

function start(url = relay.wsUrl) {
  const started = startSyncUnderTest(temp.store, url, relay.desktopToken());
  running.push(started.sync);
  return started;
}
async function stop(sync: RelaySync) {
  await sync.stop();
  running.splice(running.indexOf(sync), 1);
}
// A long interval: the relay never marks the region stale while a test runs.
const monitor = testMonitor('api', 'http://127.0.0.1:9/health', { interval: 60, timeout: 5 });

describe('status sync', () => {
  it('follows verdicts and an incident from opening through acknowledgement to resolution', async () => {
    const { sync, recorded } = start();
    await eventually(() => expect(sync.status().connection).toBe('connected'));
    await sync.upsertMonitor(monitor);
    await probe.report(probe.results('api', 2));
    await eventually(() => expect(sync.verdict('api')?.status).toBe('up'));
    expect(recorded.verdicts.at(-1)).toMatchObject({ monitorId: 'api', verdict: { status: 'up' } });

    await probe.report(probe.results('api', 2, { state: 'down' }));
    await eventually(() => expect(sync.verdict('api')?.status).toBe('down'));
    expect(sync.verdict('api')?.message).not.toBe('');
    await eventually(() => expect(temp.store.incidents.list({ open: true })).toHaveLength(1));
    const opened = temp.store.incidents.list({ open: true })[0]!;
    expect(recorded.incidents.map((i) => i.change)).toContain('opened');

    const acked = await sync.acknowledge(opened.id, 'on-call');
    expect(acked).toMatchObject({ ok: true, value: { id: opened.id, acknowledgedBy: 'on-call' } });
    expect(temp.store.incidents.get(opened.id)?.acknowledgedBy).toBe('on-call');
    expect(recorded.incidents.map((i) => i.change)).toContain('acknowledged');
    expect(await sync.acknowledge('api:99', 'on-call')).toMatchObject({
      ok: false,
      error: { code: 'VANTAGE_ERR_NOT_FOUND' },
    });
    expect(await sync.acknowledge(opened.id, ' ')).toMatchObject({
      ok: false,
      error: { code: 'VANTAGE_ERR_INVALID_INPUT' },
    });

    await probe.report(probe.results('api', 2));
    await eventually(() => expect(temp.store.incidents.get(opened.id)?.resolvedAt).toBeDefined());
    expect(recorded.incidents.at(-1)).toMatchObject({ change: 'resolved' });
    expect(sync.verdict('api')?.status).toBe('up');
  });

  it('resolves locally an incident that was resolved while this desktop was away', async () => {
    const first = start();
    await eventually(() => expect(first.sync.status().connection).toBe('connected'));
    await first.sync.upsertMonitor(monitor);
    await probe.report(probe.results('api', 2, { state: 'down' }));
    await eventually(() => expect(temp.store.incidents.list({ open: true })).toHaveLength(1));
    await stop(first.sync);

    await probe.report(probe.results('api', 2));
    const again = start();
    await eventually(() => expect(temp.store.incidents.list({ open: true })).toHaveLength(0));
    const [incident] = temp.store.incidents.list();
    // The relay's own record, read back over REST: its resolution time and timeline.
    expect(incident?.timeline.at(-1)).toMatchObject({ kind: 'resolved' });
    expect(incident?.timeline.at(-1)?.message).not.toMatch(/this desktop was away/);
    expect(again.recorded.incidents).toEqual([expect.objectContaining({ change: 'resolved' })]);
    await eventually(() => expect(again.sync.verdict('api')?.status).toBe('up'));
  });

  it('closes an incident the relay does not know (another relay now), saying why', async () => {
    const first = start();
    await eventually(() => expect(first.sync.status().connection).toBe('connected'));
    await first.sync.upsertMonitor(monitor);
    await probe.report(probe.results('api', 2, { state: 'down' }));
    await eventually(() => expect(temp.store.incidents.list({ open: true })).toHaveLength(1));
    await stop(first.sync);

    const other = await startInProcessRelay();
    try {
      const switched = startSyncUnderTest(temp.store, other.wsUrl, other.desktopToken());
      running.push(switched.sync);
      await eventually(() => expect(temp.store.incidents.list({ open: true })).toHaveLength(0));
      expect(temp.store.incidents.list()[0]?.timeline.at(-1)).toMatchObject({
        kind: 'resolved',
        message: expect.stringMatching(/this desktop was away/),
      });
      await stop(switched.sync);
    } finally {
      await other.dispose();
    }
  });

  it('shows the last verdicts after a restart, before any relay answers', async () => {
    const first = start();
    await eventually(() => expect(first.sync.status().connection).toBe('connected'));
    await first.sync.upsertMonitor(monitor);
    await probe.report(probe.results('api', 2, { state: 'down' }));
    await eventually(() => expect(first.sync.verdict('api')?.status).toBe('down'));
    const known = first.sync.verdict('api');
    await stop(first.sync);

    temp.reopen();
    const offline = start('ws://127.0.0.1:1/ws');
    expect(offline.sync.status().connection).not.toBe('connected');
    expect(offline.sync.verdict('api')).toEqual(known);
  });

  it('stores probes as the relay reports them and marks them disconnected when the link drops', async () => {
    const { sync, recorded } = start();
    await eventually(() => expect(temp.store.probes.get('probe-eu-west')).toMatchObject({ connected: true }));
    const second = await TestProbeClient.connect(relay.wsUrl, relay.probeToken('us-east'), 'us-east');
    await eventually(() => expect(temp.store.probes.get('probe-us-east')).toMatchObject({ connected: true }));
    expect(recorded.probes.map((p) => p.probeId)).toContain('probe-us-east');
    await second.close();
    await eventually(() =>
      expect(temp.store.probes.get('probe-us-east')).toMatchObject({ connected: false }),
    );

    await relay.stop();
    await eventually(() => expect(sync.status().connection).not.toBe('connected'));
    expect(temp.store.probes.get('probe-eu-west')).toMatchObject({ connected: false });
    expect(recorded.probes.at(-1)).toMatchObject({ probeId: 'probe-eu-west', connected: false });
    await relay.start();
  });
});
