import { describe, expect, it } from 'vitest';
import {
  bucketIsDown,
  maintenanceSpans,
  mergeDownRuns,
  observedCheckIntervalMs,
  type RegionBucketCounts,
} from './down-runs.js';

const MIN = 60_000;
const b = (
  region: string,
  minute: number,
  up: number,
  down: number,
  maintenance?: number,
): RegionBucketCounts => ({
  region,
  start: minute * MIN,
  end: (minute + 1) * MIN,
  up,
  degraded: 0,
  down,
  ...(maintenance === undefined ? {} : { maintenance }),
});

describe('bucketIsDown', () => {
  it.each([
    [{ up: 0, degraded: 0, down: 1 }, true],
    [{ up: 1, degraded: 0, down: 1 }, true],
    [{ up: 1, degraded: 1, down: 1 }, false],
    [{ up: 3, degraded: 0, down: 0 }, false],
    [{ up: 0, degraded: 0, down: 0 }, false],
  ])('reads %o as down: %s', (counts, down) => {
    expect(bucketIsDown(counts)).toBe(down);
  });
});

describe('mergeDownRuns', () => {
  it('joins consecutive down minutes of one region into one run', () => {
    const runs = mergeDownRuns([b('eu', 1, 0, 1), b('eu', 2, 0, 1), b('eu', 3, 1, 0), b('eu', 5, 0, 2)]);
    expect(runs).toEqual([
      { start: 1 * MIN, end: 3 * MIN, regions: ['eu'] },
      { start: 5 * MIN, end: 6 * MIN, regions: ['eu'] },
    ]);
  });

  it('needs a majority of the reporting regions to call the monitor down', () => {
    const oneOfThree = [b('eu', 1, 0, 1), b('us', 1, 1, 0), b('ap', 1, 1, 0)];
    expect(mergeDownRuns(oneOfThree)).toEqual([]);
    const twoOfThree = [b('eu', 1, 0, 1), b('us', 1, 0, 1), b('ap', 1, 1, 0)];
    expect(mergeDownRuns(twoOfThree)).toEqual([{ start: MIN, end: 2 * MIN, regions: ['eu', 'us'] }]);
  });

  it('counts only regions that reported in the slot', () => {
    // ap was silent in minute 2: eu alone is a majority of the one region that reported.
    expect(mergeDownRuns([b('eu', 2, 0, 1), b('ap', 2, 0, 0)])).toEqual([
      { start: 2 * MIN, end: 3 * MIN, regions: ['eu'] },
    ]);
  });

  it('keeps every region that failed somewhere in a joined run', () => {
    const runs = mergeDownRuns([b('eu', 1, 0, 1), b('us', 1, 1, 0), b('us', 2, 0, 1), b('eu', 2, 1, 0)], {
      quorum: 'any',
    });
    expect(runs).toEqual([{ start: MIN, end: 3 * MIN, regions: ['eu', 'us'] }]);
  });

  it('joins buckets of mixed resolutions that touch', () => {
    const hour = { region: 'eu', start: 0, end: 60 * MIN, up: 0, degraded: 0, down: 60 };
    expect(mergeDownRuns([hour, b('eu', 60, 0, 1)])).toEqual([{ start: 0, end: 61 * MIN, regions: ['eu'] }]);
  });

  it('ends a run where the first passing check begins', () => {
    expect(mergeDownRuns([b('eu', 1, 0, 1), b('eu', 2, 1, 0)], { maxGapMs: 5 * MIN })).toEqual([
      { start: MIN, end: 2 * MIN, regions: ['eu'] },
    ]);
  });

  it('bridges the silence between sparse checks when asked to', () => {
    // A check every 4 minutes: down at 0, 4 and 8, up at 12.
    const sparse = [b('eu', 0, 0, 1), b('eu', 4, 0, 1), b('eu', 8, 0, 1), b('eu', 12, 1, 0)];
    expect(mergeDownRuns(sparse)).toHaveLength(3);
    expect(mergeDownRuns(sparse, { maxGapMs: 8 * MIN })).toEqual([
      { start: 0, end: 12 * MIN, regions: ['eu'] },
    ]);
  });

  it("keeps a silent region's fresh state in the vote", () => {
    // us last reported up a minute ago: eu alone is not a majority of the two.
    const buckets = [b('us', 0, 1, 0), b('eu', 0, 1, 0), b('eu', 1, 0, 1)];
    expect(mergeDownRuns(buckets, { maxGapMs: 5 * MIN })).toEqual([]);
    expect(mergeDownRuns(buckets)).toEqual([{ start: MIN, end: 2 * MIN, regions: ['eu'] }]);
  });

  it('answers nothing for no buckets', () => {
    expect(mergeDownRuns([])).toEqual([]);
  });
});

describe('maintenanceSpans', () => {
  it('reads buckets mostly in maintenance as maintenance, joined', () => {
    expect(maintenanceSpans([b('eu', 1, 0, 1, 1), b('us', 2, 0, 0, 4), b('eu', 4, 3, 0, 1)])).toEqual([
      { start: MIN, end: 3 * MIN },
    ]);
  });

  it('finds none when rollups do not count maintenance', () => {
    expect(maintenanceSpans([b('eu', 1, 0, 1)])).toEqual([]);
  });
});

describe('observedCheckIntervalMs', () => {
  it('reads the sparsest region’s mean time between checks', () => {
    const buckets = [b('eu', 0, 1, 0), b('eu', 1, 1, 0), b('us', 0, 1, 0), b('us', 9, 0, 1)];
    expect(observedCheckIntervalMs(buckets)).toBe(5 * MIN);
  });

  it('is 0 without checks', () => {
    expect(observedCheckIntervalMs([b('eu', 0, 0, 0)])).toBe(0);
  });
});
