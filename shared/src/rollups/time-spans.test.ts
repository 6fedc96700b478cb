import { describe, expect, it } from 'vitest';
import { clipSpans, subtractSpans, type TimeSpan, unionSpans } from './time-spans.js';

const s = (start: number, end: number): TimeSpan => ({ start, end });

describe('unionSpans', () => {
  it('sorts, joins overlapping and touching spans and drops empty ones', () => {
    expect(unionSpans([s(20, 30), s(0, 10), s(10, 15), s(25, 40), s(50, 50), s(60, 55)])).toEqual([
      s(0, 15),
      s(20, 40),
    ]);
  });

  it('does not change its input', () => {
    const input = [s(0, 10), s(5, 20)];
    unionSpans(input);
    expect(input).toEqual([s(0, 10), s(5, 20)]);
  });
});

describe('clipSpans', () => {
  it('cuts spans to the window and drops those outside', () => {
    expect(clipSpans([s(-10, 5), s(20, 30), s(90, 120), s(150, 160)], 0, 100)).toEqual([
      s(0, 5),
      s(20, 30),
      s(90, 100),
    ]);
  });
});

describe('subtractSpans', () => {
  const cases: Array<[string, TimeSpan[], TimeSpan[], TimeSpan[]]> = [
    ['no holes', [s(0, 10)], [], [s(0, 10)]],
    ['a hole in the middle', [s(0, 10)], [s(3, 5)], [s(0, 3), s(5, 10)]],
    ['a hole covering everything', [s(0, 10), s(20, 30)], [s(-5, 40)], []],
    ['one hole across two spans', [s(0, 10), s(20, 30)], [s(5, 25)], [s(0, 5), s(25, 30)]],
    ['holes touching the edges', [s(0, 10)], [s(-5, 0), s(10, 15)], [s(0, 10)]],
    [
      'several holes in one span',
      [s(0, 100)],
      [s(10, 20), s(30, 40), s(90, 110)],
      [s(0, 10), s(20, 30), s(40, 90)],
    ],
  ];
  it.each(cases)('handles %s', (_name, spans, holes, expected) => {
    expect(subtractSpans(spans, holes)).toEqual(expected);
  });
});
