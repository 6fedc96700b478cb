import { describe, expect, test } from 'vitest';
import { httpOutcome, providerErrorText, retryAfterMs } from './http-outcome.js';

const NOW = Date.UTC(2024, 4, 1, 12, 0, 0);
const opts = { provider: 'Svc' };

describe('httpOutcome', () => {
  test.each([
    [200, true, undefined],
    [202, true, undefined],
    [301, false, true],
    [400, false, true],
    [401, false, true],
    [404, false, true],
    [408, false, false],
    [410, false, true],
    [413, false, true],
    [429, false, false],
    [500, false, false],
    [502, false, false],
    [503, false, false],
  ])('HTTP %i: delivered %s, permanent %s', (status, ok, permanent) => {
    const outcome = httpOutcome(status, new Headers(), '', NOW, opts);
    expect(outcome.ok).toBe(ok);
    if (!outcome.ok) expect(outcome.permanent).toBe(permanent);
  });

  test('adds the hint for the status and the provider id of a success', () => {
    expect(
      httpOutcome(401, new Headers(), 'Unauthorized', NOW, { ...opts, hints: { 401: 'check token' } }),
    ).toEqual({
      ok: false,
      permanent: true,
      error: 'Svc: HTTP 401: Unauthorized (check token)',
    });
    expect(
      httpOutcome(201, new Headers(), '{"sid":"SM1"}', NOW, { ...opts, providerId: () => 'SM1' }),
    ).toEqual({
      ok: true,
      providerId: 'SM1',
      detail: 'Svc accepted the message (HTTP 201)',
    });
  });

  test('a 503 with Retry-After carries it; a permanent failure never does', () => {
    const headers = new Headers({ 'retry-after': '30' });
    expect(httpOutcome(503, headers, '', NOW, opts)).toMatchObject({ retryAfterMs: 30_000 });
    expect(httpOutcome(400, headers, '', NOW, opts)).not.toHaveProperty('retryAfterMs');
  });
});

describe('retryAfterMs', () => {
  test.each<[Record<string, string>, string, number | undefined]>([
    [{ 'retry-after': '7' }, '', 7000],
    [{ 'retry-after': new Date(NOW + 90_000).toUTCString() }, '', 90_000],
    [{ 'retry-after': new Date(NOW - 90_000).toUTCString() }, '', 0],
    [{ 'retry-after': '999999' }, '', 3_600_000],
    [{}, '{"retry_after":0.25}', 250],
    [{}, '{"ok":false,"parameters":{"retry_after":9}}', 9000],
    [{}, 'slow down', undefined],
  ])('%o with body %j → %s ms', (headers, body, expected) => {
    expect(retryAfterMs(new Headers(headers), body, NOW)).toBe(expected);
  });
});

describe('providerErrorText', () => {
  test.each([
    ['Slack', 'invalid_payload', 'invalid_payload'],
    [
      'Telegram',
      '{"ok":false,"error_code":400,"description":"Bad Request: chat not found"}',
      'Bad Request: chat not found',
    ],
    ['Discord', '{"message":"Unknown Webhook","code":10015}', 'Unknown Webhook (code 10015)'],
    ['Twilio', '{"code":21211,"message":"Invalid To","status":400}', 'Invalid To (code 21211)'],
    [
      'PagerDuty',
      '{"status":"invalid event","message":"Event object is invalid","errors":["Length of routing_key is incorrect"]}',
      'Event object is invalid Length of routing_key is incorrect',
    ],
    ['ntfy', '{"code":40301,"http":403,"error":"forbidden"}', 'forbidden (code 40301)'],
    ['Teams', '{"error":{"code":"Bad","message":"The input is invalid"}}', 'The input is invalid'],
    ['a proxy', '<html><body><h1>502 Bad Gateway</h1></body></html>', '502 Bad Gateway'],
  ])("reads %s's error", (_, body, text) => {
    expect(providerErrorText(body)).toBe(text);
  });

  test('keeps a long body to 500 characters', () => {
    expect(providerErrorText('x'.repeat(10_000))).toHaveLength(500);
  });
});
