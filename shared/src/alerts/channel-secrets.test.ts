import { describe, expect, test } from 'vitest';
import { type ChannelConfig, parseChannelConfig } from './channel-config.js';
import { CHANNEL_EXAMPLES } from './channel-examples.js';
import {
  channelSecretValues,
  mergeRedacted,
  REDACTED_SECRET,
  redactChannelConfig,
} from './channel-secrets.js';
import { scrubChannelSecrets } from './scrub-secrets.js';

function channel(input: unknown): ChannelConfig {
  const parsed = parseChannelConfig(input);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.error));
  return parsed.value;
}

const webhook = channel({
  kind: 'webhook',
  id: 'hook',
  name: 'Hook',
  url: 'https://example.com/hook?key=abc123',
  secret: 'topsecret-topsecret',
  headers: { Authorization: 'Bearer xyz-987654' },
});
const ntfy = channel({
  kind: 'ntfy',
  id: 'push',
  name: 'Push',
  topic: 'my-private-topic',
  token: 'tk_abcdef',
});

describe('redactChannelConfig', () => {
  test('replaces every secret, including each custom header value, and keeps the rest', () => {
    const redacted = redactChannelConfig(webhook);
    expect(redacted).toMatchObject({
      kind: 'webhook',
      name: 'Hook',
      url: REDACTED_SECRET,
      secret: REDACTED_SECRET,
      headers: { Authorization: REDACTED_SECRET },
    });
    const text = JSON.stringify(redacted);
    for (const secret of channelSecretValues(webhook)) expect(text).not.toContain(secret);
  });

  test('leaves the stored config untouched and absent optional secrets absent', () => {
    const redacted = redactChannelConfig(ntfy);
    expect(redacted).toMatchObject({ topic: REDACTED_SECRET, token: REDACTED_SECRET });
    expect('password' in redacted).toBe(false);
    expect(ntfy).toMatchObject({ topic: 'my-private-topic', token: 'tk_abcdef' });
  });
});

describe.each(Object.values(CHANNEL_EXAMPLES))('every kind: $kind', (example) => {
  const config = channel(example);

  test('has at least one secret, none of which survives redaction or scrubbing', () => {
    const secrets = channelSecretValues(config);
    expect(secrets.length).toBeGreaterThan(0);
    const redacted = JSON.stringify(redactChannelConfig(config));
    const scrubbed = scrubChannelSecrets(`failed: ${JSON.stringify(config)}`, config);
    for (const secret of secrets) {
      expect(redacted).not.toContain(secret);
      expect(scrubbed).not.toContain(secret);
    }
  });

  test('sent back redacted, keeps every stored secret', () => {
    const merged = mergeRedacted(redactChannelConfig(config), config);
    expect(merged.ok && parseChannelConfig(merged.value)).toEqual({ ok: true, value: config });
  });
});

describe('mergeRedacted', () => {
  test('a redacted config sent back unchanged validates to the stored one', () => {
    const merged = mergeRedacted(redactChannelConfig(webhook), webhook);
    expect(merged.ok).toBe(true);
    if (!merged.ok) return;
    const parsed = parseChannelConfig(merged.value);
    expect(parsed.ok && parsed.value).toEqual(webhook);
  });

  test('a new value replaces the stored secret; other markers keep theirs', () => {
    const input = { ...redactChannelConfig(ntfy), token: 'tk_new' };
    const merged = mergeRedacted(input, ntfy);
    expect(merged.ok && merged.value).toMatchObject({ topic: 'my-private-topic', token: 'tk_new' });
  });

  test('a marker with nothing stored is an error naming the field', () => {
    const input = { ...redactChannelConfig(webhook) };
    expect(mergeRedacted(input, undefined)).toEqual({
      ok: false,
      error: expect.arrayContaining([expect.objectContaining({ path: 'headers.Authorization' })]),
    });
    // Secrets of another kind never leak into a channel whose kind changed.
    const switched = mergeRedacted({ ...input, kind: 'ntfy', topic: REDACTED_SECRET }, webhook);
    expect(switched.ok).toBe(false);
  });

  test('input that is not an object passes through for validation to reject', () => {
    expect(mergeRedacted('nonsense', webhook)).toEqual({ ok: true, value: 'nonsense' });
  });
});
