import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { TimeSpan } from './time-spans.js';
import {
  checkUptime,
  downtimePeriods,
  type IncidentSpan,
  meanTimeBetweenFailuresMs,
  meanTimeToRecoveryMs,
  timeWeightedUptime,
  type UptimeWindow,
} from './uptime.js';

// Windows in these tables run from 0 to 100 (think minutes) and `now` is past them unless a row says otherwise.
const win = (incidents: IncidentSpan[], extra: Partial<UptimeWindow> = {}): UptimeWindow => ({
  from: 0,
  to: 100,
  now: 1000,
  incidents,
  ...extra,
});

describe('timeWeightedUptime', () => {
  const cases: Array<[string, UptimeWindow, number | null]> = [
    ['no incidents', win([]), 1],
    ['one incident of a tenth of the window', win([{ openedAt: 10, resolvedAt: 20 }]), 0.9],
    [
      'overlapping incidents, counted once',
      win([
        { openedAt: 10, resolvedAt: 30 },
        { openedAt: 20, resolvedAt: 40 },
      ]),
      0.7,
    ],
    [
      'an incident nested in another',
      win([
        { openedAt: 10, resolvedAt: 50 },
        { openedAt: 20, resolvedAt: 30 },
      ]),
      0.6,
    ],
    [
      'incidents that started before and end after the window',
      win([
        { openedAt: -50, resolvedAt: 10 },
        { openedAt: 90, resolvedAt: 500 },
      ]),
      0.8,
    ],
    [
      'incidents wholly outside the window',
      win([
        { openedAt: -50, resolvedAt: 0 },
        { openedAt: 100, resolvedAt: 200 },
      ]),
      1,
    ],
    ['an open incident, down until now', win([{ openedAt: 80 }], { now: 90 }), 80 / 90],
    [
      'an open incident with a null resolvedAt, past the window',
      win([{ openedAt: 75, resolvedAt: null }]),
      0.75,
    ],
    ['a window in progress, counted to now only', win([{ openedAt: 0, resolvedAt: 5 }], { now: 50 }), 0.9],
    [
      'maintenance overlapping an incident, removed from both',
      win([{ openedAt: 10, resolvedAt: 30 }], { maintenance: [{ start: 20, end: 40 }] }),
      1 - 10 / 80,
    ],
    [
      'overlapping maintenance windows, removed once',
      win([{ openedAt: 0, resolvedAt: 10 }], {
        maintenance: [
          { start: 50, end: 70 },
          { start: 60, end: 80 },
        ],
      }),
      1 - 10 / 70,
    ],
    [
      'an incident wholly inside maintenance',
      win([{ openedAt: 20, resolvedAt: 30 }], { maintenance: [{ start: 0, end: 50 }] }),
      1,
    ],
    [
      'a window wholly in maintenance: unknown, not 100 %',
      win([], { maintenance: [{ start: -10, end: 200 }] }),
      null,
    ],
    ['a window that has not started: unknown', win([], { now: 0 }), null],
    ['an empty window: unknown', win([], { to: 0 }), null],
    ['a window always down', win([{ openedAt: -1 }]), 0],
  ];
  it.each(cases)('%s', (_name, window, expected) => {
    const uptime = timeWeightedUptime(window);
    if (expected === null) expect(uptime).toBeNull();
    else expect(uptime).toBeCloseTo(expected, 12);
  });

  /** Slow but obviously right: walks the window one time unit at a time. */
  function bruteForce(w: UptimeWindow) {
    const end = Math.min(w.to, w.now);
    let observed = 0;
    let down = 0;
    for (let t = w.from; t < end; t++) {
      if ((w.maintenance ?? []).some((m) => m.start <= t && t < m.end)) continue;
      observed++;
      if (w.incidents.some((i) => i.openedAt <= t && t < (i.resolvedAt ?? w.now))) down++;
    }
    return { observed, down };
  }

  const point = fc.integer({ min: -20, max: 120 });
  const windowArb = fc.record({
    from: point,
    to: point,
    now: point,
    incidents: fc.array(fc.record({ openedAt: point, resolvedAt: fc.option(point, { nil: undefined }) }), {
      maxLength: 6,
    }),
    maintenance: fc.array(fc.record({ start: point, end: point }), { maxLength: 3 }),
  });

  it('matches a minute-by-minute count of downtime for any incidents and maintenance', () => {
    fc.assert(
      fc.property(windowArb, (w) => {
        const { observed, down } = bruteForce(w);
        expect(timeWeightedUptime(w)).toBe(observed === 0 ? null : 1 - down / observed);
        const periods = downtimePeriods(w);
        expect(periods.reduce((sum, p) => sum + p.durationMs, 0)).toBe(down);
        for (const [i, p] of periods.entries()) {
          expect(p.end).toBeGreaterThan(p.start);
          if (i > 0) expect(p.start).toBeGreaterThan(periods[i - 1]!.end);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('never rises when an incident is added', () => {
    fc.assert(
      fc.property(windowArb, fc.record({ openedAt: point, resolvedAt: point }), (w, extra) => {
        const before = timeWeightedUptime(w);
        const after = timeWeightedUptime({ ...w, incidents: [...w.incidents, extra] });
        if (before !== null) expect(after).toBeLessThanOrEqual(before);
      }),
    );
  });
});

describe('downtimePeriods', () => {
  it('lists merged downtime, clipped to the window and cut around maintenance', () => {
    const maintenance: TimeSpan[] = [{ start: 25, end: 30 }];
    const incidents = [
      { openedAt: -10, resolvedAt: 5 },
      { openedAt: 20, resolvedAt: 35 },
      { openedAt: 30, resolvedAt: 40 },
      { openedAt: 95 },
    ];
    expect(downtimePeriods(win(incidents, { maintenance, now: 98 }))).toEqual([
      { start: 0, end: 5, durationMs: 5 },
      { start: 20, end: 25, durationMs: 5 },
      { start: 30, end: 40, durationMs: 10 },
      { start: 95, end: 98, durationMs: 3 },
    ]);
  });
});

describe('meanTimeToRecoveryMs', () => {
  const cases: Array<[string, UptimeWindow, number | null]> = [
    ['no incidents', win([]), null],
    [
      'two recoveries of 10 and 30',
      win([
        { openedAt: 10, resolvedAt: 20 },
        { openedAt: 50, resolvedAt: 80 },
      ]),
      20,
    ],
    ['an outage that began before the window counts in full', win([{ openedAt: -40, resolvedAt: 10 }]), 50],
    [
      'an outage that recovers after the window belongs to a later one',
      win([{ openedAt: 90, resolvedAt: 110 }]),
      null,
    ],
    ['an open incident has not recovered', win([{ openedAt: 10, resolvedAt: 20 }, { openedAt: 50 }]), 10],
    [
      'overlapping incidents are one outage',
      win([
        { openedAt: 10, resolvedAt: 30 },
        { openedAt: 20, resolvedAt: 40 },
      ]),
      30,
    ],
    [
      'an open incident overlapping a resolved one keeps the outage open',
      win([{ openedAt: 10, resolvedAt: 30 }, { openedAt: 20 }]),
      null,
    ],
  ];
  it.each(cases)('%s', (_name, window, expected) => {
    expect(meanTimeToRecoveryMs(window)).toBe(expected);
  });
});

describe('meanTimeBetweenFailuresMs', () => {
  const cases: Array<[string, UptimeWindow, number | null]> = [
    ['no failures: unbounded, so null', win([]), null],
    [
      'two failures in 100 with 20 down',
      win([
        { openedAt: 10, resolvedAt: 20 },
        { openedAt: 50, resolvedAt: 60 },
      ]),
      40,
    ],
    [
      'an outage that began before the window is not a failure in it',
      win([
        { openedAt: -10, resolvedAt: 10 },
        { openedAt: 50, resolvedAt: 60 },
      ]),
      80,
    ],
    [
      'maintenance is not operating time',
      win([{ openedAt: 10, resolvedAt: 20 }], { maintenance: [{ start: 50, end: 100 }] }),
      40,
    ],
    [
      'overlapping incidents are one failure',
      win([
        { openedAt: 10, resolvedAt: 30 },
        { openedAt: 20, resolvedAt: 40 },
      ]),
      70,
    ],
    [
      'a window in maintenance throughout: unknown',
      win([{ openedAt: 10, resolvedAt: 20 }], { maintenance: [{ start: 0, end: 100 }] }),
      null,
    ],
  ];
  it.each(cases)('%s', (_name, window, expected) => {
    expect(meanTimeBetweenFailuresMs(window)).toBe(expected);
  });
});

describe('checkUptime', () => {
  const cases: Array<[string, Array<{ up: number; degraded: number; count: number }>, number | null]> = [
    ['no buckets: unknown', [], null],
    ['buckets with no checks: unknown', [{ up: 0, degraded: 0, count: 0 }], null],
    ['degraded counts as up', [{ up: 2, degraded: 1, count: 4 }], 0.75],
    [
      'over several buckets, weighted by checks',
      [
        { up: 1, degraded: 0, count: 1 },
        { up: 0, degraded: 0, count: 3 },
      ],
      0.25,
    ],
  ];
  it.each(cases)('%s', (_name, buckets, expected) => {
    expect(checkUptime(buckets)).toBe(expected);
  });
});
