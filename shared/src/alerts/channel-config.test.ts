import { describe, expect, test } from 'vitest';
import { CHANNEL_KINDS, parseChannelConfig } from './channel-config.js';
import { CHANNEL_EXAMPLES } from './channel-examples.js';

const common = { id: 'ops', name: 'Ops' };
const VALID = CHANNEL_EXAMPLES;

describe('parseChannelConfig', () => {
  test('accepts the example of every kind and fills its defaults', () => {
    expect(Object.keys(VALID).sort()).toEqual([...CHANNEL_KINDS].sort());
    for (const input of Object.values(VALID)) {
      const parsed = parseChannelConfig(input);
      expect(parsed.ok, JSON.stringify(parsed)).toBe(true);
      if (parsed.ok) expect(parsed.value.enabled).toBe(true);
    }
  });

  test('fills provider base URLs with the public services and trims a trailing slash', () => {
    const tg = parseChannelConfig(VALID.telegram);
    const pd = parseChannelConfig({ ...VALID.pagerduty, apiBase: 'http://127.0.0.1:9999/' });
    expect(tg.ok && tg.value.kind === 'telegram' && tg.value.apiBase).toBe('https://api.telegram.org');
    expect(pd.ok && pd.value.kind === 'pagerduty' && pd.value.apiBase).toBe('http://127.0.0.1:9999');
  });

  test.each([
    ['an unknown kind', { kind: 'fax', ...common }, 'kind', 'must be one of "email"'],
    [
      'a Slack URL that is not http(s)',
      { ...VALID.slack, webhookUrl: 'ftp://x' },
      'webhookUrl',
      'incoming webhook URL',
    ],
    ['a misspelt field', { ...VALID.discord, webhookURL: 'x' }, '', 'unknown field "webhookURL"'],
    ['a Telegram token in the wrong shape', { ...VALID.telegram, botToken: 'abc' }, 'botToken', '@BotFather'],
    [
      'a Telegram chat that is neither id nor @name',
      { ...VALID.telegram, chatId: 'ops' },
      'chatId',
      '@channelname',
    ],
    ['a short webhook secret', { ...VALID.webhook, secret: 'short' }, 'secret', 'at least 16 characters'],
    [
      'a bad webhook header name',
      { ...VALID.webhook, headers: { 'a b': 'x' } },
      'headers.a b',
      'header name',
    ],
    [
      'a PagerDuty key of the wrong length',
      { ...VALID.pagerduty, routingKey: 'abc' },
      'routingKey',
      'integration key',
    ],
    ['an ntfy topic with a slash', { ...VALID.ntfy, topic: 'a/b' }, 'topic', 'letters, digits'],
    [
      'ntfy token and user together',
      { ...VALID.ntfy, token: 'tk', username: 'u', password: 'p' },
      'token',
      'either',
    ],
    ['a phone number without +', { ...VALID['twilio-sms'], to: '4155550101' }, 'to', 'E.164'],
    ['a bad Account SID', { ...VALID['twilio-voice'], accountSid: 'AB12' }, 'accountSid', 'Account SID'],
    ['an email without recipients', { ...VALID.email, to: [] }, 'to', 'at least one recipient'],
    ['a bad recipient', { ...VALID.email, to: ['nobody'] }, 'to.0', 'email address'],
    ['a username without password', { ...VALID.email, password: undefined }, 'password', 'required'],
    [
      'a password in clear text',
      { ...VALID.email, username: 'u', password: 'p', security: 'none' },
      'security',
      'clear text',
    ],
  ])('rejects %s, naming the field', (_, input, path, message) => {
    const parsed = parseChannelConfig(input);
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    const error = parsed.error.find((e) => e.path === path);
    expect(error, JSON.stringify(parsed.error)).toBeDefined();
    expect(error!.message).toContain(message);
  });

  test('returns a frozen value', () => {
    const parsed = parseChannelConfig(VALID.slack);
    expect(parsed.ok && Object.isFrozen(parsed.value)).toBe(true);
  });
});
