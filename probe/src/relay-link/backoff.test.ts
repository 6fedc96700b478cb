import { describe, expect, it } from 'vitest';
import { backoffDelay, DEFAULT_BACKOFF } from './backoff.js';

describe('backoffDelay', () => {
  it('doubles from the base and stops growing at the cap', () => {
    const upper = (attempt: number) => backoffDelay(attempt, DEFAULT_BACKOFF, () => 1);
    expect([1, 2, 3, 4].map(upper)).toEqual([500, 1000, 2000, 4000]);
    expect(upper(20)).toBe(30_000);
    expect(upper(1000)).toBe(30_000);
  });

  it('jitters between half and all of the step, so probes do not reconnect in lockstep', () => {
    expect(backoffDelay(4, DEFAULT_BACKOFF, () => 0)).toBe(2000);
    expect(backoffDelay(4, DEFAULT_BACKOFF, () => 0.5)).toBe(3000);
    const delays = new Set(Array.from({ length: 50 }, () => backoffDelay(6, DEFAULT_BACKOFF)));
    expect(delays.size).toBeGreaterThan(10);
  });
});
