import {
  CHANNEL_EXAMPLES,
  CHANNEL_KINDS,
  parseChannelConfig,
  REDACTED_SECRET,
  redactChannelConfig,
} from '@vantage/shared';
import { describe, expect, it } from 'vitest';
import type { RedactedChannel } from '../../contract/methods/alerting-methods.js';
import {
  channelFields,
  channelFromDraft,
  channelIdFor,
  checkChannelDraft,
  draftFromChannel,
  newChannelDraft,
} from './channel-form.js';
import { errorsByField } from './field-messages.js';

const example = <K extends keyof typeof CHANNEL_EXAMPLES>(kind: K) => {
  const parsed = parseChannelConfig(CHANNEL_EXAMPLES[kind]);
  if (!parsed.ok) throw new Error('example does not validate');
  return parsed.value;
};

describe('channel forms generated from the schemas', () => {
  it('has fields for every kind, with secrets as password fields and choices from enums', () => {
    for (const kind of CHANNEL_KINDS) expect(channelFields(kind).length).toBeGreaterThan(0);
    const email = channelFields('email');
    expect(email.find((f) => f.key === 'password')?.input).toBe('secret');
    expect(email.find((f) => f.key === 'security')).toMatchObject({
      input: 'choice',
      options: ['tls', 'starttls', 'none'],
    });
    expect(email.find((f) => f.key === 'to')).toMatchObject({ input: 'list', required: true, label: 'To' });
    expect(email.find((f) => f.key === 'port')?.input).toBe('number');
    expect(email.find((f) => f.key === 'port')?.optional).toBe(true);
    expect(email.find((f) => f.key === 'security')?.optional).toBe(false);
    expect(channelFields('webhook').map((f) => [f.key, f.input])).toEqual([
      ['url', 'secret'],
      ['secret', 'secret'],
      ['headers', 'headers'],
    ]);
    expect(channelFields('telegram').find((f) => f.key === 'silent')?.input).toBe('switch');
    expect(channelFields('pagerduty').find((f) => f.key === 'apiBase')?.advanced).toBe(true);
  });

  it('fills defaults into a new draft', () => {
    expect(newChannelDraft('email').values).toMatchObject({ security: 'starttls', host: '' });
    expect(newChannelDraft('telegram').values.silent).toBe(false);
  });

  it('round-trips every example kind through a draft to the same channel', () => {
    for (const kind of CHANNEL_KINDS) {
      const channel = example(kind);
      const draft = draftFromChannel(channel as RedactedChannel);
      const back = parseChannelConfig(channelFromDraft(draft));
      expect(back.ok && back.value).toEqual(channel);
    }
  });

  it('sends the redaction marker for a stored secret left empty, and a new value when typed', () => {
    const draft = draftFromChannel(redactChannelConfig(example('webhook')) as RedactedChannel);
    expect(draft.keptSecrets).toEqual(['url', 'secret']);
    expect(draft.values.url).toBe('');
    expect(draft.values.headers).toBe(`Authorization: ${REDACTED_SECRET}`);
    expect(channelFromDraft(draft)).toMatchObject({ url: REDACTED_SECRET, secret: REDACTED_SECRET });
    expect(checkChannelDraft(draft)).toEqual({});
    const typed = { ...draft, values: { ...draft.values, secret: 'a-brand-new-secret-value' } };
    expect(channelFromDraft(typed)).toMatchObject({
      url: REDACTED_SECRET,
      secret: 'a-brand-new-secret-value',
    });
  });

  it('names bad fields with shared’s messages, before anything is sent', () => {
    const draft = newChannelDraft('webhook');
    draft.values.url = 'ftp://nope';
    draft.values.secret = 'short';
    const errors = checkChannelDraft(draft);
    expect(Object.keys(errors).sort()).toEqual(['name', 'secret', 'url']);
    expect(errors.secret).toMatch(/at least 16 characters/);
    const email = { ...newChannelDraft('email'), name: 'Mail' };
    email.values = {
      ...email.values,
      host: 'smtp.example.com',
      from: 'ops@example.com',
      to: 'ops@example.com\nnot-an-address',
      port: 'abc',
    };
    expect(Object.keys(checkChannelDraft(email)).sort()).toEqual(['port', 'to', 'to.1']);
  });

  it('makes unique ids from names', () => {
    expect(channelIdFor('#ops alerts', [])).toBe('ops-alerts');
    expect(channelIdFor('Ops', ['ops', 'ops-2'])).toBe('ops-3');
    expect(channelIdFor('Ωμέγα', [])).toBe('channel');
  });
});

describe('field messages', () => {
  it('keeps full paths and shows the first nested one under its top field, numbered from 1', () => {
    expect(
      errorsByField([
        { path: 'steps.1.channels', message: 'must list at least one' },
        { path: 'steps', message: 'step delays must increase' },
        { path: 'name', message: 'must not be empty' },
      ]),
    ).toEqual({
      'steps.1.channels': 'must list at least one',
      steps: '#2 channels: must list at least one',
      name: 'must not be empty',
    });
  });
});
