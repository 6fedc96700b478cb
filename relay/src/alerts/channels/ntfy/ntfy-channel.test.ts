import type { NtfyChannelConfig } from '@vantage/shared';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { deliverAlert } from '../../deliver-alert.js';
import {
  channelConfig,
  groupedMessage,
  sampleMessage,
  sampleNotice,
  testContext,
} from '../../testing/alert-fixtures.js';
import { type RecordingServer, startRecordingServer } from '../../testing/recording-server.js';

let ntfy: RecordingServer;

beforeAll(async () => {
  ntfy = await startRecordingServer({ status: 200, body: { id: 'abc', event: 'message' } });
});
afterAll(() => ntfy.close());

function config(extra: Record<string, unknown> = {}): NtfyChannelConfig {
  return channelConfig({ kind: 'ntfy', id: 'n', name: 'N', server: ntfy.url, topic: 'ops-alerts', ...extra });
}

async function deliver(message = sampleMessage(), settings = config()) {
  ntfy.requests.length = 0;
  expect(await deliverAlert(message, settings, testContext())).toMatchObject({ ok: true, providerId: 'abc' });
  expect(ntfy.requests).toHaveLength(1);
  expect(ntfy.requests[0]!.url).toBe('/ops-alerts');
  return ntfy.requests[0]!;
}

test('publishes to the topic with title, priority, tags, click and actions headers', async () => {
  const request = await deliver();
  expect(request.headers).toMatchObject({
    title: 'API is down',
    priority: '5',
    tags: 'rotating_light',
    click: 'https://status.example.com/incidents/api-1',
    actions:
      'view, Acknowledge, https://relay.example.com/ack/v1.token.sig, clear=true; view, Open, https://status.example.com/incidents/api-1',
  });
  expect(request.headers.authorization).toBeUndefined();
  expect(request.body.split('\n')[0]).toBe('Status: Down');
  expect(request.body).toContain('Cause: connect ECONNREFUSED 203.0.113.7:443');
});

test.each([
  [{ token: 'tk_abcdef123' }, 'Bearer tk_abcdef123'],
  [{ username: 'phil', password: 'pa55word' }, `Basic ${Buffer.from('phil:pa55word').toString('base64')}`],
])('authenticates with %o', async (auth, header) => {
  const request = await deliver(sampleMessage(), config(auth));
  expect(request.headers.authorization).toBe(header);
});

test('a recovery has default priority and a check-mark tag', async () => {
  const request = await deliver(
    sampleMessage(sampleNotice({ kind: 'recovered', resolvedAt: Date.UTC(2024, 4, 1, 12, 1) })),
  );
  expect(request.headers).toMatchObject({ priority: '3', tags: 'white_check_mark' });
});

test('a title that is not ASCII travels as an RFC 2047 encoded word', async () => {
  const request = await deliver(sampleMessage(sampleNotice({ monitorName: 'Café API' })));
  const title = request.headers.title as string;
  const [, encoded] = /^=\?UTF-8\?B\?(.+)\?=$/.exec(title)!;
  expect(Buffer.from(encoded!, 'base64').toString('utf8')).toBe('Café API is down');
});

test('a group is one notification under the message size limit, without per-incident actions', async () => {
  const request = await deliver(groupedMessage(50));
  expect(request.headers.title).toBe('50 monitors are down');
  expect(request.headers.actions).toBeUndefined();
  expect(Buffer.byteLength(request.body)).toBeLessThanOrEqual(4096);
  expect(request.body).toMatch(/^- Monitor 0 · Down: connect/);
  expect(request.body).toMatch(/…and \d+ more$/);
});
