import { describe, expect, it } from 'vitest';
import { formatDuration, uptimeTone } from './sla-format.js';

describe('formatDuration', () => {
  it.each([
    [0, '0 s'],
    [45, '45 s'],
    [780, '13 min'],
    [7_980, '2 h 13 min'],
    [null, '—'],
  ])('writes %s s as %s', (seconds, text) => {
    expect(formatDuration(seconds)).toBe(text);
  });
});

describe('uptimeTone', () => {
  it.each([
    [0.9995, 'up'],
    [0.999, 'up'],
    [0.995, 'degraded'],
    [0.98, 'down'],
    [null, 'none'],
  ] as const)('reads %s against 99.9 %% as %s', (uptime, tone) => {
    expect(uptimeTone(uptime, 0.999)).toBe(tone);
  });
});
