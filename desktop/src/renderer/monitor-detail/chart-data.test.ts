import { describe, expect, it } from 'vitest';
import type { ChartPointView, ChartView, CheckView } from '../../contract/index.js';
import {
  availabilityCells,
  chartPoints,
  downsampleRows,
  latencyRows,
  mergeLiveChecks,
  phaseBreakdown,
  prependChecks,
  timeTicks,
} from './chart-data.js';
import { rangeWindow } from './time-ranges.js';

const T0 = 1_700_000_040_000 - (1_700_000_040_000 % 60_000);

function point(start: number, fields: Partial<ChartPointView> = {}): ChartPointView {
  const latency = { meanMs: 100, minMs: 50, maxMs: 150, p50Ms: 90, p95Ms: 140, p99Ms: 149 };
  return { start, up: 2, degraded: 0, down: 0, count: 2, uptime: 1, latency, ...fields };
}

function chart(region: string, points: ChartPointView[]): ChartView {
  return { monitorId: 'api', region, resolution: 'minute', from: T0, to: T0 + 5 * 60_000, points };
}

function check(fields: Partial<CheckView>): CheckView {
  return {
    probeId: 'p1',
    seq: 1,
    monitorId: 'api',
    region: 'eu',
    ts: T0,
    state: 'up',
    latencyMs: 200,
    message: '',
    attempts: 1,
    probeHealthy: true,
    ...fields,
  };
}

describe('latency chart rows', () => {
  it('joins regions by bucket and leaves gaps where a region had no checks', () => {
    const rows = latencyRows(
      [
        chart('eu', [point(T0), point(T0 + 60_000, { count: 0, latency: null, uptime: null })]),
        chart('us', [point(T0 + 60_000, { latency: { ...point(0).latency!, p95Ms: 300 } })]),
      ],
      'p95Ms',
    );
    expect(rows).toEqual([
      { t: T0, values: { eu: 140, us: null } },
      { t: T0 + 60_000, values: { eu: null, us: 300 } },
    ]);
  });
});

describe('chart points', () => {
  it('flattens rows with one prefixed key per region', () => {
    expect(chartPoints([{ t: 5, values: { t: 1, eu: null } }])).toEqual([{ t: 5, v_t: 1, v_eu: null }]);
  });
});

describe('thinning a long chart', () => {
  const rows = Array.from({ length: 1440 }, (_, i) => ({
    t: T0 + i * 60_000,
    values: { eu: i === 100 ? 900 : i >= 1000 && i < 1010 ? null : 100, us: null },
  }));

  it('keeps at most the rows asked for, spanning the same time', () => {
    const thin = downsampleRows(rows, 360, 'meanMs');
    expect(thin).toHaveLength(360);
    expect(thin[0]!.t).toBe(T0);
    expect(thin[1]!.t).toBe(T0 + 4 * 60_000);
  });

  it('averages runs, keeps spikes for the max figure, and keeps gaps as gaps', () => {
    expect(downsampleRows(rows, 360, 'meanMs')[25]!.values.eu).toBe(300);
    expect(downsampleRows(rows, 360, 'maxMs')[25]!.values.eu).toBe(900);
    expect(downsampleRows(rows, 360, 'meanMs')[0]!.values.us).toBeNull();
  });

  it('leaves a short chart as it is', () => {
    expect(downsampleRows(rows.slice(0, 10), 360, 'meanMs')).toEqual(rows.slice(0, 10));
  });
});

describe('the availability strip', () => {
  it('shows the worst state of each bucket and nothing for empty ones', () => {
    const cells = availabilityCells(
      chart('*', [
        point(T0),
        point(T0 + 60_000, { degraded: 1 }),
        point(T0 + 120_000, { down: 1, degraded: 1 }),
        point(T0 + 180_000, { count: 0, up: 0 }),
      ]),
    );
    expect(cells.map((cell) => cell.state)).toEqual(['up', 'degraded', 'down', 'none']);
  });

  it('merges buckets into at most the cells asked for, keeping the worst state', () => {
    const points = Array.from({ length: 1440 }, (_, i) =>
      point(T0 + i * 60_000, i === 700 ? { down: 1 } : {}),
    );
    const cells = availabilityCells(chart('*', points), 96);
    expect(cells).toHaveLength(96);
    expect(cells.filter((cell) => cell.state === 'down')).toHaveLength(1);
    expect(cells[0]!.count).toBe(15 * 2);
  });
});

