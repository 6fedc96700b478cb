import { describe, expect, it } from 'vitest';
import { DEFAULT_BACKOFF, reconnectDelay } from './reconnect-backoff.js';

describe('reconnectDelay', () => {
  it.each([
    [1, 500, 1000],
    [2, 1000, 2000],
    [3, 2000, 4000],
    [5, 8000, 16_000],
    [6, 15_000, 30_000],
    [50, 15_000, 30_000],
  ])('attempt %i waits between %i and %i ms', (attempt, low, high) => {
    expect(reconnectDelay(attempt, DEFAULT_BACKOFF, () => 0)).toBe(low);
    expect(reconnectDelay(attempt, DEFAULT_BACKOFF, () => 0.999_999)).toBe(high);
  });

  it('spreads retries of many desktops over the upper half of the step', () => {
    const delays = [0.1, 0.4, 0.7].map((r) => reconnectDelay(4, DEFAULT_BACKOFF, () => r));
    expect(new Set(delays).size).toBe(3);
    for (const delay of delays) expect(delay).toBeGreaterThanOrEqual(4000);
  });
});
