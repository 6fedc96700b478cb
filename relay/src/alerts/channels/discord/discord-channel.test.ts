import type { DiscordChannelConfig } from '@vantage/shared';
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
import { DISCORD_COLORS, type DiscordPayload } from './discord-payload.js';

let discord: RecordingServer;
let config: DiscordChannelConfig;

beforeAll(async () => {
  discord = await startRecordingServer({ status: 200, body: { id: '99', type: 0 } });
  config = channelConfig({
    kind: 'discord',
    id: 'ops',
    name: 'Ops',
    webhookUrl: `${discord.url}/api/webhooks/123/token?thread_id=555`,
    username: 'Vantage',
  });
});
afterAll(() => discord.close());

async function deliver(message = sampleMessage()): Promise<DiscordPayload> {
  discord.requests.length = 0;
  expect(await deliverAlert(message, config, testContext())).toMatchObject({ ok: true, providerId: '99' });
  return JSON.parse(discord.requests[0]!.body) as DiscordPayload;
}

test('asks Discord to wait for the message, keeping the thread of the webhook URL', async () => {
  await deliver();
  const url = new URL(discord.requests[0]!.url, discord.url);
  expect(url.pathname).toBe('/api/webhooks/123/token');
  expect(Object.fromEntries(url.searchParams)).toEqual({ thread_id: '555', wait: 'true' });
});

test('one incident is one red embed with its facts as fields and markdown links', async () => {
  const payload = await deliver();
  expect(payload.username).toBe('Vantage');
  expect(payload.allowed_mentions).toEqual({ parse: [] });
  expect(payload.embeds).toHaveLength(1);
  const [embed] = payload.embeds;
  expect(embed).toMatchObject({
    title: 'API is down',
    url: 'https://status.example.com/incidents/api-1',
    color: 0xe5484d,
    timestamp: new Date(NOW).toISOString(),
    footer: { text: 'Vantage' },
  });
  expect(embed!.description).toBe(
    'connect ECONNREFUSED 203.0.113.7:443\n\n[Acknowledge](https://relay.example.com/ack/v1.token.sig) · [Open](https://status.example.com/incidents/api-1)',
  );
  expect(embed!.fields).toContainEqual({ name: 'Regions', value: 'eu-west, us-east', inline: true });
  expect(embed!.fields).toContainEqual({
    name: 'Target',
    value: 'https://api.example.com/health',
    inline: false,
  });
});

test.each([
  ['recovered', DISCORD_COLORS.recovered],
  ['degraded', DISCORD_COLORS.degraded],
  ['acknowledged', DISCORD_COLORS.acknowledged],
] as const)('a %s notice has its own colour', async (kind, color) => {
  const payload = await deliver(sampleMessage(sampleNotice({ kind, resolvedAt: NOW })));
  expect(payload.embeds[0]!.color).toBe(color);
});

test('a group takes the colour of its worst incident and lists them within the description limit', async () => {
  const message = groupedMessage(50);
  message.notices[7] = sampleNotice({ kind: 'recovered', resolvedAt: NOW, monitorName: 'Back' });
  const payload = await deliver(message);
  const [embed] = payload.embeds;
  expect(embed!.color).toBe(DISCORD_COLORS.down);
  expect(embed!.title).toBe('50 alerts: 49 down, 1 recovered');
  expect(embed!.description!.length).toBeLessThanOrEqual(4096);
  expect(embed!.description).toContain('**Monitor 0** · Down: connect ECONNREFUSED');
  expect(embed!.description).toMatch(/…and \d+ more$/);
});

test('markdown in monitor names is escaped, so a name cannot format or link', async () => {
  const payload = await deliver(
    sampleMessage(
      sampleNotice({ monitorName: '**bold** [x](http://evil)' }),
      sampleNotice({ monitorName: 'b' }),
    ),
  );
  expect(payload.embeds[0]!.description).toContain('**\\*\\*bold\\*\\* \\[x\\]\\(http://evil\\)**');
});

test("Discord's rate-limit body is honoured when there is no Retry-After header", async () => {
  discord.reply({
    status: 429,
    body: { message: 'You are being rate limited.', retry_after: 1.5, global: false },
  });
  const outcome = await deliverAlert(sampleMessage(), config, testContext());
  discord.reply({ status: 200, body: { id: '99' } });
  expect(outcome).toMatchObject({ ok: false, permanent: false, retryAfterMs: 1500 });
});
