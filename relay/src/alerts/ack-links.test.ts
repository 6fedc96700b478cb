import { createHmac, randomBytes } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import { ACK_LINK_TTL_MS, createAckLinks } from './ack-links.js';

const KEY = randomBytes(32);
const T = Date.UTC(2024, 4, 1, 12, 0, 0);

function links(now = T, key = KEY) {
  return createAckLinks({ publicUrl: 'https://relay.example.com/vantage/', key, now: () => now });
}

function tokenOf(url: string): string {
  return url.split('/ack/')[1]!;
}

test('a link points at the relay, keeping its path prefix, and verifies to its incident and channel', () => {
  const url = links().urlFor('api:12', 'ops-slack');
  expect(url).toMatch(/^https:\/\/relay\.example\.com\/vantage\/ack\/[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/);
  expect(links().verify(tokenOf(url))).toEqual({
    ok: true,
    value: { incidentId: 'api:12', channelId: 'ops-slack', expiresAt: T + ACK_LINK_TTL_MS },
  });
});

test('a link works until it expires, then is refused as expired', () => {
  const token = tokenOf(links().urlFor('api:12'));
  expect(links(T + ACK_LINK_TTL_MS - 1000).verify(token).ok).toBe(true);
  expect(links(T + ACK_LINK_TTL_MS).verify(token)).toEqual({ ok: false, error: 'expired' });
});

describe('refuses forged tokens', () => {
  test('a token for another incident made by editing the payload', () => {
    const [, signature] = tokenOf(links().urlFor('api:12')).split('.');
    const forged = Buffer.from(JSON.stringify({ v: 1, i: 'db:1', e: T / 1000 + 3600 })).toString('base64url');
    expect(links().verify(`${forged}.${signature}`)).toEqual({ ok: false, error: 'bad-signature' });
  });

  test('a token signed with another key', () => {
    const other = links(T, randomBytes(32)).urlFor('api:12');
    expect(links().verify(tokenOf(other))).toEqual({ ok: false, error: 'bad-signature' });
  });

  test('a signature made with the same key for another purpose', () => {
    const payload = Buffer.from(JSON.stringify({ v: 1, i: 'api:12', e: T / 1000 + 3600 })).toString(
      'base64url',
    );
    const bare = createHmac('sha256', KEY).update(payload).digest('base64url');
    expect(links().verify(`${payload}.${bare}`)).toEqual({ ok: false, error: 'bad-signature' });
  });

  test.each(['', 'abc', 'a.b.c', '.sig', 'payload.'])('malformed token %j', (token) => {
    expect(links().verify(token).ok).toBe(false);
  });

  test('a correctly signed payload that is not a claim', () => {
    const payload = Buffer.from('not json').toString('base64url');
    const signature = createHmac('sha256', KEY).update(`vantage-ack.v1.${payload}`).digest('base64url');
    expect(links().verify(`${payload}.${signature}`)).toEqual({ ok: false, error: 'malformed' });
  });
});

test('a key shorter than 32 bytes is refused at start', () => {
  expect(() => createAckLinks({ publicUrl: 'https://relay.example.com', key: randomBytes(16) })).toThrow(
    /32 bytes/,
  );
});
