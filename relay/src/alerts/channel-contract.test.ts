import { CHANNEL_KINDS, type ChannelConfig, channelSecretValues } from '@vantage/shared';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { DeliveryOutcome } from './alert-channel.js';
import { CHANNELS } from './channel-registry.js';
import { deliverAlert } from './deliver-alert.js';
import { channelConfig, groupedMessage, sampleMessage, testContext } from './testing/alert-fixtures.js';
import { echoOf, HTTP_CHANNEL_CASES } from './testing/channel-cases.js';
import { type RecordingServer, startRecordingServer } from './testing/recording-server.js';

test('the registry has one channel for every kind, registered under its own kind', () => {
  expect(Object.keys(CHANNELS).sort()).toEqual([...CHANNEL_KINDS].sort());
  for (const [kind, channel] of Object.entries(CHANNELS)) expect(channel.kind).toBe(kind);
  // Email talks SMTP and has its own suite; every other kind is covered below.
  expect(HTTP_CHANNEL_CASES.map((c) => c.kind).sort()).toEqual(
    CHANNEL_KINDS.filter((k) => k !== 'email').sort(),
  );
});

function expectNoSecrets(outcome: DeliveryOutcome, config: ChannelConfig) {
  const text = outcome.ok ? outcome.detail : outcome.error;
  for (const secret of channelSecretValues(config)) expect(text).not.toContain(secret);
}

describe.each(HTTP_CHANNEL_CASES)('the $kind channel', (channelCase) => {
  let server: RecordingServer;
  let config: ChannelConfig;

  beforeAll(async () => {
    server = await startRecordingServer();
    config = channelConfig(channelCase.config(server.url));
  });
  afterAll(() => server.close());

  function send(message = sampleMessage(), ctx = testContext()) {
    server.requests.length = 0;
    return deliverAlert(message, config, ctx);
  }

  test('delivers when the provider accepts, reporting its message id', async () => {
    server.reply(channelCase.accepted);
    const outcome = await send();
    expect(outcome).toMatchObject({ ok: true });
    if (outcome.ok) expect(outcome.providerId).toBe(channelCase.providerId);
    expect(server.requests).toHaveLength(1);
    expect(server.requests[0]!.method).toBe('POST');
    expect(server.requests[0]!.headers['user-agent']).toMatch(/^vantage-relay\//);
  });

  test('sends 50 incidents that changed together as one grouped message', async () => {
    server.reply(channelCase.accepted);
    const outcome = await send(groupedMessage(50));
    expect(outcome.ok).toBe(true);
    expect(server.requests).toHaveLength(channelCase.requestsFor?.(50) ?? 1);
    const everything = server.requests.map((r) => decodeURIComponent(r.body.replace(/\+/g, ' '))).join('\n');
    expect(everything).toContain('Monitor 0');
    expect(everything).toMatch(/Monitor 49|and \d+ more/);
  });

  test("a rejected request is permanent and quotes the provider's error without the channel's secrets", async () => {
    server.reply((request) => channelCase.rejected(echoOf(request)));
    const outcome = await send();
    expect(outcome).toMatchObject({ ok: false, permanent: true });
    if (!outcome.ok) {
      expect(outcome.error).toContain('HTTP 400');
      expect(outcome.error).toContain(channelCase.rejectedText);
      expect(outcome.error).toContain('[redacted]');
    }
    expectNoSecrets(outcome, config);
  });

  test('a server error is transient', async () => {
    server.reply({ status: 503, body: 'upstream unavailable' });
    expect(await send()).toMatchObject({
      ok: false,
      permanent: false,
      error: expect.stringContaining('HTTP 503'),
    });
  });

  test('a rate limit is transient and carries Retry-After', async () => {
    server.reply({ status: 429, headers: { 'retry-after': '7' }, body: 'slow down' });
    expect(await send()).toMatchObject({ ok: false, permanent: false, retryAfterMs: 7000 });
  });

  test('a redirect is permanent: the POST would otherwise be lost', async () => {
    server.reply({ status: 301, headers: { location: 'https://elsewhere.example/hook' } });
    expect(await send()).toMatchObject({
      ok: false,
      permanent: true,
      error: expect.stringContaining('elsewhere.example'),
    });
  });

  test('a provider that never answers is a transient timeout', async () => {
    server.reply({ status: 200, hang: true });
    const outcome = await send(sampleMessage(), testContext(200));
    expect(outcome).toMatchObject({
      ok: false,
      permanent: false,
      error: expect.stringContaining('no answer within 200 ms'),
    });
  });

  test('a refused connection is transient and names no secret', async () => {
    const closed = await startRecordingServer();
    await closed.close();
    const unreachable = channelConfig(channelCase.config(closed.url));
    const outcome = await deliverAlert(sampleMessage(), unreachable, testContext());
    expect(outcome).toMatchObject({
      ok: false,
      permanent: false,
      error: expect.stringContaining('could not connect'),
    });
    expectNoSecrets(outcome, unreachable);
  });
});
