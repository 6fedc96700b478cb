import { ChannelConfig, type Incident, type MonitorStatus } from '@vantage/shared';
import { beforeEach, describe, expect, it } from 'vitest';
import { openRelayDatabase } from '../../storage/sqlite/open-database.js';
import { AlertOutbox } from '../outbox/alert-outbox.js';
import { AlertConfigStore } from '../store/alert-config-store.js';
import { AlertRouter } from './alert-router.js';
import { DegradedStories } from './degraded-stories.js';
import { IncidentAlertStates } from './incident-alert-state.js';

const MIN = 60_000;
// Monday 2026-01-05 20:00 UTC: 21:00 in Berlin, outside office hours.
const T0 = Date.parse('2026-01-05T20:00:00Z');
const webhook = (id: string) => ({
  kind: 'webhook',
  id,
  name: id,
  url: `http://127.0.0.1:9/${id}`,
  secret: 'a-long-enough-secret',
});

let clock: number;
let status: MonitorStatus;
let incidents: Map<string, Incident>;
let router: AlertRouter;
let outbox: AlertOutbox;
let config: AlertConfigStore;

/** The notices channels would get now, as sorted `channel:kind` pairs. */
function sent(): string[] {
  outbox.composeDue(clock, 0);
  const messages = outbox.list({ limit: 1000 }).reverse();
  outbox
    .claim(clock, 1, new Set(), 1000)
    .forEach((m) => outbox.record(m.rowId, { outcome: 'delivered', detail: '' }, clock, 0));
  return messages
    .filter((m) => m.status === 'pending')
    .flatMap((m) => m.message.notices.map((n) => `${m.channelId}:${n.kind}`))
    .sort();
}

function incident(extra: Partial<Incident> = {}): Incident {
  const value: Incident = {
    id: 'api:1',
    monitorId: 'api',
    openedAt: T0,
    cause: 'HTTP 503',
    regions: ['eu'],
    timeline: [],
    ...extra,
  };
  incidents.set(value.id, value);
  return value;
}

beforeEach(() => {
  clock = T0;
  status = 'down';
  incidents = new Map();
  const db = openRelayDatabase(':memory:');
  config = new AlertConfigStore(db);
  outbox = new AlertOutbox(db, 'relay-test');
  for (const id of ['slack', 'sms', 'oncall']) config.put('channel', ChannelConfig.parse(webhook(id)), T0);
  config.put(
    'schedule',
    {
      channelId: 'sms',
      timeZone: 'Europe/Berlin',
      send: 'outside',
      ranges: [{ days: ['mon', 'tue', 'wed', 'thu', 'fri'], start: '09:00', end: '17:00' }],
    },
    T0,
  );
  config.put(
    'escalation',
    {
      id: 'esc',
      name: 'Esc',
      steps: [{ afterMinutes: 10, channels: ['oncall'] }],
      repeat: false,
      reminderEveryMinutes: 30,
      notifyResolve: true,
    },
    T0,
  );
  config.put(
    'rule',
    {
      id: 'prod',
      name: 'Prod',
      enabled: true,
      monitorIds: [],
      tags: ['prod'],
      channels: ['slack', 'sms'],
      on: { down: true, degraded: false, recovered: true, certExpiry: true },
      certExpiryDays: [14, 7, 3],
      escalationPolicyId: 'esc',
    },
    T0,
  );
  router = new AlertRouter({
    config,
    outbox,
    states: new IncidentAlertStates(db),
    stories: new DegradedStories(db),
    monitor: (id) =>
      id === 'api'
        ? { name: 'API', tags: ['prod'], target: 'https://api.example.com' }
        : { name: id, tags: [] },
    status: () => status,
    incident: (id) => incidents.get(id) ?? null,
    now: () => clock,
  });
});

