import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiEvent, type IncidentView, type MonitorView } from '../../contract/index.js';
import { type CoreUnderTest, startCoreUnderTest } from './testing/core-harness.js';
import { eventually } from './testing/eventually.js';
import { type SwitchableTarget, startSwitchableTarget } from './testing/switchable-target.js';

let t: CoreUnderTest;
let target: SwitchableTarget;
let monitor: MonitorView;

beforeAll(async () => {
  target = await startSwitchableTarget();
  t = await startCoreUnderTest();
});

afterAll(async () => {
  await t?.dispose();
  await target?.close();
});

const eventsOf = <T extends ApiEvent['type']>(type: T) =>
  t.events.filter((e): e is Extract<ApiEvent, { type: T }> => e.type === type);

describe('the embedded core, end to end', () => {
  it('starts on an empty data dir with its own relay and a local probe', async () => {
    const info = await t.value('app.info');
    expect(info).toMatchObject({
      shell: 'web',
      dataDir: t.dataDir,
      firstRun: true,
      embedded: { region: 'local' },
    });
    expect(info.embedded?.relayUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    await eventually(async () => expect((await t.value('sync.status')).connection).toBe('connected'));
    await eventually(async () =>
      expect(await t.value('probes.list')).toEqual([
        expect.objectContaining({ region: 'local', connected: true }),
      ]),
    );
  });

  it('creates a monitor with an id made from its name, and its checks arrive', async () => {
    monitor = await t.value('monitors.create', {
      monitor: {
        name: 'Local target',
        type: 'http',
        url: target.url,
        interval: 1,
        confirmation: 1,
        recovery: 1,
      },
    });
    expect(monitor.monitor.id).toMatch(/^local-target-[a-z0-9]{4}$/);
    expect((await t.value('app.info')).firstRun).toBe(false);

    const checks = await eventually(async () => {
      const found = await t.value('history.checks', { monitorId: monitor.monitor.id, limit: 10 });
      expect(found.length).toBeGreaterThanOrEqual(2);
      return found;
    });
    expect(checks[0]).toMatchObject({
      monitorId: monitor.monitor.id,
      region: 'local',
      state: 'up',
      statusCode: 200,
    });
    await eventually(async () => {
      const [listed] = await t.value('monitors.list');
      expect(listed).toMatchObject({ status: 'up', synced: true, last: { region: 'local', state: 'up' } });
      expect(listed?.uptime24h).toBe(1);
    });
    await eventually(() => {
      expect(
        eventsOf('checks')
          .flatMap((e) => e.checks)
          .some((c) => c.monitorId === monitor.monitor.id),
      ).toBe(true);
      expect(eventsOf('monitors.changed').flatMap((e) => e.monitors.map((m) => m.monitor.id))).toContain(
        monitor.monitor.id,
      );
    });
  });

  it('opens an incident when the target fails, and notifies', async () => {
    target.status = 500;
    const incident = await eventually(async () => {
      const open = await t.value('incidents.list', { state: 'open' });
      expect(open).toHaveLength(1);
      return open[0]!;
    });
    expect(incident).toMatchObject({ monitorId: monitor.monitor.id, monitorName: 'Local target' });
    expect(incident.cause).toMatch(/500/);
    await eventually(() => {
      expect(eventsOf('incident').some((e) => e.change === 'opened' && e.incident.id === incident.id)).toBe(
        true,
      );
      expect(eventsOf('notification').map((e) => e.notification)).toContainEqual(
        expect.objectContaining({
          kind: 'incident.opened',
          incidentId: incident.id,
          title: 'Local target is down',
        }),
      );
    });
    const [logged] = await t.value('notifications.list');
    expect(logged).toMatchObject({ kind: 'incident.opened', monitorId: monitor.monitor.id });
    const [listed] = await t.value('monitors.list');
    expect(listed).toMatchObject({ status: 'down', openIncidentId: incident.id });
  });

  it('acknowledges the incident', async () => {
    const [open] = await t.value('incidents.list', { state: 'open' });
    const acked = await t.value('incidents.acknowledge', { incidentId: open!.id, by: 'tester' });
    expect(acked).toMatchObject({ id: open!.id, acknowledgedBy: 'tester' });
    expect(acked.acknowledgedAt).toBeGreaterThan(0);
    expect((await t.value('incidents.get', { incidentId: open!.id })).acknowledgedBy).toBe('tester');
    await eventually(() =>
      expect(eventsOf('notification').map((e) => e.notification.kind)).toContain('incident.acknowledged'),
    );
  });

  it('resolves the incident when the target recovers', async () => {
    target.status = 200;
    const resolved: IncidentView = await eventually(async () => {
      const [incident] = await t.value('incidents.list', { state: 'resolved' });
      expect(incident?.resolvedAt).toBeGreaterThan(0);
      return incident!;
    });
    expect(await t.value('incidents.list', { state: 'open' })).toEqual([]);
    await eventually(() => {
      expect(eventsOf('incident').some((e) => e.change === 'resolved' && e.incident.id === resolved.id)).toBe(
        true,
      );
      expect(eventsOf('notification').map((e) => e.notification)).toContainEqual(
        expect.objectContaining({ kind: 'incident.resolved', title: 'Local target is back up' }),
      );
    });
    const stats = await t.value('history.stats', {
      monitorId: monitor.monitor.id,
      from: Date.now() - 3_600_000,
      to: Date.now() + 60_000,
    });
    expect(stats.incidents).toBe(1);
    expect(stats.checks).toBeGreaterThan(3);
    expect(stats.uptime).toBeGreaterThan(0);
    expect(stats.uptime).toBeLessThan(1);
  });

  it('sends only events that match the contract, and never logs a token', () => {
    for (const event of t.events) ApiEvent.parse(event);
    const text = t.logLines.join('\n');
    expect(text).toContain('[redacted]');
    expect(text).not.toMatch(/"token":"(?!\[redacted\])/);
  });
});
