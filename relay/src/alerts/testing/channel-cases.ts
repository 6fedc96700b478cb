import type { ChannelKind } from '@vantage/shared';
import type { RecordedRequest, ScriptedReply } from './recording-server.js';

/** Everything the contract suite needs to drive one HTTP channel against a stand-in server. */
export interface ChannelCase {
  kind: ChannelKind;
  /** Settings pointing the channel at the stand-in at `base`. */
  config(base: string): Record<string, unknown>;
  /** The provider's documented success answer. */
  accepted: ScriptedReply;
  /** The provider id the success answer carries, if the channel reports one. */
  providerId?: string;
  /** The provider's documented rejection (HTTP 400), quoting `echo` the way careless services quote requests. */
  rejected(echo: string): ScriptedReply;
  /** Words of the rejection the outcome must repeat. */
  rejectedText: string;
  /** Requests a grouped message of `n` incidents makes; one unless the provider needs one per incident. */
  requestsFor?(n: number): number;
}

const SID = `AC${'0123456789abcdef'.repeat(2)}`;
const TOKEN = 'f00dfeedf00dfeedf00dfeedf00dfeed';
const common = { id: 'ops', name: 'Ops' };

function twilio(kind: ChannelKind): ChannelCase {
  return {
    kind,
    config: (base) => ({
      kind,
      ...common,
      accountSid: SID,
      authToken: TOKEN,
      from: '+14155550100',
      to: '+14155550101',
      apiBase: base,
    }),
    accepted: { status: 201, body: { sid: 'SM0123', status: 'queued' } },
    providerId: 'SM0123',
    rejected: (echo) => ({
      status: 400,
      body: { code: 21211, message: `The 'To' number is not a valid phone number (${echo})`, status: 400 },
    }),
    rejectedText: "The 'To' number is not a valid phone number",
  };
}

/** One case per HTTP channel kind, with the answers each provider documents. */
export const HTTP_CHANNEL_CASES: ChannelCase[] = [
  {
    kind: 'slack',
    config: (base) => ({
      kind: 'slack',
      ...common,
      webhookUrl: `${base}/services/T000/B000/XXXXslacksecretXXXX`,
    }),
    accepted: { status: 200, body: 'ok' },
    rejected: (echo) => ({ status: 400, body: `invalid_blocks ${echo}` }),
    rejectedText: 'invalid_blocks',
  },
  {
    kind: 'discord',
    config: (base) => ({
      kind: 'discord',
      ...common,
      webhookUrl: `${base}/api/webhooks/123/discordSecretToken`,
    }),
    accepted: { status: 200, body: { id: '1122334455', type: 0 } },
    providerId: '1122334455',
    rejected: (echo) => ({ status: 400, body: { message: `Invalid Form Body ${echo}`, code: 50035 } }),
    rejectedText: 'Invalid Form Body',
  },
  {
    kind: 'teams',
    config: (base) => ({
      kind: 'teams',
      ...common,
      webhookUrl: `${base}/workflows/abc/triggers/manual/paths/invoke?sig=teamsSecretSig`,
    }),
    accepted: { status: 202, body: '' },
    rejected: (echo) => ({
      status: 400,
      body: {
        error: { code: 'TriggerInputSchemaMismatch', message: `The input body does not match ${echo}` },
      },
    }),
    rejectedText: 'The input body does not match',
  },
  {
    kind: 'telegram',
    config: (base) => ({
      kind: 'telegram',
      ...common,
      botToken: `123456789:${'T'.repeat(35)}`,
      chatId: '-100200300',
      apiBase: base,
    }),
    accepted: { status: 200, body: { ok: true, result: { message_id: 42 } } },
    providerId: '42',
    rejected: (echo) => ({
      status: 400,
      body: { ok: false, error_code: 400, description: `Bad Request: chat not found ${echo}` },
    }),
    rejectedText: 'Bad Request: chat not found',
  },
  {
    kind: 'webhook',
    config: (base) => ({
      kind: 'webhook',
      ...common,
      url: `${base}/hook?key=webhookUrlKey`,
      secret: 'webhook-signing-secret',
    }),
    accepted: { status: 204 },
    rejected: (echo) => ({ status: 400, body: `unknown schema ${echo}` }),
    rejectedText: 'unknown schema',
  },
  {
    kind: 'pagerduty',
    config: (base) => ({
      kind: 'pagerduty',
      ...common,
      routingKey: 'R0UT1NGK3Y0123456789abcdefABCDEF',
      apiBase: base,
    }),
    accepted: { status: 202, body: { status: 'success', message: 'Event processed', dedup_key: 'api:1' } },
    providerId: 'api:1',
    rejected: (echo) => ({
      status: 400,
      body: {
        status: 'invalid event',
        message: 'Event object is invalid',
        errors: [`Invalid routing key ${echo}`],
      },
    }),
    rejectedText: 'Event object is invalid',
    requestsFor: (n) => n,
  },
  {
    kind: 'ntfy',
    config: (base) => ({
      kind: 'ntfy',
      ...common,
      server: base,
      topic: 'secret-topic-name',
      token: 'tk_ntfysecrettoken',
    }),
    accepted: { status: 200, body: { id: 'sPs71M8A2T', time: 1714564800, event: 'message', topic: 'x' } },
    providerId: 'sPs71M8A2T',
    rejected: (echo) => ({
      status: 400,
      body: { code: 40013, http: 400, error: `invalid request: ${echo}` },
    }),
    rejectedText: 'invalid request',
  },
  twilio('twilio-sms'),
  twilio('twilio-whatsapp'),
  twilio('twilio-voice'),
];

/** What a careless provider might quote back: basic-auth credentials, the URL and the body. */
export function echoOf(request: RecordedRequest): string {
  const auth = request.headers.authorization ?? '';
  const basic = auth.startsWith('Basic ') ? Buffer.from(auth.slice(6), 'base64').toString('utf8') : auth;
  return `${basic} ${request.url} ${request.body.slice(0, 400)}`;
}
