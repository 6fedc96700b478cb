import { describe, expect, it } from 'vitest';
import { dayOf, defaultRangeChoice, parseDay, rangeOf } from './report-range.js';

const NOW = Date.UTC(2025, 5, 10, 15, 30);
const DAY = 86_400_000;

describe('rangeOf', () => {
  it.each([
    ['1d', 1],
    ['7d', 7],
    ['30d', 30],
    ['90d', 90],
  ] as const)('makes the last %s end now', (preset, days) => {
    expect(rangeOf({ preset, fromDay: '', toDay: '' }, NOW)).toEqual({
      ok: true,
      from: NOW - days * DAY,
      to: NOW,
    });
  });

  it('runs a custom range from the first midnight to the one after the last day', () => {
    expect(rangeOf({ preset: 'custom', fromDay: '2025-06-01', toDay: '2025-06-03' }, NOW)).toEqual({
      ok: true,
      from: Date.UTC(2025, 5, 1),
      to: Date.UTC(2025, 5, 4),
    });
  });

  it('takes one day as a range of one day', () => {
    const r = rangeOf({ preset: 'custom', fromDay: '2025-06-01', toDay: '2025-06-01' }, NOW);
    expect(r.ok && r.to - r.from).toBe(DAY);
  });

  it.each([
    ['2025-06-05', '2025-06-01', 'The end date is before the start date'],
    ['2025-02-30', '2025-03-01', 'The start date is not a date'],
    ['2025-06-01', 'soon', 'The end date is not a date'],
    ['2023-01-01', '2025-01-01', 'A report covers a year at most'],
  ])('refuses %s … %s', (fromDay, toDay, reason) => {
    expect(rangeOf({ preset: 'custom', fromDay, toDay }, NOW)).toEqual({ ok: false, reason });
  });
});

describe('days', () => {
  it('reads and writes UTC days', () => {
    expect(parseDay('2024-02-29')).toBe(Date.UTC(2024, 1, 29));
    expect(parseDay('2025-02-29')).toBeNull();
    expect(dayOf(NOW)).toBe('2025-06-10');
  });

  it('starts on the last 30 days', () => {
    expect(defaultRangeChoice(NOW)).toEqual({ preset: '30d', fromDay: '2025-05-11', toDay: '2025-06-10' });
  });
});