describe('AlertRouter', () => {
  it('pages the rule channels at once, escalates after 10 min, reminds every 30 min and sends a resolve to everyone told', () => {
    router.stageIncident({ change: 'opened', incident: incident() });
    expect(sent()).toEqual(['slack:down', 'sms:down']);
    const steps: Array<[number, string[]]> = [
      [9, []],
      [10, ['oncall:escalation']],
      [29, []],
      [30, ['oncall:reminder', 'slack:reminder', 'sms:reminder']],
      [60, ['oncall:reminder', 'slack:reminder', 'sms:reminder']],
    ];
    for (const [minute, expected] of steps) {
      clock = T0 + minute * MIN;
      router.escalate(clock);
      expect(sent(), `at minute ${minute}`).toEqual(expected);
    }
    router.stageIncident({ change: 'resolved', incident: incident({ resolvedAt: clock }) });
    expect(sent()).toEqual(['oncall:recovered', 'slack:recovered', 'sms:recovered']);
    clock += 60 * MIN;
    router.escalate(clock);
    expect(sent()).toEqual([]);
  });

  it('stops escalation and reminders once the incident is acknowledged, and tells the channels already paged', () => {
    router.stageIncident({ change: 'opened', incident: incident() });
    sent();
    clock = T0 + 5 * MIN;
    router.stageIncident({
      change: 'acknowledged',
      incident: incident({ acknowledgedAt: clock, acknowledgedBy: 'ana' }),
    });
    expect(sent()).toEqual(['slack:acknowledged', 'sms:acknowledged']);
    for (const minute of [10, 30, 90]) {
      clock = T0 + minute * MIN;
      router.escalate(clock);
      expect(sent()).toEqual([]);
    }
  });

  it('keeps SMS quiet during office hours in its time zone while other channels are paged', () => {
    clock = Date.parse('2026-01-06T10:00:00Z'); // Tuesday 11:00 in Berlin
    router.stageIncident({ change: 'opened', incident: incident({ openedAt: clock }) });
    expect(sent()).toEqual(['slack:down']);
  });

  it('sends nothing for monitors no rule matches', () => {
    router.stageIncident({ change: 'opened', incident: incident({ id: 'blog:1', monitorId: 'blog' }) });
    expect(sent()).toEqual([]);
  });

  it('holds reminders and escalation while the monitor waits on its parent or is in maintenance', () => {
    router.stageIncident({ change: 'opened', incident: incident() });
    sent();
    for (const quiet of ['dependency_down', 'maintenance'] as const) {
      status = quiet;
      clock += 30 * MIN;
      router.escalate(clock);
      expect(sent(), quiet).toEqual([]);
    }
    status = 'down';
    clock += 2 * MIN;
    router.escalate(clock);
    expect(sent()).toEqual(['oncall:escalation', 'slack:reminder', 'sms:reminder']);
  });

  it('announces at start what was stored while no listener ran, once', () => {
    router.stageIncident({ change: 'opened', incident: incident() });
    sent();
    // Replayed after a crash: api:1 resolved and web:1 opened before alerting was attached.
    incident({ resolvedAt: T0 + MIN });
    const missed = incident({ id: 'web:1', monitorId: 'web' });
    config.put(
      'rule',
      {
        id: 'web',
        name: 'Web',
        enabled: true,
        monitorIds: ['web'],
        tags: [],
        channels: ['slack'],
        on: { down: true, degraded: false, recovered: true, certExpiry: true },
        certExpiryDays: [14],
      },
      T0,
    );
    expect(router.reconcile([missed])).toBe(2);
    expect(sent()).toEqual(['slack:down', 'slack:recovered', 'sms:recovered']);
    expect(router.reconcile([missed])).toBe(0);
    expect(sent()).toEqual([]);
  });
});

