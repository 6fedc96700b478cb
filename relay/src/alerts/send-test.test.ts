import { afterAll, beforeAll, expect, test } from 'vitest';
import { sendTest } from './send-test.js';
import { testContext } from './testing/alert-fixtures.js';
import { type RecordingServer, startRecordingServer } from './testing/recording-server.js';

let slack: RecordingServer;

beforeAll(async () => {
  slack = await startRecordingServer({ status: 200, body: 'ok' });
});
afterAll(() => slack.close());

test('valid settings get a test alert that names the channel', async () => {
  const outcome = await sendTest(
    { kind: 'slack', id: 'ops', name: 'Ops room', webhookUrl: `${slack.url}/services/T/B/x` },
    testContext(),
  );
  expect(outcome).toEqual({ ok: true, detail: 'Slack accepted the message (HTTP 200)' });
  const payload = JSON.parse(slack.requests.at(-1)!.body) as { text: string; blocks: unknown[] };
  expect(payload.text).toBe(
    'Vantage test alert to Ops room: This is a test alert from Vantage. If you can read it, the channel works.',
  );
  expect(payload.blocks[0]).toMatchObject({
    text: { text: ':large_blue_circle: Vantage test alert to Ops room' },
  });
});

test('wrong settings fail permanently with every bad field named, contacting nobody', async () => {
  const before = slack.requests.length;
  const outcome = await sendTest(
    { kind: 'telegram', id: 'tg', name: 'TG', botToken: 'nope', chatId: 'general', apiBase: slack.url },
    testContext(),
  );
  expect(outcome).toEqual({
    ok: false,
    permanent: true,
    error:
      'invalid settings: botToken: must be the token @BotFather gave you, e.g. 123456:ABC-DEF...; chatId: must be a numeric chat id or a @channelname',
  });
  expect(slack.requests).toHaveLength(before);
});
