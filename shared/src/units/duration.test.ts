import { describe, expect, it } from 'vitest';
import { formatDuration, humanizeDuration, parseDuration } from './duration.js';

describe('durations', () => {
  it.each([
    ['500ms', 500],
    ['30s', 30_000],
    ['1.5m', 90_000],
    ['2h', 7_200_000],
    ['14d', 1_209_600_000],
    ['1w', 604_800_000],
    [' 5m ', 300_000],
  ])('parses %s', (text, ms) => {
    expect(parseDuration(text)).toEqual({ ok: true, value: ms });
  });

  it.each(['', '5', 'five minutes', '-3s', '3 s', '1y'])('rejects %j with a hint', (text) => {
    const parsed = parseDuration(text);
    expect(parsed.ok).toBe(false);
    expect(!parsed.ok && parsed.error).toMatch(/not a duration .*e\.g\. 30s/);
  });

  it('formats with the largest exact unit and parses back to the same value', () => {
    for (const ms of [0, 1, 999, 1000, 90_000, 3_600_000, 1_209_600_000, 604_800_000 * 3]) {
      const text = formatDuration(ms);
      expect(parseDuration(text)).toEqual({ ok: true, value: ms });
    }
    expect(formatDuration(1_209_600_000)).toBe('2w');
    expect(formatDuration(86_400_000 * 3)).toBe('3d');
  });

  it('humanizes for people', () => {
    expect(humanizeDuration(3 * 86_400_000 + 5)).toBe('3 days');
    expect(humanizeDuration(60_000)).toBe('1 minute');
    expect(humanizeDuration(1234)).toBe('1.2 s');
    expect(humanizeDuration(340.4)).toBe('340 ms');
  });
});
