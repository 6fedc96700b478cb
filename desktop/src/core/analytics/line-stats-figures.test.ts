import { addResult, type CheckState, emptyBucket, type RollupBucket } from '@vantage/shared';
import { describe, expect, it } from 'vitest';
import type { RangeBuckets } from '../store/index.js';
import { lineStats } from './line-stats.js';

const MIN = 60_000;
const FROM = Date.UTC(2025, 5, 1);

function bucket(start: number, samples: Array<[CheckState, number]>): RollupBucket {
  const b = emptyBucket({ monitorId: 'api', region: 'eu-west', resolution: 'minute', start });
  samples.forEach(([state, latencyMs], i) => addResult(b, { ts: start + i, state, latencyMs }));
  return b;
}

function range(buckets: RollupBucket[]): RangeBuckets {
  return {
    monitorId: 'api',
    region: 'eu-west',
    resolution: 'minute',
    from: FROM,
    to: FROM + 60 * MIN,
    buckets,
  };
}

describe('lineStats', () => {
  it('merges buckets: uptime over every check, percentiles over every latency', () => {
    // 100 fast checks in one minute, 10 slow ones in another: the p95 must see the slow tail,
    // which averaging the two buckets' own p95s would blur.
    const fast = bucket(
      FROM,
      Array.from({ length: 100 }, () => ['up', 10] as [CheckState, number]),
    );
    const slow = bucket(FROM + MIN, [
      ...Array.from({ length: 8 }, () => ['degraded', 900] as [CheckState, number]),
      ['down', 10_000],
      ['down', 10_000],
    ]);
    const stats = lineStats(range([fast, slow]), []);
    expect(stats).toMatchObject({
      monitorId: 'api',
      region: 'eu-west',
      from: FROM,
      to: FROM + 60 * MIN,
      checks: 110,
    });
    expect(stats.uptime).toBeCloseTo(108 / 110, 10);
    expect(stats.latency?.minMs).toBe(10);
    expect(stats.latency?.maxMs).toBe(900);
    expect(stats.latency?.p50Ms).toBeCloseTo(10, 0);
    expect(stats.latency?.p99Ms).toBeGreaterThan(850);
    expect(stats.latency?.meanMs).toBeCloseTo((100 * 10 + 8 * 900) / 108, 6);
  });

  it('has no uptime or latency without checks', () => {
    expect(lineStats(range([]), [])).toMatchObject({ checks: 0, uptime: null, latency: null, incidents: 0 });
  });

  it('counts incidents that overlap the range, open ones included', () => {
    const to = FROM + 60 * MIN;
    const incidents = [
      { openedAt: FROM - 10 * MIN, resolvedAt: FROM - MIN }, // before
      { openedAt: FROM - 10 * MIN, resolvedAt: FROM + MIN }, // runs into the range
      { openedAt: FROM + 5 * MIN, resolvedAt: FROM + 6 * MIN }, // inside
      { openedAt: FROM + 50 * MIN }, // still open
      { openedAt: to, resolvedAt: to + MIN }, // after
    ];
    expect(lineStats(range([]), incidents).incidents).toBe(3);
  });
});
