import { ChannelConfig, type CheckResult, MaintenanceWindow } from '@vantage/shared';
import pino from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { eventually } from '../testing/eventually.js';
import { httpMonitor, sampleResult } from '../testing/fixtures.js';
import { startTestRelay, type TestRelay } from '../testing/test-relay-server.js';
import { TestClient } from '../testing/ws-test-client.js';
import { type Alerting, createAlerting } from './alert-service.js';
import { type RecordingServer, startRecordingServer } from './testing/recording-server.js';

const DAY = 86_400_000;
let relay: TestRelay;
let alerting: Alerting;
let receiver: RecordingServer;
let probe: TestClient;
let seq = 0;

interface Heard {
  kind: string;
  monitor: { id: string };
  incidentId: string;
  storyId: string;
  cause: string;
}
const heard = (): Heard[] =>
  receiver.requests.flatMap((r) => (JSON.parse(r.body) as { notices: Heard[] }).notices);
const story = () => heard().map((n) => `${n.monitor.id}:${n.kind}`);

/** Sends one result of the local probe and waits for its ack. */
async function report(monitorId: string, state: CheckResult['state'], extra: Partial<CheckResult> = {}) {
  seq += 1;
  const result = { ...sampleResult('probe-local', 'local', seq, monitorId), state, ...extra };
  if (state === 'down')
    Object.assign(result, { message: 'status was 503, expected 200..299', statusCode: 503 });
  const from = probe.frames.length;
  probe.send({ type: 'results.batch', results: [result] });
  await probe.next((f) => f.type === 'results.ack' && f.upToSeq === seq, 'ack', 10_000, from);
}
async function reportTwice(monitorId: string, state: CheckResult['state']) {
  await report(monitorId, state);
  await report(monitorId, state);
}
const statusOf = (monitorId: string) => relay.hub.services.status.status(monitorId)?.status;

beforeEach(async () => {
  seq = 0;
  relay = await startTestRelay();
  receiver = await startRecordingServer();
  alerting = createAlerting({
    db: relay.storage.db!,
    relayId: 'relay-test',
    dataDir: relay.dataDir,
    hub: relay.hub,
    incident: (id) => relay.storage.incidents.get(id),
    openIncidents: () => relay.storage.incidents.listOpen(),
    log: pino({ level: 'silent' }),
    now: Date.now,
    publicUrl: () => 'http://127.0.0.1:1',
    options: { groupWindowMs: 0, pollMs: 20, escalationTickMs: 50 },
  });
  alerting.config.put(
    'channel',
    ChannelConfig.parse({
      kind: 'webhook',
      id: 'hook',
      name: 'Hook',
      url: `${receiver.url}/hook`,
      secret: 'a-long-enough-secret',
    }),
    Date.now(),
  );
  alerting.config.put(
    'rule',
    {
      id: 'all',
      name: 'All',
      enabled: true,
      monitorIds: [],
      tags: [],
      channels: ['hook'],
      on: { down: true, degraded: true, recovered: true, certExpiry: true },
      certExpiryDays: [14, 7, 3],
    },
    Date.now(),
  );
  alerting.start();
  probe = await TestClient.probe(relay.url, relay.probeToken('local'), 'local', 'probe-local');
});
afterEach(async () => {
  await probe.close();
  await alerting.stop();
  await relay.close();
  await receiver.close();
});

