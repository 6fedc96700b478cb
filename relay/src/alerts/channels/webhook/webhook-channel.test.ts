import { createHmac } from 'node:crypto';
import type { WebhookChannelConfig } from '@vantage/shared';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { deliverAlert } from '../../deliver-alert.js';
import {
  channelConfig,
  groupedMessage,
  NOW,
  sampleMessage,
  sampleNotice,
  testContext,
} from '../../testing/alert-fixtures.js';
import { type RecordingServer, startRecordingServer } from '../../testing/recording-server.js';
import { WEBHOOK_SCHEMA, type WebhookBody } from './webhook-payload.js';
import { verifyWebhookSignature } from './webhook-signature.js';

const SECRET = 'a-long-shared-signing-secret';
let receiver: RecordingServer;
let config: WebhookChannelConfig;

beforeAll(async () => {
  receiver = await startRecordingServer({ status: 204 });
  config = channelConfig({
    kind: 'webhook',
    id: 'hook',
    name: 'Ops hook',
    url: `${receiver.url}/alerts`,
    secret: SECRET,
    headers: { Authorization: 'Bearer receiver-token' },
  });
});
afterAll(() => receiver.close());

async function deliver(message = sampleMessage()) {
  receiver.requests.length = 0;
  expect(await deliverAlert(message, config, testContext())).toMatchObject({ ok: true });
  expect(receiver.requests).toHaveLength(1);
  return receiver.requests[0]!;
}

test('signs the raw body with HMAC-SHA256 so the receiver can verify the sender', async () => {
  const request = await deliver();
  const expected = `sha256=${createHmac('sha256', SECRET).update(request.body).digest('hex')}`;
  expect(request.headers['x-vantage-signature']).toBe(expected);
  expect(verifyWebhookSignature(request.body, expected, SECRET)).toBe(true);
  expect(verifyWebhookSignature(request.body, expected, 'another-secret-entirely')).toBe(false);
  expect(verifyWebhookSignature(request.body.replace('API', 'APX'), expected, SECRET)).toBe(false);
});

test('the timestamp header repeats the signed body timestamp; custom headers are sent', async () => {
  const request = await deliver();
  const body = JSON.parse(request.body) as WebhookBody;
  expect(request.headers['x-vantage-timestamp']).toBe(String(Math.floor(NOW / 1000)));
  expect(body.timestamp).toBe(Math.floor(NOW / 1000));
  expect(request.headers.authorization).toBe('Bearer receiver-token');
  expect(request.headers['content-type']).toBe('application/json; charset=utf-8');
});

test('the body follows the documented schema, with null for absent facts', async () => {
  const request = await deliver(
    sampleMessage(sampleNotice({ kind: 'recovered', resolvedAt: NOW - 60_000, ackUrl: undefined })),
  );
  const body = JSON.parse(request.body) as WebhookBody;
  expect(body).toEqual({
    schema: WEBHOOK_SCHEMA,
    id: 'delivery-1',
    timestamp: Math.floor(NOW / 1000),
    sentAt: new Date(NOW).toISOString(),
    channel: { id: 'hook', name: 'Ops hook' },
    title: 'API is back up after 11 minutes',
    summary: 'API is back up after 11 minutes: connect ECONNREFUSED 203.0.113.7:443',
    severity: 'ok',
    notices: [
      {
        kind: 'recovered',
        monitor: { id: 'api', name: 'API', target: 'https://api.example.com/health' },
        incidentId: 'api:1',
        storyId: 'api:1',
        headline: 'API is back up after 11 minutes',
        cause: 'connect ECONNREFUSED 203.0.113.7:443',
        regions: ['eu-west', 'us-east'],
        openedAt: '2024-05-01T12:00:00.000Z',
        resolvedAt: '2024-05-01T12:11:00.000Z',
        durationMs: 660_000,
        acknowledgedAt: null,
        acknowledgedBy: null,
        certExpiresAt: null,
        ackUrl: null,
        openUrl: 'https://status.example.com/incidents/api-1',
      },
    ],
  });
});

test('a group carries every incident in one body', async () => {
  const body = JSON.parse((await deliver(groupedMessage(50))).body) as WebhookBody;
  expect(body.title).toBe('50 monitors are down');
  expect(body.notices.map((n) => n.incidentId)).toEqual(Array.from({ length: 50 }, (_, i) => `m${i}:1`));
});

test('users cannot override the signature headers', () => {
  const input = {
    kind: 'webhook',
    id: 'h',
    name: 'H',
    url: receiver.url,
    secret: SECRET,
    headers: { 'X-Vantage-Signature': 'x' },
  };
  expect(() => channelConfig(input)).toThrow(/headers.X-Vantage-Signature.*set by Vantage itself/);
});
