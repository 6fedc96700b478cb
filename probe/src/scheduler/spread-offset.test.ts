import { describe, expect, it } from 'vitest';
import { nextDueAt } from './spread-offset.js';

describe('nextDueAt', () => {
  it('spreads 10,000 monitors on one interval evenly instead of firing them together', () => {
    const intervalMs = 60_000;
    const now = 1_700_000_000_123;
    const perSecond = new Array<number>(60).fill(0);
    for (let i = 0; i < 10_000; i++) {
      const due = nextDueAt(`monitor-${i}`, intervalMs, now);
      perSecond[Math.floor((due - now) / 1000)]! += 1;
    }
    // An even spread puts ~167 in each second; a burst would put thousands in one.
    expect(Math.max(...perSecond)).toBeLessThan(167 * 1.5);
    expect(Math.min(...perSecond)).toBeGreaterThan(167 * 0.5);
  });

  it('is due within one interval from now and keeps the same beat on every call', () => {
    const now = 1_700_000_000_000;
    for (const id of ['a', 'b', 'checkout-api', 'x'.repeat(64)]) {
      const due = nextDueAt(id, 30_000, now);
      expect(due).toBeGreaterThanOrEqual(now);
      expect(due).toBeLessThan(now + 30_000);
      // A restart later lands on the same phase, an exact number of intervals on.
      expect(nextDueAt(id, 30_000, now + 95_000) - due).toBe(90_000);
    }
  });

  it('returns now itself when now is exactly on the beat', () => {
    const due = nextDueAt('m', 10_000, 1_700_000_000_000);
    expect(nextDueAt('m', 10_000, due)).toBe(due);
  });
});