describe('alerts through the real evaluator, outbox and a webhook', () => {
  it('tell degraded, down and recovered of one monitor as one story with one recovery', async () => {
    relay.hub.services.monitors.upsert(httpMonitor('api', 'http://127.0.0.1:1/'));
    await reportTwice('api', 'up');
    await reportTwice('api', 'degraded');
    await eventually(() => expect(story()).toEqual(['api:degraded']));
    await reportTwice('api', 'down');
    await eventually(() => expect(story()).toEqual(['api:degraded', 'api:down']));
    await reportTwice('api', 'up');
    await eventually(() => expect(story()).toEqual(['api:degraded', 'api:down', 'api:recovered']));
    const [degraded, down, recovered] = heard();
    expect(down!.incidentId).toBe('api:1');
    expect(new Set([degraded!.storyId, down!.storyId, recovered!.storyId]).size).toBe(1);
  });

  it('page nothing for a child while its parent is down, and evaluate it normally once the parent is back', async () => {
    relay.hub.services.monitors.upsert(httpMonitor('db', 'http://127.0.0.1:1/db'));
    relay.hub.services.monitors.upsert(httpMonitor('web', 'http://127.0.0.1:1/web', { parent: 'db' }));
    await reportTwice('db', 'up');
    await reportTwice('web', 'up');
    await reportTwice('db', 'down');
    await eventually(() => expect(story()).toEqual(['db:down']));
    await reportTwice('web', 'down');
    expect(statusOf('web')).toBe('dependency_down');
    await reportTwice('db', 'up');
    // The child is still failing on its own: now that is its own outage, paged after the parent's recovery.
    await eventually(() => expect(story()).toEqual(['db:down', 'db:recovered', 'web:down']));
    expect(statusOf('web')).toBe('down');
    await reportTwice('web', 'up');
    await eventually(() => expect(story()).toEqual(['db:down', 'db:recovered', 'web:down', 'web:recovered']));
  });

  it('warn once per threshold as a certificate nears expiry', async () => {
    relay.hub.services.monitors.upsert(httpMonitor('shop', 'https://127.0.0.1:1/'));
    const now = Date.now();
    const expiry = now + 7 * DAY;
    // The same certificate seen 20, 14, 10 and 7 days before it expires (older checks arrive late from a spool).
    await report('shop', 'up', { ts: now - 13 * DAY, certExpiresAt: expiry });
    await report('shop', 'up', { ts: now - 7 * DAY, certExpiresAt: expiry });
    await report('shop', 'up', { ts: now - 3 * DAY, certExpiresAt: expiry });
    await report('shop', 'up', { ts: now, certExpiresAt: expiry });
    await report('shop', 'up', { ts: now + 1000, certExpiresAt: expiry });
    await eventually(() =>
      expect(heard().map((n) => `${n.kind}: ${n.cause}`)).toEqual([
        'cert-expiry: The certificate expires in 14 days',
        'cert-expiry: The certificate expires in 7 days',
      ]),
    );
  });
});

describe('results during maintenance', () => {
  /** Puts a one-off window for `api` from `startsAt` to `endsAt` and lets the scheduler see it. */
  function window(startsAt: number, endsAt: number) {
    alerting.config.put(
      'maintenance',
      MaintenanceWindow.parse({
        kind: 'once',
        id: 'upgrade',
        name: 'Upgrade',
        monitorIds: ['api'],
        startsAt,
        endsAt,
      }),
      Date.now(),
    );
    alerting.maintenance.check();
  }

  it('are marked when stored and counted apart in the daily aggregates, and only while the window lasts', async () => {
    relay.hub.services.monitors.upsert(httpMonitor('api', 'http://127.0.0.1:1/'));
    await report('api', 'up');
    window(Date.now() - 1000, Date.now() + 3_600_000);
    await report('api', 'down');
    await report('api', 'down');
    window(Date.now() - 3_600_000, Date.now() - 1000);
    // A probe cannot mark its own results.
    await report('api', 'down', { maintenance: true });
    const stored = relay.storage.results.readAfter(0, 10);
    expect(stored.map((r) => [r.state, r.maintenance ?? false])).toEqual([
      ['up', false],
      ['down', true],
      ['down', true],
      ['down', false],
    ]);
    const [day] = relay.storage.aggregates.read('api', Date.now() - DAY, Date.now() + DAY);
    expect(day).toMatchObject({ up: 1, down: 1, count: 2, maintenance: 2 });
  });

  it('are marked by when they were taken, not when a probe uploaded its spool', async () => {
    relay.hub.services.monitors.upsert(httpMonitor('api', 'http://127.0.0.1:1/'));
    const now = Date.now();
    // A window that ended ten minutes ago: results taken in it arrive only now.
    window(now - 3_600_000, now - 600_000);
    await report('api', 'down', { ts: now - 1_800_000 });
    await report('api', 'up', { ts: now - 300_000 });
    // A window open now: a result spooled from before it is no maintenance result.
    window(now - 60_000, now + 3_600_000);
    await report('api', 'down', { ts: now - 120_000 });
    await report('api', 'down', { ts: now - 30_000 });
    const stored = relay.storage.results.readAfter(0, 10);
    expect(stored.map((r) => [r.state, r.maintenance ?? false])).toEqual([
      ['down', true],
      ['up', false],
      ['down', false],
      ['down', true],
    ]);
  });
});
