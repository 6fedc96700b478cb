import type { ChannelConfig } from '@vantage/shared';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { deliverAlert } from '../../deliver-alert.js';
import {
  channelConfig,
  groupedMessage,
  sampleMessage,
  sampleNotice,
  testContext,
} from '../../testing/alert-fixtures.js';
import { type RecordingServer, startRecordingServer } from '../../testing/recording-server.js';

const SID = `AC${'0123456789abcdef'.repeat(2)}`;
const TOKEN = 'f00dfeedf00dfeedf00dfeedf00dfeed';
let twilio: RecordingServer;

beforeAll(async () => {
  twilio = await startRecordingServer({ status: 201, body: { sid: 'SM1', status: 'queued' } });
});
afterAll(() => twilio.close());

function config(kind: string, extra: Record<string, unknown> = {}): ChannelConfig {
  return channelConfig({
    kind,
    id: 't',
    name: 'T',
    accountSid: SID,
    authToken: TOKEN,
    from: '+14155550100',
    to: '+14155550101',
    apiBase: twilio.url,
    ...extra,
  });
}

async function form(settings: ChannelConfig, message = sampleMessage()) {
  twilio.requests.length = 0;
  expect(await deliverAlert(message, settings, testContext())).toMatchObject({ ok: true, providerId: 'SM1' });
  const [request] = twilio.requests;
  expect(request!.headers.authorization).toBe(`Basic ${Buffer.from(`${SID}:${TOKEN}`).toString('base64')}`);
  expect(request!.headers['content-type']).toBe('application/x-www-form-urlencoded');
  return { url: request!.url, fields: Object.fromEntries(new URLSearchParams(request!.body)) };
}

describe('SMS', () => {
  test('creates a Message with To, From and a short Body with the acknowledge link', async () => {
    const { url, fields } = await form(config('twilio-sms'));
    expect(url).toBe(`/2010-04-01/Accounts/${SID}/Messages.json`);
    expect(fields).toEqual({
      To: '+14155550101',
      From: '+14155550100',
      Body: 'Vantage: API is down: connect ECONNREFUSED 203.0.113.7:443\nAcknowledge: https://relay.example.com/ack/v1.token.sig',
    });
  });

  test('a Messaging Service sends as MessagingServiceSid; a group names its first monitors', async () => {
    const { fields } = await form(config('twilio-sms', { from: `MG${'a'.repeat(32)}` }), groupedMessage(50));
    expect(fields.MessagingServiceSid).toBe(`MG${'a'.repeat(32)}`);
    expect(fields.From).toBeUndefined();
    expect(fields.Body).toBe(
      `Vantage: 50 monitors are down: ${Array.from({ length: 10 }, (_, i) => `Monitor ${i}`).join(', ')} and 40 more`,
    );
  });
});

describe('WhatsApp', () => {
  test('prefixes both numbers with whatsapp: and sends the alert text', async () => {
    const { fields } = await form(config('twilio-whatsapp'));
    expect(fields.To).toBe('whatsapp:+14155550101');
    expect(fields.From).toBe('whatsapp:+14155550100');
    expect(fields.Body!.split('\n').slice(0, 3)).toEqual(['API is down', '', 'Status: Down']);
  });

  test('with a content template, fills its variables instead of sending free text', async () => {
    const contentSid = `HX${'b'.repeat(32)}`;
    const { fields } = await form(config('twilio-whatsapp', { contentSid }));
    expect(fields.Body).toBeUndefined();
    expect(fields.ContentSid).toBe(contentSid);
    expect(JSON.parse(fields.ContentVariables!)).toEqual({
      1: 'API is down',
      2: 'API is down: connect ECONNREFUSED 203.0.113.7:443',
    });
  });
});

describe('voice', () => {
  test('places a Call whose inline TwiML says the alert twice', async () => {
    const { url, fields } = await form(config('twilio-voice', { voice: 'Polly.Joanna', language: 'en-US' }));
    expect(url).toBe(`/2010-04-01/Accounts/${SID}/Calls.json`);
    expect(fields.To).toBe('+14155550101');
    expect(fields.Twiml).toBe(
      '<Response><Say loop="2" voice="Polly.Joanna" language="en-US">Vantage alert. API is down. ' +
        'Cause: connect ECONNREFUSED 203.0.113.7:443. Regions: eu-west, us-east.</Say></Response>',
    );
  });

  test('XML in monitor names and causes is escaped', async () => {
    const { fields } = await form(
      config('twilio-voice'),
      sampleMessage(sampleNotice({ monitorName: 'R&D <api>', cause: '"quoted" \'text\'', regions: [] })),
    );
    expect(fields.Twiml).toBe(
      '<Response><Say loop="2">Vantage alert. R&amp;D &lt;api&gt; is down. Cause: &quot;quoted&quot; &apos;text&apos;.</Say></Response>',
    );
  });
});

test('wrong credentials are permanent with Twilio’s message and advice, never the token', async () => {
  twilio.reply({
    status: 401,
    body: {
      code: 20003,
      message: 'Authenticate',
      more_info: 'https://www.twilio.com/docs/errors/20003',
      status: 401,
    },
  });
  const outcome = await deliverAlert(sampleMessage(), config('twilio-sms'), testContext());
  twilio.reply({ status: 201, body: { sid: 'SM1' } });
  expect(outcome).toEqual({
    ok: false,
    permanent: true,
    error: 'Twilio: HTTP 401: Authenticate (code 20003) (check accountSid and authToken)',
  });
});
