import { createHmac } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { REDACTED_SECRET } from '@vantage/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CoreUnderTest, startCoreUnderTest } from './testing/core-harness.js';
import { eventually } from './testing/eventually.js';
import { type SwitchableTarget, startSwitchableTarget } from './testing/switchable-target.js';

// The alerting methods against the real embedded core: its in-process relay stores the documents,
// redacts the secrets and sends to a local HTTP server standing in for a webhook receiver.

interface Received {
  url: string;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

const SECRET = 'hook-signing-secret-0123456789';
const AUTH = 'Bearer receiver-token-abcdef';
let t: CoreUnderTest;
let target: SwitchableTarget;
let receiver: Server;
let hookUrl = '';
const received: Received[] = [];
/** Everything the API answered in this file, to prove no secret ever left the relay. */
const answers: string[] = [];

async function value<M extends Parameters<CoreUnderTest['value']>[0]>(
  method: M,
  input?: Parameters<CoreUnderTest['value']>[1],
) {
  const answer = await t.value(method, input as never);
  answers.push(JSON.stringify(answer));
  return answer;
}

async function failure(method: Parameters<CoreUnderTest['call']>[0], input: unknown) {
  const result = await t.call(method, input as never);
  answers.push(JSON.stringify(result));
  if (result.ok) throw new Error(`${method} was expected to fail`);
  return result.error;
}

const webhook = (overrides: Record<string, unknown> = {}) => ({
  kind: 'webhook',
  id: 'ops-hook',
  name: 'Ops hook',
  url: `${hookUrl}/vantage?key=url-secret-key`,
  secret: SECRET,
  headers: { Authorization: AUTH },
  ...overrides,
});

beforeAll(async () => {
  receiver = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      received.push({ url: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks).toString() });
      res.writeHead(200, { 'content-type': 'text/plain' }).end('thanks');
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  hookUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}`;
  target = await startSwitchableTarget();
  t = await startCoreUnderTest();
});

afterAll(async () => {
  await t?.dispose();
  await target?.close();
  receiver?.closeAllConnections();
  await new Promise<void>((resolve) => (receiver ? receiver.close(() => resolve()) : resolve()));
});

describe('alerting through the desktop API', () => {
  it('starts with nothing configured', async () => {
    await eventually(async () => expect(await value('alerting.channels.list')).toEqual([]));
    expect(await value('alerting.rules.list')).toEqual([]);
    expect(await value('alerting.maintenance.list')).toEqual([]);
    expect(await value('alerting.deliveries')).toEqual([]);
  });

  it('tests an unsaved webhook: the local server receives a signed test alert', async () => {
    const outcome = await value('alerting.channels.testUnsaved', webhook());
    expect(outcome).toMatchObject({ ok: true });
    const [hit] = received;
    expect(hit?.url).toBe('/vantage?key=url-secret-key');
    expect(hit?.headers.authorization).toBe(AUTH);
    expect(hit?.headers['x-vantage-signature']).toBe(
      `sha256=${createHmac('sha256', SECRET).update(hit!.body).digest('hex')}`,
    );
    expect(JSON.parse(hit!.body)).toMatchObject({ notices: [expect.objectContaining({ kind: 'test' })] });
  });

  it('refuses a bad channel naming its fields, and stores nothing', async () => {
    const error = await failure('alerting.channels.save', webhook({ url: 'not a url', secret: 'short' }));
    expect(error.fields?.map((f) => f.path).sort()).toEqual(['secret', 'url']);
    expect(error.fields?.find((f) => f.path === 'secret')?.message).toMatch(/at least 16 characters/);
    const badId = await failure('alerting.channels.save', webhook({ id: 'no spaces allowed' }));
    expect(badId.fields?.map((f) => f.path)).toEqual(['id']);
    expect(await value('alerting.channels.list')).toEqual([]);
  });

  it('saves a channel and answers with its secrets redacted', async () => {
    const saved = await value('alerting.channels.save', webhook());
    expect(saved).toMatchObject({
      id: 'ops-hook',
      name: 'Ops hook',
      url: REDACTED_SECRET,
      secret: REDACTED_SECRET,
      headers: { Authorization: REDACTED_SECRET },
    });
    const [listed] = await value('alerting.channels.list');
    expect(listed).toMatchObject({
      channel: { id: 'ops-hook', secret: REDACTED_SECRET },
      lastDelivery: null,
    });
    expect(await value('alerting.channels.get', { id: 'ops-hook' })).toEqual(saved);
  });

  it('keeps stored secrets when a channel is edited without retyping them', async () => {
    const shown = await value('alerting.channels.get', { id: 'ops-hook' });
    const renamed = await value('alerting.channels.save', { ...shown, name: 'Ops hook (renamed)' });
    expect(renamed.name).toBe('Ops hook (renamed)');
    const before = received.length;
    expect(await value('alerting.channels.test', { id: 'ops-hook' })).toMatchObject({ ok: true });
    const hit = received[before]!;
    expect(hit.url).toBe('/vantage?key=url-secret-key');
    expect(hit.headers.authorization).toBe(AUTH);
    expect(hit.headers['x-vantage-signature']).toBe(
      `sha256=${createHmac('sha256', SECRET).update(hit.body).digest('hex')}`,
    );
    // A marker with nothing stored behind it (a new channel) is refused by name.
    const error = await failure('alerting.channels.save', { ...shown, id: 'copy-of-hook' });
    expect(error.fields?.map((f) => f.path)).toContain('url');
  });

  it('reports a provider refusing a test as a failed outcome', async () => {
    const outcome = await value(
      'alerting.channels.testUnsaved',
      webhook({ id: 'nowhere', url: 'http://127.0.0.1:9/hook' }),
    );
    expect(outcome.ok).toBe(false);
    expect(outcome.error).toBeTruthy();
  });

  it('saves a rule, an escalation policy, a schedule and maintenance windows', async () => {
    const rule = await value('alerting.rules.save', {
      id: 'all-down',
      name: 'Everything, to ops',
      channels: ['ops-hook'],
      on: { down: true, degraded: true, recovered: true, certExpiry: true },
      certExpiryDays: [30, 7],
      escalationPolicyId: 'ops-escalation',
    });
    expect(rule).toMatchObject({ enabled: true, monitorIds: [], tags: [], certExpiryDays: [30, 7] });
    await value('alerting.escalation.save', {
      id: 'ops-escalation',
      name: 'Ops escalation',
      steps: [
        { afterMinutes: 0, channels: ['ops-hook'] },
        { afterMinutes: 15, channels: ['ops-hook'] },
      ],
      reminderEveryMinutes: 60,
    });
    await value('alerting.schedules.save', {
      channelId: 'ops-hook',
      timeZone: 'Europe/Berlin',
      send: 'within',
      ranges: [{ days: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'], start: '00:00', end: '24:00' }],
    });
    const now = Date.now();
    const once = await value('alerting.maintenance.save', {
      kind: 'once',
      id: 'db-upgrade',
      name: 'Database upgrade',
      tags: ['db'],
      startsAt: now - 60_000,
      endsAt: now + 3_600_000,
    });
    expect(once).toMatchObject({ activeNow: true, activeUntil: now + 3_600_000, nextStartsAt: null });
    const weekly = await value('alerting.maintenance.save', {
      kind: 'recurring',
      id: 'sunday-backup',
      name: 'Sunday backup',
      tags: ['backup'],
      cron: '0 3 * * 0',
      timeZone: 'Europe/Berlin',
      durationMinutes: 30,
    });
    expect(weekly.nextStartsAt).toBeGreaterThan(now);
    expect(new Date(weekly.nextStartsAt!).getUTCDay()).toBe(0);

    expect((await value('alerting.rules.list')).map((r) => r.id)).toEqual(['all-down']);
    expect(await value('alerting.escalation.list')).toEqual([
      expect.objectContaining({ id: 'ops-escalation', repeat: false, notifyResolve: true }),
    ]);
    expect((await value('alerting.schedules.list')).map((s) => s.channelId)).toEqual(['ops-hook']);
    expect((await value('alerting.maintenance.list')).map((m) => m.window.id).sort()).toEqual([
      'db-upgrade',
      'sunday-backup',
    ]);
  });

  it('refuses bad policies naming the relay’s fields, and changes nothing', async () => {
    const rule = await failure('alerting.rules.save', {
      id: 'all-down',
      name: '',
      channels: ['not a channel id'],
      certExpiryDays: [0],
    });
    expect(rule.fields?.map((f) => f.path).sort()).toEqual(['certExpiryDays.0', 'channels.0', 'name']);
    const escalation = await failure('alerting.escalation.save', {
      id: 'ops-escalation',
      name: 'Ops escalation',
      steps: [
        { afterMinutes: 10, channels: ['ops-hook'] },
        { afterMinutes: 5, channels: [] },
      ],
    });
    expect(escalation.fields?.map((f) => f.path).sort()).toEqual(['steps', 'steps.1.channels']);
    const schedule = await failure('alerting.schedules.save', {
      channelId: 'ops-hook',
      timeZone: 'Mars/Olympus',
      ranges: [{ days: ['mon'], start: '18:00', end: '09:00' }],
    });
    expect(schedule.fields?.map((f) => f.path).sort()).toEqual(['ranges.0.end', 'timeZone']);
    const window = await failure('alerting.maintenance.save', {
      kind: 'recurring',
      id: 'sunday-backup',
      name: 'Sunday backup',
      cron: 'every sunday',
      timeZone: 'UTC',
      durationMinutes: 30,
    });
    expect(window.fields?.map((f) => f.path)).toContain('cron');

    expect(await value('alerting.rules.list')).toEqual([
      expect.objectContaining({ name: 'Everything, to ops' }),
    ]);
    expect((await value('alerting.escalation.list'))[0]?.steps).toHaveLength(2);
    expect((await value('alerting.schedules.list'))[0]?.timeZone).toBe('Europe/Berlin');
    const backup = (await value('alerting.maintenance.list')).find((m) => m.window.id === 'sunday-backup');
    expect(backup?.window).toMatchObject({ cron: '0 3 * * 0' });
  });

  it(
    'delivers an incident to the rule’s channel and shows it in the delivery log',
    { timeout: 60_000 },
    async () => {
      const monitor = await value('monitors.create', {
        monitor: {
          name: 'Alerted target',
          type: 'http',
          url: target.url,
          interval: 1,
          confirmation: 1,
          recovery: 1,
        },
      });
      await eventually(async () =>
        expect((await value('monitors.get', { monitorId: monitor.monitor.id })).status).toBe('up'),
      );
      target.status = 503;
      const delivery = await eventually(async () => {
        const log = await value('alerting.deliveries', { channelId: 'ops-hook' });
        const down = log.find((d) => d.message.notices.some((n) => n.kind === 'down'));
        expect(down?.status).toBe('delivered');
        return down!;
      }, 25_000);
      expect(delivery.message.notices[0]).toMatchObject({
        monitorId: monitor.monitor.id,
        monitorName: 'Alerted target',
      });
      expect(delivery.attempts).toEqual([expect.objectContaining({ outcome: 'delivered' })]);
      // The notice names the incident as the desktop knows it, so an incident card can list its alerts.
      const incident = await eventually(async () => {
        const [open] = await value('incidents.list', { state: 'open', monitorId: monitor.monitor.id });
        expect(open).toBeDefined();
        return open!;
      });
      expect(delivery.message.notices[0]?.incidentId).toBe(incident.id);
      expect(
        received.some((r) => r.body.includes('"kind":"down"') && r.body.includes(monitor.monitor.id)),
      ).toBe(true);
      expect(await value('alerting.deliveries', { status: 'failed' })).toEqual([]);
      const [listed] = await value('alerting.channels.list');
      expect(listed?.lastDelivery).toMatchObject({ status: 'delivered' });
      target.status = 200;
    },
  );

  it('deletes documents, and says which one is missing', async () => {
    await value('alerting.maintenance.delete', { id: 'db-upgrade' });
    await value('alerting.schedules.delete', { channelId: 'ops-hook' });
    expect(await value('alerting.schedules.list')).toEqual([]);
    const missing = await failure('alerting.rules.delete', { id: 'no-such-rule' });
    expect(missing.message).toMatch(/no-such-rule/);
  });

  it('never returned a stored secret in any answer', () => {
    const all = answers.join('\n');
    expect(all).not.toContain(SECRET);
    expect(all).not.toContain('url-secret-key');
    expect(all).not.toContain(AUTH);
  });
});
