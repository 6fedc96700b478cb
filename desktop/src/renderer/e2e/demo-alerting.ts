import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A local server answering as Slack, PagerDuty and Twilio do, so the demo's alerts really go out. */
export interface DemoReceiver {
  readonly url: string;
  close(): Promise<void>;
}

/** Starts the stand-in providers on 127.0.0.1 with a free port. */
export async function startDemoReceiver(): Promise<DemoReceiver> {
  let sent = 0;
  const server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      const path = req.url ?? '';
      if (path.startsWith('/v2/enqueue'))
        res
          .writeHead(202, { 'content-type': 'application/json' })
          .end(
            JSON.stringify({ status: 'success', message: 'Event processed', dedup_key: `demo-${++sent}` }),
          );
      else if (path.includes('/Messages.json') || path.includes('/Calls.json'))
        res
          .writeHead(201, { 'content-type': 'application/json' })
          .end(JSON.stringify({ sid: `SM${String(++sent).padStart(32, '0')}`, status: 'queued' }));
      else res.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** One document to write through the desktop's REST API (`PUT <path>` with `body`). */
export interface DemoDocument {
  path: string;
  body: Record<string, unknown>;
}

const HOUR = 3_600_000;
const SID = 'AC2f6a3c1e9b8d7f6a5c4b3a2918273645';
const TOKEN = '0f1e2d3c4b5a69788796a5b4c3d2e1f0';

/**
 * A team's alerting on the demo fleet: Slack, PagerDuty, SMS, an email server that is down (so
 * the log shows retries) and a disabled webhook; rules by tag, an escalation policy, an SMS
 * schedule outside office hours, and maintenance windows (one in effect, one weekly).
 */
export function demoAlerting(receiverUrl: string, now: number): DemoDocument[] {
  const channel = (body: Record<string, unknown>) => ({
    path: `/alerting/channels/${String(body.id)}`,
    body,
  });
  return [
    channel({
      kind: 'slack',
      id: 'ops-slack',
      name: '#ops-alerts',
      webhookUrl: `${receiverUrl}/services/T024BE7LD/B05J1H3/Xr8t2`,
    }),
    channel({
      kind: 'pagerduty',
      id: 'pagerduty',
      name: 'PagerDuty · Payments',
      routingKey: 'R0b1c2d3e4f5a6b7c8d9e0f1a2b3c4d5',
      apiBase: receiverUrl,
    }),
    channel({
      kind: 'twilio-sms',
      id: 'oncall-sms',
      name: 'SMS to on-call',
      accountSid: SID,
      authToken: TOKEN,
      from: '+14155550100',
      to: '+14155550123',
      apiBase: receiverUrl,
    }),
    channel({
      kind: 'email',
      id: 'team-mail',
      name: 'Team mailbox',
      host: '127.0.0.1',
      port: 2,
      security: 'none',
      from: 'Vantage <alerts@example.com>',
      to: ['ops@example.com'],
    }),
    channel({
      kind: 'webhook',
      id: 'status-bot',
      name: 'Status bot',
      enabled: false,
      url: `${receiverUrl}/hooks/status`,
      secret: 'demo-signing-secret-0123456789',
    }),
    {
      path: '/alerting/escalation/wake-someone',
      body: {
        id: 'wake-someone',
        name: 'Wake someone up',
        steps: [
          { afterMinutes: 0, channels: ['pagerduty'] },
          { afterMinutes: 10, channels: ['oncall-sms'] },
          { afterMinutes: 30, channels: ['oncall-sms', 'team-mail'] },
        ],
        repeat: true,
        reminderEveryMinutes: 60,
      },
    },
    {
      path: '/alerting/rules/production',
      body: {
        id: 'production',
        name: 'Production to #ops',
        tags: ['prod'],
        channels: ['ops-slack', 'team-mail'],
        on: { down: true, degraded: true, recovered: true, certExpiry: true },
        certExpiryDays: [21, 7, 3],
      },
    },
    {
      path: '/alerting/rules/payments',
      body: {
        id: 'payments',
        name: 'Payments page the on-call',
        monitorIds: ['payments'],
        tags: ['billing'],
        channels: ['pagerduty'],
        on: { down: true, degraded: false, recovered: true, certExpiry: false },
        escalationPolicyId: 'wake-someone',
      },
    },
    {
      path: '/alerting/rules/data',
      body: {
        id: 'data',
        name: 'Data jobs',
        enabled: false,
        monitorIds: ['postgres', 'nightly-backup'],
        channels: ['team-mail'],
      },
    },
    {
      path: '/alerting/schedules/oncall-sms',
      body: {
        channelId: 'oncall-sms',
        timeZone: 'Europe/Berlin',
        send: 'outside',
        ranges: [{ days: ['mon', 'tue', 'wed', 'thu', 'fri'], start: '09:00', end: '18:00' }],
      },
    },
    {
      path: '/alerting/schedules/ops-slack',
      body: {
        channelId: 'ops-slack',
        timeZone: 'America/New_York',
        send: 'within',
        ranges: [
          { days: ['mon', 'tue', 'wed', 'thu', 'fri'], start: '07:00', end: '22:00' },
          { days: ['sat', 'sun'], start: '10:00', end: '16:00' },
        ],
      },
    },
    {
      path: '/alerting/maintenance/search-reindex',
      body: {
        kind: 'once',
        id: 'search-reindex',
        name: 'Search reindex',
        monitorIds: ['search'],
        startsAt: now - 20 * 60_000,
        endsAt: now + 2 * HOUR,
      },
    },
    {
      path: '/alerting/maintenance/weekly-backup',
      body: {
        kind: 'recurring',
        id: 'weekly-backup',
        name: 'Weekly database backup',
        monitorIds: ['postgres'],
        tags: ['data'],
        cron: '0 3 * * 0',
        timeZone: 'Europe/Berlin',
        durationMinutes: 45,
      },
    },
    {
      path: '/alerting/maintenance/dc-migration',
      body: {
        kind: 'once',
        id: 'dc-migration',
        name: 'Move to the new data centre',
        tags: ['prod'],
        startsAt: now + 6 * 24 * HOUR,
        endsAt: now + 6 * 24 * HOUR + 4 * HOUR,
      },
    },
  ];
}
