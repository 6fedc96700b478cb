import type { LoggedResult } from '@vantage/shared';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type TempStore, tempStore } from '../store/testing/temp-store.js';
import { lineBuckets, refinedBy } from './line-buckets.js';

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;
const NOW = Date.UTC(2025, 5, 10, 12);

/** Four days of checks every 5 minutes; two failed: 3 days ago (hours kept, minutes pruned) and an hour ago. */
function checks(): LoggedResult[] {
  const out: LoggedResult[] = [];
  const failed = new Set([NOW - 3 * DAY, NOW - HOUR]);
  for (let ts = NOW - 4 * DAY, i = 1; ts < NOW; ts += 5 * MIN, i++) {
    out.push({
      cursor: i,
      probeId: 'probe-eu',
      seq: i,
      monitorId: 'api',
      region: 'eu',
      ts,
      state: failed.has(ts) ? 'down' : 'up',
      latencyMs: 50,
      message: '',
      attempts: 1,
      probeHealthy: true,
      revision: 1,
    });
  }
  return out;
}

const layout = (buckets: { resolution: string }[]) =>
  buckets.reduce<Record<string, number>>(
    (n, b) => ({ ...n, [b.resolution]: (n[b.resolution] ?? 0) + 1 }),
    {},
  );

describe('lineBuckets', () => {
  let temp: TempStore;
  beforeEach(() => {
    temp = tempStore({ now: () => NOW });
    temp.store.ingestResults(checks(), { relay: 'test' });
    // Minute rollups older than 2 days go, as retention would have dropped them.
    temp.store.pruneHistory();
  });
  afterEach(() => temp.dispose());

  it('reads quiet days whole, failing days by the hour and recent failing hours by the minute', () => {
    const buckets = lineBuckets(
      temp.store,
      { monitorId: 'api', region: 'eu', from: NOW - 4 * DAY, to: NOW },
      NOW,
    );
    // Noon to noon touches five UTC days: the three quiet ones whole; the day of the old failure
    // by the hour; today's 12 hours by the hour, but the failing one by the minute.
    expect(layout(buckets)).toEqual({ day: 3, hour: 24 + 11, minute: 12 });
    expect(buckets.reduce((n, b) => n + b.count, 0)).toBe(4 * 288);
    expect(buckets.reduce((n, b) => n + b.down, 0)).toBe(2);
    for (let i = 1; i < buckets.length; i++)
      expect(buckets[i]!.start).toBeGreaterThanOrEqual(buckets[i - 1]!.start);
  });

  it('reads another line exactly alike when told to follow one', () => {
    const star = lineBuckets(temp.store, { monitorId: 'api', from: NOW - 4 * DAY, to: NOW }, NOW);
    const region = lineBuckets(
      temp.store,
      { monitorId: 'api', region: 'eu', from: NOW - 4 * DAY, to: NOW },
      NOW,
      refinedBy(star),
    );
    expect(region.map((b) => [b.resolution, b.start])).toEqual(star.map((b) => [b.resolution, b.start]));
  });

  it('keeps only the buckets that overlap the range', () => {
    const from = NOW - 2 * DAY + 6 * HOUR;
    const buckets = lineBuckets(
      temp.store,
      { monitorId: 'api', region: 'eu', from, to: from + 6 * HOUR },
      NOW,
      (b) => b.resolution === 'day',
    );
    expect(layout(buckets)).toEqual({ hour: 6 });
    expect(buckets[0]!.start).toBe(from);
  });

  it('answers nothing for a monitor without history', () => {
    expect(lineBuckets(temp.store, { monitorId: 'nope', from: NOW - DAY, to: NOW }, NOW)).toEqual([]);
  });
});
