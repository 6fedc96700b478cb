import type { TeamsChannelConfig } from '@vantage/shared';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { deliverAlert } from '../../deliver-alert.js';
import { channelConfig, groupedMessage, sampleMessage, testContext } from '../../testing/alert-fixtures.js';
import { type RecordingServer, startRecordingServer } from '../../testing/recording-server.js';
import type { TeamsPayload } from './teams-payload.js';

let teams: RecordingServer;
let config: TeamsChannelConfig;

beforeAll(async () => {
  teams = await startRecordingServer({ status: 202 });
  config = channelConfig({
    kind: 'teams',
    id: 'ops',
    name: 'Ops',
    webhookUrl: `${teams.url}/workflows/1/invoke?sig=s`,
  });
});
afterAll(() => teams.close());

async function deliver(message = sampleMessage()) {
  teams.requests.length = 0;
  expect(await deliverAlert(message, config, testContext())).toMatchObject({
    ok: true,
    detail: expect.stringContaining('202'),
  });
  expect(teams.requests).toHaveLength(1);
  const payload = JSON.parse(teams.requests[0]!.body) as TeamsPayload;
  return { payload, card: payload.attachments[0]!.content };
}

test('posts a message with one Adaptive Card attachment, as Workflows webhooks expect', async () => {
  const { payload, card } = await deliver();
  expect(payload.type).toBe('message');
  expect(payload.attachments).toHaveLength(1);
  expect(payload.attachments[0]).toMatchObject({
    contentType: 'application/vnd.microsoft.card.adaptive',
    contentUrl: null,
  });
  expect(card).toMatchObject({
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    type: 'AdaptiveCard',
    version: '1.4',
    msteams: { width: 'Full' },
  });
});

test('one incident: a red title, its cause, a FactSet and Acknowledge / Open buttons', async () => {
  const { card } = await deliver();
  expect(card.body[0]).toMatchObject({
    type: 'TextBlock',
    text: 'API is down',
    color: 'Attention',
    weight: 'Bolder',
  });
  expect(card.body[1]).toMatchObject({ type: 'TextBlock', text: 'connect ECONNREFUSED 203.0.113.7:443' });
  const factSet = card.body.find((e) => e.type === 'FactSet') as unknown as {
    facts: { title: string; value: string }[];
  };
  expect(factSet.facts).toContainEqual({ title: 'Regions', value: 'eu-west, us-east' });
  expect(card.actions).toEqual([
    {
      type: 'Action.OpenUrl',
      title: 'Acknowledge',
      url: 'https://relay.example.com/ack/v1.token.sig',
      style: 'positive',
    },
    { type: 'Action.OpenUrl', title: 'Open', url: 'https://status.example.com/incidents/api-1' },
  ]);
});

test('a group lists at most 30 incidents as containers with their own Acknowledge button', async () => {
  const { card } = await deliver(groupedMessage(50));
  expect(card.body[0]).toMatchObject({ text: '50 monitors are down' });
  const containers = card.body.filter((e) => e.type === 'Container') as unknown as {
    items: { type: string; actions?: unknown[] }[];
  }[];
  expect(containers).toHaveLength(30);
  expect(containers[0]!.items[0]).toMatchObject({ text: 'Monitor 0 · Down' });
  expect(containers[0]!.items.find((i) => i.type === 'ActionSet')!.actions).toContainEqual(
    expect.objectContaining({ title: 'Acknowledge', url: 'https://relay.example.com/ack/v1.token.sig' }),
  );
  expect(card.body).toContainEqual(expect.objectContaining({ text: '…and 20 more' }));
  expect(card.actions).toBeUndefined();
});
