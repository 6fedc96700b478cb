import { describe, expect, it } from 'vitest';
import { nextAttemptDelay, type RetryPolicy } from './retry-policy.js';

const policy: RetryPolicy = { baseDelayMs: 1000, maxDelayMs: 5000, maxAttempts: 5 };

describe('nextAttemptDelay', () => {
  it.each([
    ['doubles after each failure', 1, {}, 1000],
    ['doubles after each failure (3rd)', 3, {}, 4000],
    ['is capped', 4, {}, 5000],
    ['honours a longer Retry-After', 1, { retryAfterMs: 30_000 }, 30_000],
    ['keeps the backoff when Retry-After is shorter', 3, { retryAfterMs: 10 }, 4000],
    ['gives up after the last attempt', 5, {}, null],
  ] as const)('%s', (_name, attempts, extra, expected) => {
    expect(nextAttemptDelay(policy, attempts, { permanent: false, ...extra })).toBe(expected);
  });

  it('stops at once on a permanent failure', () => {
    expect(nextAttemptDelay(policy, 1, { permanent: true, retryAfterMs: 1000 })).toBeNull();
  });
});
