import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { pagesOf, syntheticResults } from './testing/result-fixtures.js';
import { expectedRollups, readStoredResults, readStoredRollups } from './testing/store-inspection.js';
import { type TempStore, tempStore } from './testing/temp-store.js';

const DAY = 86_400_000;
const FROM = Date.UTC(2025, 0, 1);
const NOW = FROM + 120 * DAY;

let temp: TempStore;
beforeEach(() => {
  temp = tempStore({ now: () => NOW });
  // 2 monitors × 2 regions every 2 hours for 120 days.
  const log = syntheticResults({
    monitors: 2,
    regions: ['eu-west', 'us-east'],
    intervalMs: 2 * 3_600_000,
    from: FROM,
    count: 4 * 12 * 120,
  });
  for (const page of pagesOf(log, 1000)) temp.store.ingestResults(page, { relay: 'ws://relay/ws' });
});
afterEach(() => temp.dispose());

function snapshot() {
  temp.store.close();
  const seen = { results: readStoredResults(temp.path), rollups: readStoredRollups(temp.path) };
  temp.reopen();
  return seen;
}

const resolutionOf = (key: string) => key.split('/')[2];
const startOf = (key: string) => Number(key.split('/')[3]);

describe('pruneHistory', () => {
  it('deletes raw results past the retention setting and fine rollups past their horizons, leaving the rest as it was', () => {
    const before = snapshot();
    const outcome = temp.store.pruneHistory();
    const after = snapshot();

    const kept = before.results.filter((r) => r.ts >= NOW - 30 * DAY);
    expect(after.results).toEqual(kept);
    expect(outcome.rawResults).toBe(before.results.length - kept.length);

    const survives = (key: string) =>
      (resolutionOf(key) === 'minute' && startOf(key) >= NOW - 2 * DAY) ||
      (resolutionOf(key) === 'hour' && startOf(key) >= NOW - 100 * DAY) ||
      resolutionOf(key) === 'day';
    expect(after.rollups).toEqual(before.rollups.filter((r) => survives(r.key)));
    expect(after.rollups.filter((r) => resolutionOf(r.key) === 'day')).toHaveLength(2 * 3 * 120);
    expect(outcome.minuteRollups + outcome.hourRollups).toBe(before.rollups.length - after.rollups.length);
  });

  it('follows a changed retention setting and keeps ingesting afterwards', () => {
    temp.store.settings.update({ rawRetentionDays: 7 });
    temp.store.pruneHistory();
    const late = [
      ...syntheticResults({
        monitors: 2,
        regions: ['eu-west', 'us-east'],
        intervalMs: 60_000,
        from: NOW,
        count: 8,
        cursorBase: 5_760,
      }),
    ].map((r, i) => ({ ...r, seq: 100_000 + i }));
    expect(temp.store.ingestResults(late, { relay: 'ws://relay/ws' }).inserted).toBe(8);
    const { results } = snapshot();
    expect(Math.min(...results.map((r) => r.ts))).toBeGreaterThanOrEqual(NOW - 7 * DAY);
    expect(temp.store.lastChecks('mon-0000', 3).map((c) => c.ts)).toEqual(
      late
        .filter((r) => r.monitorId === 'mon-0000')
        .map((r) => r.ts)
        .sort((a, b) => b - a)
        .slice(0, 3),
    );
  });

  it('keeps folding into the buckets it holds across passes that remove rollups and passes that remove none', () => {
    const more = (from: number, cursorBase: number, seqBase: number) =>
      [
        ...syntheticResults({
          monitors: 2,
          regions: ['eu-west', 'us-east'],
          intervalMs: 20_000,
          from,
          count: 40,
          cursorBase,
        }),
      ].map((r, i) => ({ ...r, seq: seqBase + i }));
    temp.store.ingestResults(more(NOW - 60_000, 10_000, 200_000), { relay: 'ws://relay/ws' });
    expect(temp.store.pruneHistory().minuteRollups).toBeGreaterThan(0);
    // Same minutes again: the buckets the first pass left in memory and on disk must agree.
    temp.store.ingestResults(more(NOW - 50_000, 10_100, 300_000), { relay: 'ws://relay/ws' });
    const quiet = temp.store.pruneHistory();
    expect(quiet.minuteRollups + quiet.hourRollups).toBe(0);
    temp.store.ingestResults(more(NOW - 40_000, 10_200, 400_000), { relay: 'ws://relay/ws' });
    // Every bucket of the last day, the one these passes and batches touched, as raw rows recompute it.
    const { results, rollups } = snapshot();
    const lastDay = (r: { key: string }) => startOf(r.key) >= NOW - DAY;
    expect(rollups.filter(lastDay)).toEqual(
      expectedRollups(results.filter((r) => r.ts >= NOW - DAY)).filter(lastDay),
    );
  });
});
