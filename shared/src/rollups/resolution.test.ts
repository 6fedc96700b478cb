import { describe, expect, it } from 'vitest';
import { bucketStart, chooseResolution, nestsIn, type Resolution } from './resolution.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const t = Date.UTC(2025, 2, 30, 13, 47, 12, 345); // a Sunday of a DST change in Europe: UTC ignores it

describe('bucketStart', () => {
  const cases: Array<[Resolution, number]> = [
    ['minute', Date.UTC(2025, 2, 30, 13, 47)],
    ['hour', Date.UTC(2025, 2, 30, 13)],
    ['day', Date.UTC(2025, 2, 30)],
  ];
  it.each(cases)('floors to the UTC %s', (resolution, expected) => {
    expect(bucketStart(t, resolution)).toBe(expected);
  });

  it('keeps a timestamp already on a boundary in its own bucket', () => {
    expect(bucketStart(Date.UTC(2025, 0, 1), 'day')).toBe(Date.UTC(2025, 0, 1));
    expect(bucketStart(Date.UTC(2025, 0, 1) - 1, 'day')).toBe(Date.UTC(2024, 11, 31));
  });
});

describe('chooseResolution', () => {
  const cases: Array<[string, number, Resolution]> = [
    ['15 minutes', 15 * 60_000, 'minute'],
    ['1 hour', HOUR, 'minute'],
    ['24 hours', DAY, 'minute'],
    ['3 days', 3 * DAY, 'minute'],
    ['4 days', 4 * DAY, 'hour'],
    ['7 days', 7 * DAY, 'hour'],
    ['30 days', 30 * DAY, 'hour'],
    ['89 days', 89 * DAY, 'hour'],
    ['90 days', 90 * DAY, 'day'],
    ['1 year', 365 * DAY, 'day'],
    ['an empty range', 0, 'minute'],
  ];
  it.each(cases)('charts %s at %s resolution', (_name, rangeMs, expected) => {
    expect(chooseResolution(rangeMs)).toBe(expected);
  });

  it('rejects a negative or NaN range as a caller bug', () => {
    expect(() => chooseResolution(-1)).toThrow(RangeError);
    expect(() => chooseResolution(Number.NaN)).toThrow(RangeError);
  });
});

describe('nestsIn', () => {
  it('says minutes nest in hours and days but days do not nest in hours', () => {
    expect(nestsIn('minute', 'hour')).toBe(true);
    expect(nestsIn('hour', 'hour')).toBe(true);
    expect(nestsIn('day', 'hour')).toBe(false);
  });
});
