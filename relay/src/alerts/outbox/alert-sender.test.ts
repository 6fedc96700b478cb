import { ChannelConfig } from '@vantage/shared';
import pino from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openRelayDatabase } from '../../storage/sqlite/open-database.js';
import { eventually } from '../../testing/eventually.js';
import { createChannelContext } from '../channel-context.js';
import { deliverAlert } from '../deliver-alert.js';
import { AlertConfigStore } from '../store/alert-config-store.js';
import { type RecordingServer, startRecordingServer } from '../testing/recording-server.js';
import { sampleNotice } from '../testing/alert-fixtures.js';
import { AlertOutbox } from './alert-outbox.js';
import { AlertSender } from './alert-sender.js';

const SECRET_PATH = '/hooks/T0KEN-s3cr3t-path';

let server: RecordingServer;
let outbox: AlertOutbox;
let sender: AlertSender;

function bodies(): Array<{ id: string; notices: Array<{ monitor: { id: string } }> }> {
  return server.requests.map((r) => JSON.parse(r.body) as never);
}

beforeEach(async () => {
  server = await startRecordingServer();
  const db = openRelayDatabase(':memory:');
  const config = new AlertConfigStore(db);
  config.put(
    'channel',
    ChannelConfig.parse({
      kind: 'webhook',
      id: 'hook',
      name: 'Hook',
      url: `${server.url}${SECRET_PATH}`,
      secret: 'a-long-enough-secret',
    }),
    Date.now(),
  );
  outbox = new AlertOutbox(db, 'relay-test');
  sender = new AlertSender({
    outbox,
    channel: (id) => config.get('channel', id),
    deliver: deliverAlert,
    ctx: createChannelContext({ timeoutMs: 2000 }),
    decorate: (_c, n) => n,
    now: Date.now,
    log: pino({ level: 'silent' }),
    timing: {
      groupWindowMs: 400,
      leaseMs: 10_000,
      pollMs: 20,
      concurrency: 4,
      retry: { baseDelayMs: 20, maxDelayMs: 100, maxAttempts: 3 },
    },
  });
  sender.start();
});

afterEach(async () => {
  await sender.stop();
  await server.close();
});

function stage(monitorId: string): void {
  outbox.stage(
    'hook',
    sampleNotice({ monitorId, monitorName: monitorId, incidentId: `${monitorId}:1` }),
    Date.now(),
  );
  sender.kick();
}

describe('AlertSender', () => {
  it('sends the first alert at once and groups a burst of 50 that follows into one message', async () => {
    stage('m0');
    await eventually(() => expect(server.requests).toHaveLength(1));
    for (let i = 1; i <= 50; i += 1) stage(`m${i}`);
    await eventually(() => expect(server.requests).toHaveLength(2));
    expect(bodies()[0]!.notices.map((n) => n.monitor.id)).toEqual(['m0']);
    expect(bodies()[1]!.notices).toHaveLength(50);
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect(server.requests).toHaveLength(2);
  });

  it('retries a transient failure with the same message id and records both attempts', async () => {
    let calls = 0;
    server.reply(() =>
      ++calls === 1 ? { status: 503, body: 'busy', headers: { 'retry-after': '0' } } : { status: 200 },
    );
    stage('api');
    await eventually(() => expect(outbox.list({ limit: 10 })[0]?.status).toBe('delivered'));
    const [record] = outbox.list({ limit: 10 });
    expect(record!.attempts.map((a) => a.outcome)).toEqual(['retry', 'delivered']);
    expect(record!.attempts[0]!.detail).toContain('HTTP 503');
    expect(new Set(bodies().map((b) => b.id))).toEqual(new Set([record!.id]));
  });

  it('stops at once on a permanent failure and keeps the provider error with the secret scrubbed', async () => {
    server.reply((request) => ({ status: 404, body: { message: `no hook at ${request.url}` } }));
    stage('api');
    await eventually(() => expect(outbox.list({ limit: 10 })[0]?.status).toBe('failed'));
    const [record] = outbox.list({ limit: 10 });
    expect(server.requests).toHaveLength(1);
    expect(record!.attempts).toHaveLength(1);
    expect(record!.lastError).toContain('HTTP 404');
    expect(record!.lastError).not.toContain('T0KEN');
  });

  it('ends a message that keeps failing in the failed state after the last attempt', async () => {
    server.reply({ status: 500, body: 'database on fire' });
    stage('api');
    await eventually(() => expect(outbox.list({ limit: 10 })[0]?.status).toBe('failed'));
    const [record] = outbox.list({ limit: 10 });
    expect(record!.attempts.map((a) => a.outcome)).toEqual(['retry', 'retry', 'failed']);
    expect(record!.lastError).toContain('database on fire');
    expect(server.requests).toHaveLength(3);
  });
});
