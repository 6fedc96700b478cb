import type { TelegramChannelConfig } from '@vantage/shared';
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
import type { TelegramPayload } from './telegram-payload.js';

const TOKEN = `123456789:${'A'.repeat(35)}`;
const OK = { status: 200, body: { ok: true, result: { message_id: 7 } } };
let telegram: RecordingServer;
let config: TelegramChannelConfig;

beforeAll(async () => {
  telegram = await startRecordingServer(OK);
  config = channelConfig({
    kind: 'telegram',
    id: 'tg',
    name: 'TG',
    botToken: TOKEN,
    chatId: '-100200300',
    messageThreadId: 12,
    silent: true,
    apiBase: telegram.url,
  });
});
afterAll(() => telegram.close());

async function deliver(message = sampleMessage()): Promise<TelegramPayload> {
  telegram.requests.length = 0;
  expect(await deliverAlert(message, config, testContext())).toMatchObject({ ok: true, providerId: '7' });
  expect(telegram.requests[0]!.url).toBe(`/bot${TOKEN}/sendMessage`);
  return JSON.parse(telegram.requests[0]!.body) as TelegramPayload;
}

test('calls sendMessage for the chat and topic in HTML mode, silently when asked', async () => {
  const payload = await deliver();
  expect(payload).toMatchObject({
    chat_id: '-100200300',
    message_thread_id: 12,
    parse_mode: 'HTML',
    disable_notification: true,
    link_preview_options: { is_disabled: true },
  });
  expect(payload.text.split('\n').slice(0, 3)).toEqual(['<b>API is down</b>', '', '<b>Status:</b> Down']);
  expect(payload.text).toContain('<a href="https://relay.example.com/ack/v1.token.sig">Acknowledge</a>');
});

test('user text is HTML-escaped, so a cause cannot break the markup Telegram parses', async () => {
  const payload = await deliver(
    sampleMessage(sampleNotice({ monitorName: 'A&B', cause: '<b>500</b> "oops"' })),
  );
  expect(payload.text).toContain('<b>A&amp;B is down</b>');
  expect(payload.text).toContain('<b>Cause:</b> &lt;b&gt;500&lt;/b&gt; &quot;oops&quot;');
});

test('a group is one message of one line per incident, under the 4096-character limit', async () => {
  const payload = await deliver(groupedMessage(50));
  expect(payload.text.length).toBeLessThanOrEqual(4096);
  expect(payload.text.startsWith('<b>50 monitors are down</b>\n\n• <b>Monitor 0</b> · Down: connect')).toBe(
    true,
  );
  expect(payload.text).toMatch(/…and \d+ more$/);
});

test("Telegram's flood-control answer is transient with its retry_after", async () => {
  telegram.reply({
    status: 429,
    body: {
      ok: false,
      error_code: 429,
      description: 'Too Many Requests: retry after 9',
      parameters: { retry_after: 9 },
    },
  });
  const outcome = await deliverAlert(sampleMessage(), config, testContext());
  telegram.reply(OK);
  expect(outcome).toMatchObject({ ok: false, permanent: false, retryAfterMs: 9000 });
});

test('a wrong token is permanent, names botToken and never repeats it', async () => {
  telegram.reply({ status: 401, body: { ok: false, error_code: 401, description: 'Unauthorized' } });
  const outcome = await deliverAlert(sampleMessage(), config, testContext());
  telegram.reply(OK);
  expect(outcome).toEqual({
    ok: false,
    permanent: true,
    error: 'Telegram: HTTP 401: Unauthorized (check botToken)',
  });
});