describe('AlertRouter, degraded', () => {
  /** The notices sent now as `channel:kind:story`, where story is the dedup key a receiver sees. */
  function told(): string[] {
    outbox.composeDue(clock, 0);
    const pending = outbox.list({ status: 'pending', limit: 1000 });
    outbox
      .claim(clock, 1, new Set(), 1000)
      .forEach((m) => outbox.record(m.rowId, { outcome: 'delivered', detail: '' }, clock, 0));
    return pending
      .flatMap((m) => m.message.notices.map((n) => `${m.channelId}:${n.kind}:${n.storyId ?? n.incidentId}`))
      .sort();
  }
  const change = (from: MonitorStatus, to: MonitorStatus, message = '') => {
    status = to;
    router.stageStatus({ monitorId: 'api', from, to, ts: clock, message });
  };

  beforeEach(() => {
    config.put(
      'rule',
      {
        id: 'slow',
        name: 'Slow',
        enabled: true,
        monitorIds: ['api'],
        tags: [],
        channels: ['slack'],
        on: { down: false, degraded: true, recovered: true, certExpiry: false },
        certExpiryDays: [14],
      },
      T0,
    );
  });

  it('tells the degraded rule channels when a monitor goes degraded, and once that it recovered', () => {
    change('up', 'degraded', 'Degraded in 1 of 3 regions: response_time was 900 ms');
    expect(told()).toEqual([`slack:degraded:api:degraded:${T0}`]);
    change('degraded', 'unknown');
    change('unknown', 'degraded');
    expect(told()).toEqual([]);
    clock += 5 * MIN;
    change('degraded', 'up');
    expect(told()).toEqual([`slack:recovered:api:degraded:${T0}`]);
    change('up', 'up');
    expect(told()).toEqual([]);
  });

  it('tells degraded, then down, then recovered as one story with one recovery per channel', () => {
    change('up', 'degraded');
    expect(told()).toEqual([`slack:degraded:api:degraded:${T0}`]);
    clock += 2 * MIN;
    change('degraded', 'down');
    router.stageIncident({ change: 'opened', incident: incident({ openedAt: clock }) });
    expect(told()).toEqual([`slack:down:api:degraded:${T0}`, `sms:down:api:degraded:${T0}`]);
    clock += 3 * MIN;
    change('down', 'up');
    router.stageIncident({
      change: 'resolved',
      incident: incident({ openedAt: T0 + 2 * MIN, resolvedAt: clock }),
    });
    expect(told()).toEqual([`slack:recovered:api:degraded:${T0}`, `sms:recovered:api:degraded:${T0}`]);
    change('up', 'degraded');
    expect(told()).toEqual([`slack:degraded:api:degraded:${clock}`]);
  });

  it('keeps the recovery of a monitor back from down to degraded until it is up, for channels told it is degraded', () => {
    router.stageIncident({ change: 'opened', incident: incident() });
    expect(told()).toEqual(['slack:down:api:1', 'sms:down:api:1']);
    clock += 4 * MIN;
    change('down', 'degraded', 'Degraded in 1 of 3 regions: slow');
    router.stageIncident({ change: 'resolved', incident: incident({ resolvedAt: clock }) });
    // SMS does not follow degraded spells: for it the outage is over.
    expect(told()).toEqual(['slack:degraded:api:1', 'sms:recovered:api:1']);
    clock += 4 * MIN;
    change('degraded', 'up');
    expect(told()).toEqual(['slack:recovered:api:1']);
  });

  it('sends nothing while a monitor waits on its parent, and nothing to rules without degraded', () => {
    change('up', 'dependency_down');
    change('dependency_down', 'up');
    expect(told()).toEqual([]);
    config.delete('rule', 'slow');
    change('up', 'degraded');
    change('degraded', 'up');
    expect(told()).toEqual([]);
  });

  it('catches up at start on a degraded spell that began or ended while it was not running', () => {
    expect(router.reconcileStatuses([{ monitorId: 'api', status: 'degraded' }], clock)).toBe(1);
    expect(told()).toEqual([`slack:degraded:api:degraded:${T0}`]);
    expect(router.reconcileStatuses([{ monitorId: 'api', status: 'degraded' }], clock)).toBe(0);
    clock += MIN;
    expect(router.reconcileStatuses([{ monitorId: 'api', status: 'up' }], clock)).toBe(1);
    expect(told()).toEqual([`slack:recovered:api:degraded:${T0}`]);
  });
});