describe('x axis ticks', () => {
  it('falls on round local times, every 3 hours for a day', () => {
    const from = Date.UTC(2024, 0, 1, 10, 17);
    const ticks = timeTicks(from, from + 86_400_000, 8, 0);
    expect(ticks[0]).toBe(Date.UTC(2024, 0, 1, 12));
    expect(ticks[1]! - ticks[0]!).toBe(3 * 3_600_000);
    expect(ticks.length).toBeLessThanOrEqual(8);
  });

  it('shifts to the local clock', () => {
    const from = Date.UTC(2024, 0, 1, 10, 17);
    const [first] = timeTicks(from, from + 3_600_000, 8, 2 * 3_600_000);
    // 10:17 UTC is 12:17 local; the first 10-minute tick is 12:20 local, 10:20 UTC.
    expect(first).toBe(Date.UTC(2024, 0, 1, 10, 20));
  });
});

describe('live checks folded into a chart', () => {
  it('adds a check to its bucket: counts, uptime and mean move, percentiles stay', () => {
    const merged = mergeLiveChecks(chart('eu', [point(T0)]), [check({ ts: T0 + 1000, latencyMs: 400 })]);
    const bucket = merged.points[0]!;
    expect(bucket.count).toBe(3);
    expect(bucket.latency!.meanMs).toBeCloseTo(200);
    expect(bucket.latency!.maxMs).toBe(400);
    expect(bucket.latency!.p95Ms).toBe(140);
  });

  it('counts a failed check against uptime without calling its time a response time', () => {
    const merged = mergeLiveChecks(chart('eu', [point(T0)]), [check({ state: 'down', latencyMs: 10_000 })]);
    expect(merged.points[0]!.uptime).toBeCloseTo(2 / 3);
    expect(merged.points[0]!.latency!.maxMs).toBe(150);
  });

  it('opens a bucket for a newer check and slides the window by the same amount', () => {
    const before = chart('eu', [point(T0), point(T0 + 4 * 60_000)]);
    const merged = mergeLiveChecks(before, [check({ ts: T0 + 6 * 60_000 + 5000, latencyMs: 80 })]);
    expect(merged.to - merged.from).toBe(before.to - before.from);
    expect(merged.to).toBe(T0 + 7 * 60_000);
    expect(merged.points.map((p) => p.start)).toEqual([T0 + 4 * 60_000, T0 + 6 * 60_000]);
    expect(merged.points[1]!.latency).toMatchObject({ meanMs: 80, p50Ms: 80 });
  });

  it("ignores other monitors' and other regions' checks, but the all-regions chart takes every region", () => {
    const eu = chart('eu', [point(T0)]);
    expect(mergeLiveChecks(eu, [check({ monitorId: 'other' }), check({ region: 'us' })])).toBe(eu);
    const all = mergeLiveChecks(chart('*', [point(T0)]), [check({ region: 'us' })]);
    expect(all.points[0]!.count).toBe(3);
  });
});

describe('phase breakdown', () => {
  it('averages each phase per region over checks that measured phases', () => {
    const rows = phaseBreakdown([
      check({ region: 'us', phases: { dnsMs: 10, connectMs: 20, ttfbMs: 100 } }),
      check({ region: 'eu', phases: { dnsMs: 4, connectMs: 6, tlsMs: 30, ttfbMs: 50, transferMs: 2 } }),
      check({ region: 'eu', phases: { dnsMs: 6, connectMs: 10, tlsMs: 50, ttfbMs: 70, transferMs: 4 } }),
      check({ region: 'eu' }),
    ]);
    expect(rows).toEqual([
      { region: 'eu', checks: 2, dnsMs: 5, connectMs: 8, tlsMs: 40, ttfbMs: 60, transferMs: 3 },
      { region: 'us', checks: 1, dnsMs: 10, connectMs: 20, tlsMs: 0, ttfbMs: 100, transferMs: 0 },
    ]);
  });
});

describe('the checks table', () => {
  it('puts new checks on top once each and keeps the limit', () => {
    const existing = [check({ seq: 2, ts: T0 + 2000 }), check({ seq: 1, ts: T0 + 1000 })];
    const rows = prependChecks(
      existing,
      [check({ seq: 3, ts: T0 + 3000 }), check({ seq: 2, ts: T0 + 2000 })],
      2,
    );
    expect(rows.map((row) => row.seq)).toEqual([3, 2]);
  });
});

describe('range windows', () => {
  it('ends on the next whole minute and spans the range', () => {
    const window = rangeWindow('24h', T0 + 30_000);
    expect(window.to).toBe(T0 + 60_000);
    expect(window.to - window.from).toBe(24 * 3_600_000);
    expect(rangeWindow('1h', T0 + 30_000)).toEqual(rangeWindow('1h', T0 + 40_000));
  });
});
