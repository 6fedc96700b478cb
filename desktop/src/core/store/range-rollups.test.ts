import { absorbBucket, emptyBucket, foldResults, quantile, rollupRange } from '@vantage/shared';
import { afterEach, describe, expect, it } from 'vitest';
import { type TempStore, tempStore } from './testing/temp-store.js';
import { monitorIdOf, syntheticResults } from './testing/result-fixtures.js';

const DAY = 86_400_000;
const FROM = Date.UTC(2025, 2, 1);
const NOW = FROM + 2 * DAY;
const REGIONS = ['eu-west', 'us-east'];

let temp: TempStore | undefined;
afterEach(() => temp?.dispose());

describe('rangeBuckets', () => {
  it('returns the stored buckets of a range whose merge equals the raw results folded at once', () => {
    temp = tempStore({ now: () => NOW });
    // 2 monitors × 2 regions every 5 minutes for a day.
    const log = [
      ...syntheticResults({
        monitors: 2,
        regions: REGIONS,
        intervalMs: 300_000,
        from: FROM,
        count: 2 * 2 * 288,
      }),
    ];
    temp.store.ingestResults(log, { relay: 'ws://relay' });
    const monitorId = monitorIdOf(1);
    const from = FROM + 6 * 3_600_000;
    const to = FROM + 12 * 3_600_000;

    const range = temp.store.rangeBuckets({ monitorId, region: 'eu-west', from, to });
    expect(range).toMatchObject({ monitorId, region: 'eu-west', resolution: 'minute', from, to });
    const merged = emptyBucket({ monitorId, region: 'eu-west', resolution: 'minute', start: 0 });
    for (const b of range.buckets) absorbBucket(merged, b);

    const raw = log.filter(
      (r) =>
        r.monitorId === monitorId && r.region === 'eu-west' && r.ts >= from && r.ts < to && r.probeHealthy,
    );
    expect(range.buckets.map((b) => b.start)).toEqual([...new Set(raw.map((r) => r.ts - (r.ts % 60_000)))]);
    const [whole] = rollupRange(foldResults(raw), 'day');
    expect(merged.count).toBe(whole!.count);
    expect(merged.down).toBe(whole!.down);
    expect(merged.latencySumUs).toBe(whole!.latencySumUs);
    expect(quantile(merged, 0.95)).toBeCloseTo(quantile(whole!, 0.95)!, 6);
  });

  it('reads the all-regions line when no region is named, and nothing for an unknown monitor', () => {
    temp = tempStore({ now: () => NOW });
    temp.store.ingestResults(
      [...syntheticResults({ monitors: 1, regions: REGIONS, intervalMs: 60_000, from: FROM, count: 120 })],
      { relay: 'ws://relay' },
    );
    const all = temp.store.rangeBuckets({ monitorId: monitorIdOf(0), from: FROM, to: FROM + 3_600_000 });
    expect(all.region).toBe('*');
    expect(all.buckets.reduce((n, b) => n + b.count, 0)).toBeGreaterThan(100);
    expect(temp.store.rangeBuckets({ monitorId: 'nope', from: FROM, to: NOW }).buckets).toEqual([]);
  });
});

describe('desktopId', () => {
  it('is created once and kept across reopening', () => {
    temp = tempStore();
    const id = temp.store.desktopId;
    expect(id).toMatch(/^desktop-[0-9a-f]{12}$/);
    temp.store.settings.update({ theme: 'dark' });
    expect(temp.reopen().desktopId).toBe(id);
    expect(temp.store.settings.get().theme).toBe('dark');
  });
});
