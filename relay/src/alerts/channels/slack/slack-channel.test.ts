import type { SlackChannelConfig } from '@vantage/shared';
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
import type { SlackBlock, SlackPayload } from './slack-payload.js';

let slack: RecordingServer;
let config: SlackChannelConfig;

beforeAll(async () => {
  slack = await startRecordingServer({ status: 200, body: 'ok' });
  config = channelConfig({
    kind: 'slack',
    id: 'ops',
    name: 'Ops',
    webhookUrl: `${slack.url}/services/T0/B0/xyz`,
  });
});
afterAll(() => slack.close());

async function deliver(message = sampleMessage()): Promise<SlackPayload> {
  slack.requests.length = 0;
  expect(await deliverAlert(message, config, testContext())).toMatchObject({ ok: true });
  expect(slack.requests).toHaveLength(1);
  expect(slack.requests[0]!.url).toBe('/services/T0/B0/xyz');
  expect(slack.requests[0]!.headers['content-type']).toMatch(/^application\/json/);
  return JSON.parse(slack.requests[0]!.body) as SlackPayload;
}

const ofType = (blocks: SlackBlock[], type: SlackBlock['type']) => blocks.filter((b) => b.type === type);

test('one incident: header, cause, facts as fields, and Acknowledge as a URL button', async () => {
  const payload = await deliver();
  expect(payload.text).toBe('API is down: connect ECONNREFUSED 203.0.113.7:443');
  expect(payload.blocks[0]).toEqual({
    type: 'header',
    text: { type: 'plain_text', text: ':red_circle: API is down', emoji: true },
  });
  const [cause, facts] = ofType(payload.blocks, 'section');
  expect(cause).toMatchObject({ text: { type: 'mrkdwn', text: 'connect ECONNREFUSED 203.0.113.7:443' } });
  expect(facts!.fields).toContainEqual({ type: 'mrkdwn', text: '*Regions*\neu-west, us-east' });
  expect(ofType(payload.blocks, 'actions')[0]!.elements).toEqual([
    {
      type: 'button',
      text: { type: 'plain_text', text: 'Acknowledge' },
      url: 'https://relay.example.com/ack/v1.token.sig',
      action_id: 'vantage_ack',
      style: 'primary',
    },
    {
      type: 'button',
      text: { type: 'plain_text', text: 'Open' },
      url: 'https://status.example.com/incidents/api-1',
      action_id: 'vantage_open',
    },
  ]);
  expect(ofType(payload.blocks, 'context')).toHaveLength(1);
});

test('a recovery is green and has no Acknowledge button', async () => {
  const payload = await deliver(
    sampleMessage(
      sampleNotice({ kind: 'recovered', resolvedAt: Date.UTC(2024, 4, 1, 12, 5), ackUrl: undefined }),
    ),
  );
  expect(payload.blocks[0]).toMatchObject({
    text: { text: ':large_green_circle: API is back up after 5 minutes' },
  });
  const buttons = ofType(payload.blocks, 'actions')[0]!.elements as { text: { text: string } }[];
  expect(buttons.map((b) => b.text.text)).toEqual(['Open']);
});

test('50 incidents become one message within the 50-block limit, each with its own Acknowledge button', async () => {
  const payload = await deliver(groupedMessage(50));
  expect(payload.blocks.length).toBeLessThanOrEqual(50);
  expect(payload.blocks[0]).toMatchObject({ text: { text: ':red_circle: 50 monitors are down' } });
  const sections = ofType(payload.blocks, 'section');
  expect(sections).toHaveLength(45);
  expect(sections[0]).toMatchObject({
    text: {
      text: expect.stringContaining('*<https://status.example.com/incidents/api-1|Monitor 0>* · Down'),
    },
    accessory: { type: 'button', url: 'https://relay.example.com/ack/v1.token.sig' },
  });
  expect(JSON.stringify(ofType(payload.blocks, 'context'))).toContain('…and 5 more');
  // Slack rejects a message whose action ids repeat.
  const actionIds = sections.map((s) => (s.accessory as { action_id: string }).action_id);
  expect(new Set(actionIds).size).toBe(45);
});

test("Slack's control characters in user text are escaped, so a name cannot inject a link or mention", async () => {
  const payload = await deliver(sampleMessage(sampleNotice({ cause: 'expected <!channel> & <http://x|y>' })));
  expect(JSON.stringify(payload)).not.toContain('<!channel>');
  expect(ofType(payload.blocks, 'section')[0]).toMatchObject({
    text: { text: 'expected &lt;!channel&gt; &amp; &lt;http://x|y&gt;' },
  });
});

test('a removed webhook is a permanent failure with advice to check the URL', async () => {
  slack.reply({ status: 404, body: 'no_service' });
  const outcome = await deliverAlert(sampleMessage(), config, testContext());
  slack.reply({ status: 200, body: 'ok' });
  expect(outcome).toEqual({
    ok: false,
    permanent: true,
    error: 'Slack: HTTP 404: no_service (check webhookUrl: the webhook was removed, or its channel archived)',
  });
});
