import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RelayHandle, startRelay } from '../server.js';
import { openRelayDatabase } from '../storage/sqlite/open-database.js';
import { SqliteTokenStore } from '../storage/sqlite/sqlite-token-store.js';
import { type ChildRun, spawnProbe } from '../testing/child-processes.js';
import { eventually } from '../testing/eventually.js';
import { httpMonitor } from '../testing/fixtures.js';
import { type RecordingServer, startRecordingServer } from './testing/recording-server.js';

let dir: string;
let relay: RelayHandle;
let probe: ChildRun;
let receiver: RecordingServer;
let target: Server;
let targetStatus = 200;
/** Status answered per path; other paths answer `targetStatus`. */
const pathStatus = new Map<string, number>();
let desktop: string;

interface Notice {
  kind: string;
  monitor: { id: string };
  incidentId: string;
  ackUrl: string | null;
}
const notices = (): Notice[] =>
  receiver.requests.flatMap((r) => (JSON.parse(r.body) as { notices: Notice[] }).notices);
const kinds = () => notices().map((n) => n.kind);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function api(method: string, path: string, body?: unknown) {
  const response = await fetch(`${relay.url}/api/v1${path}`, {
    method,
    headers: {
      authorization: `Bearer ${desktop}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'vantage-alert-e2e-'));
  receiver = await startRecordingServer();
  target = createServer((req, res) =>
    res.writeHead(pathStatus.get(req.url ?? '') ?? targetStatus).end('target'),
  );
  await new Promise<void>((resolve) => target.listen(0, '127.0.0.1', resolve));
  const dataDir = join(dir, 'relay');
  relay = await startRelay(
    { host: '127.0.0.1', port: 0, dataDir },
    {
      logger: pino({ level: process.env.VANTAGE_TEST_LOG ?? 'silent' }),
      alerts: { groupWindowMs: 200, pollMs: 50, escalationTickMs: 100 },
    },
  );
  desktop = readFileSync(join(dataDir, 'desktop-token'), 'utf8').trim();
  const db = openRelayDatabase(join(dataDir, 'relay.db'));
  const probeToken = new SqliteTokenStore(db).create(
    { name: 'local', role: 'probe', region: 'local' },
    Date.now(),
  ).token;
  db.close();
  probe = spawnProbe([
    ...['--relay', relay.wsUrl, '--token', probeToken, '--region', 'local', '--name', 'probe-local'],
    ...['--data-dir', join(dir, 'probe'), '--log-level', 'warn'],
  ]);
}, 60_000);

afterAll(async () => {
  await probe?.kill('SIGTERM');
  await relay?.stop();
  await receiver?.close();
  await new Promise((resolve) => target?.close(resolve));
  rmSync(dir, { recursive: true, force: true });
});

describe('alerting end to end, in real time', () => {
  it('pages on an incident, reminds, stops after an ack through the API, and sends the resolve', async () => {
    const channel = {
      kind: 'webhook',
      id: 'hook',
      name: 'On-call hook',
      url: `${receiver.url}/hook`,
      secret: 'a-long-enough-secret',
    };
    expect((await api('PUT', '/alert-channels/hook', channel)).status).toBe(201);
    expect(
      (
        await api('PUT', '/escalation-policies/remind', {
          id: 'remind',
          name: 'Remind',
          reminderEveryMinutes: 0.02,
        })
      ).status,
    ).toBe(201);
    expect(
      (
        await api('PUT', '/alert-rules/all', {
          id: 'all',
          name: 'All',
          channels: ['hook'],
          escalationPolicyId: 'remind',
        })
      ).status,
    ).toBe(201);
    const { port } = target.address() as AddressInfo;
    expect((await api('POST', '/monitors', httpMonitor('api', `http://127.0.0.1:${port}/`))).status).toBe(
      201,
    );

    targetStatus = 503;
    await eventually(() => expect(kinds()).toContain('down'), 30_000, 50);
    const down = notices().find((n) => n.kind === 'down')!;
    expect(down.ackUrl).toMatch(new RegExp(`^${relay.url}/ack/`));
    await eventually(() => expect(kinds()).toContain('reminder'), 10_000, 50);

    // A mail scanner fetching the link must not acknowledge anything.
    const page = await fetch(down.ackUrl!);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<form method="post">');
    expect((await api('GET', '/incidents?open=true')).body.incidents).toMatchObject([
      { id: down.incidentId },
    ]);
    expect(
      ((await api('GET', '/incidents?open=true')).body.incidents as Array<{ acknowledgedAt?: number }>)[0]!
        .acknowledgedAt,
    ).toBeUndefined();

    const acked = await api('POST', `/incidents/${encodeURIComponent(down.incidentId)}/ack`, { by: 'ana' });
    expect(acked.status).toBe(200);
    expect(acked.body.timeline).toContainEqual(expect.objectContaining({ kind: 'acknowledged' }));
    await eventually(() => expect(kinds()).toContain('acknowledged'), 10_000, 50);
    const remindersAtAck = kinds().filter((k) => k === 'reminder').length;
    await sleep(2500);
    expect(kinds().filter((k) => k === 'reminder')).toHaveLength(remindersAtAck);

    targetStatus = 200;
    await eventually(() => expect(kinds()).toContain('recovered'), 30_000, 50);
    expect(kinds().filter((k) => k === 'down')).toHaveLength(1);

    // The link still answers after the incident closed, saying so.
    const late = await fetch(down.ackUrl!, { method: 'POST' });
    expect(await late.text()).toContain('already resolved');

    const log = await api('GET', '/alert-deliveries?channelId=hook');
    const deliveries = log.body.deliveries as Array<{ status: string; attempts: unknown[] }>;
    expect(deliveries.length).toBeGreaterThanOrEqual(4);
    expect(deliveries.every((d) => d.status === 'delivered' && d.attempts.length === 1)).toBe(true);
  }, 90_000);

  it('pages nothing for a monitor in a maintenance window or whose parent is down, and shows their states', async () => {
    const now = Date.now();
    const window = {
      kind: 'once',
      id: 'upgrade',
      name: 'Upgrade',
      tags: ['maint'],
      startsAt: now - 60_000,
      endsAt: now + 3_600_000,
    };
    expect((await api('PUT', '/maintenance-windows/upgrade', window)).status).toBe(201);
    const { port } = target.address() as AddressInfo;
    const url = (path: string) => `http://127.0.0.1:${port}${path}`;
    for (const monitor of [
      httpMonitor('parent', url('/parent')),
      // Confirmed later than its parent, so the parent is down by the time the child would be.
      httpMonitor('child', url('/child'), { parent: 'parent', confirmation: 4 }),
      httpMonitor('maint', url('/maint'), { tags: ['maint'] }),
    ])
      expect((await api('POST', '/monitors', monitor)).status).toBe(201);
    await eventually(
      async () => {
        const status = (await api('GET', '/status')).body.monitors as Array<{
          monitorId: string;
          status: string;
        }>;
        expect(status.filter((m) => m.monitorId !== 'api').map((m) => [m.monitorId, m.status])).toEqual([
          ['child', 'up'],
          ['maint', 'maintenance'],
          ['parent', 'up'],
        ]);
      },
      30_000,
      100,
    );

    for (const path of ['/parent', '/child', '/maint']) pathStatus.set(path, 503);
    await eventually(
      () =>
        expect(
          notices()
            .filter((n) => n.monitor.id === 'parent')
            .map((n) => n.kind),
        ).toContain('down'),
      30_000,
      50,
    );
    await eventually(
      async () => {
        const status = (await api('GET', '/status')).body.monitors as Array<{
          monitorId: string;
          status: string;
        }>;
        expect(Object.fromEntries(status.map((m) => [m.monitorId, m.status]))).toMatchObject({
          child: 'dependency_down',
          maint: 'maintenance',
          parent: 'down',
        });
      },
      15_000,
      100,
    );
    await sleep(2000);
    expect(notices().filter((n) => n.monitor.id === 'child' || n.monitor.id === 'maint')).toEqual([]);
    pathStatus.clear();
  }, 90_000);
});
