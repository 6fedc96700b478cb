import { describe, expect, it } from 'vitest';
import { mergeOutages, type OutageIncident } from './outages.js';

const MIN = 60_000;
const NOW = 1_000 * MIN;
const incident = (id: string, open: number, resolved: number | null, cause = 'HTTP 503'): OutageIncident => ({
  id,
  openedAt: open * MIN,
  resolvedAt: resolved === null ? null : resolved * MIN,
  cause,
  regions: ['eu'],
});

describe('mergeOutages', () => {
  it('joins an incident with the failed checks that confirmed it', () => {
    const outages = mergeOutages(
      [incident('a:1', 12, 20)],
      [{ start: 10 * MIN, end: 19 * MIN, regions: ['eu', 'us'] }],
      NOW,
    );
    expect(outages).toEqual([
      {
        start: 10 * MIN,
        end: 20 * MIN,
        open: false,
        durationS: 600,
        cause: 'HTTP 503',
        incidentIds: ['a:1'],
        regions: ['eu', 'us'],
      },
    ]);
  });

  it('names the failing regions when no incident covers a run', () => {
    const [outage] = mergeOutages([], [{ start: MIN, end: 4 * MIN, regions: ['ap', 'eu'] }], NOW);
    expect(outage).toMatchObject({ cause: 'Checks failed in ap, eu', durationS: 180, incidentIds: [] });
  });

  it('keeps separate outages apart and in time order', () => {
    const outages = mergeOutages([incident('a:2', 50, 55), incident('a:1', 10, 20)], [], NOW);
    expect(outages.map((o) => [o.start / MIN, o.end / MIN])).toEqual([
      [10, 20],
      [50, 55],
    ]);
  });

  it('joins overlapping incidents into one outage with both causes', () => {
    const [outage, ...rest] = mergeOutages(
      [
        incident('a:1', 10, 30, 'timeout'),
        incident('a:2', 20, 40, 'HTTP 500'),
        incident('a:3', 40, 45, 'timeout'),
      ],
      [],
      NOW,
    );
    expect(rest).toEqual([]);
    expect(outage).toMatchObject({
      start: 10 * MIN,
      end: 45 * MIN,
      cause: 'timeout; HTTP 500',
      incidentIds: ['a:1', 'a:2', 'a:3'],
    });
  });

  it('runs an open incident until now and marks it open', () => {
    const [outage] = mergeOutages([incident('a:1', 990, null)], [], NOW);
    expect(outage).toMatchObject({ end: NOW, open: true, durationS: 600 });
  });

  it('ignores what starts after now', () => {
    expect(
      mergeOutages([incident('a:1', 1_001, 1_002)], [{ start: NOW, end: NOW + MIN, regions: [] }], NOW),
    ).toEqual([]);
  });

  it('answers nothing when there is nothing', () => {
    expect(mergeOutages([], [], NOW)).toEqual([]);
  });
});
