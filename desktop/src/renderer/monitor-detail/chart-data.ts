import { bucketStart, checkUptime, RESOLUTION_MS } from '@vantage/shared';
import type { ChartPointView, ChartView, CheckView } from '../../contract/index.js';

/** Which latency figure of a bucket the chart draws. */
export type LatencyMetric = 'meanMs' | 'p50Ms' | 'p95Ms' | 'p99Ms' | 'maxMs';

/** One x position of the latency chart: the bucket start and each region's figure (null = no checks). */
export interface LatencyRow {
  t: number;
  values: Record<string, number | null>;
}

/**
 * Joins per-region charts into rows for a multi-line chart: one row per bucket start present in
 * any region, oldest first; a region without checks in a bucket has null there, so its line
 * breaks rather than inventing a value.
 */
export function latencyRows(charts: readonly ChartView[], metric: LatencyMetric): LatencyRow[] {
  const rows = new Map<number, LatencyRow>();
  const regions = charts.map((chart) => chart.region);
  for (const chart of charts) {
    for (const point of chart.points) {
      let row = rows.get(point.start);
      if (row === undefined) {
        row = { t: point.start, values: Object.fromEntries(regions.map((region) => [region, null])) };
        rows.set(point.start, row);
      }
      row.values[chart.region] = point.latency === null || point.count === 0 ? null : point.latency[metric];
    }
  }
  return [...rows.values()].sort((a, b) => a.t - b.t);
}

/** The data key of a region's line in chart points (prefixed so no region can clash with `t`). */
export function seriesKey(region: string): string {
  return `v_${region}`;
}

/** Rows as flat points for recharts: `{ t, v_<region>: ms | null, … }`, so every line has a plain string key. */
export function chartPoints(rows: readonly LatencyRow[]): Record<string, number | null>[] {
  return rows.map((row) => {
    const point: Record<string, number | null> = { t: row.t };
    for (const [region, value] of Object.entries(row.values)) point[seriesKey(region)] = value;
    return point;
  });
}

/**
 * Thins rows to at most `maxRows` by merging runs of neighbours (a day of minutes is 1,440 rows
 * for a chart a few hundred pixels wide). A merged value is the mean of the run's values, or their
 * maximum for the `maxMs` figure, so a spike never disappears; a run without values stays a gap.
 */
export function downsampleRows(
  rows: readonly LatencyRow[],
  maxRows: number,
  metric: LatencyMetric,
): LatencyRow[] {
  if (rows.length <= maxRows) return [...rows];
  const per = Math.ceil(rows.length / maxRows);
  const merged: LatencyRow[] = [];
  for (let i = 0; i < rows.length; i += per) {
    const run = rows.slice(i, i + per);
    const values: Record<string, number | null> = {};
    for (const region of Object.keys(run[0]!.values)) {
      const present = run
        .map((row) => row.values[region])
        .filter((value): value is number => typeof value === 'number');
      values[region] =
        present.length === 0
          ? null
          : metric === 'maxMs'
            ? Math.max(...present)
            : present.reduce((sum, value) => sum + value, 0) / present.length;
    }
    merged.push({ t: run[0]!.t, values });
  }
  return merged;
}

/** One cell of the availability strip under the chart (one or more buckets). */
export interface AvailabilityCell {
  t: number;
  state: 'up' | 'degraded' | 'down' | 'none';
  uptime: number | null;
  count: number;
}

/**
 * The availability strip of a chart: the worst state seen in each cell. Buckets are merged so
 * that there are at most `maxCells` cells (a day of minutes would be 1,440 hairlines).
 */
export function availabilityCells(chart: ChartView, maxCells = 96): AvailabilityCell[] {
  const per = Math.max(1, Math.ceil(chart.points.length / maxCells));
  const cells: AvailabilityCell[] = [];
  for (let i = 0; i < chart.points.length; i += per) {
    const group = chart.points.slice(i, i + per);
    const sum = (key: 'up' | 'degraded' | 'down' | 'count') =>
      group.reduce((acc, point) => acc + point[key], 0);
    const [up, degraded, down, count] = [sum('up'), sum('degraded'), sum('down'), sum('count')];
    cells.push({
      t: group[0]!.start,
      state: count === 0 ? 'none' : down > 0 ? 'down' : degraded > 0 ? 'degraded' : 'up',
      uptime: checkUptime([{ up, degraded, count }]),
      count,
    });
  }
  return cells;
}

const TICK_STEPS = [1, 5, 10, 15, 30, 60, 120, 180, 360, 720, 1440, 2880, 10_080, 20_160].map(
  (m) => m * 60_000,
);

/**
 * Round times for the chart's x axis: at most `maxTicks`, on whole steps of local time (`offsetMs`
 * is what to add to UTC to get local time), e.g. every 3 hours for a day.
 */
export function timeTicks(from: number, to: number, maxTicks = 8, offsetMs = 0): number[] {
  const step = TICK_STEPS.find((candidate) => (to - from) / candidate <= maxTicks) ?? TICK_STEPS.at(-1)!;
  const ticks: number[] = [];
  for (let t = Math.ceil((from + offsetMs) / step) * step - offsetMs; t <= to; t += step) ticks.push(t);
  return ticks;
}

/**
 * Folds live checks into a chart so that it moves without refetching: each check lands in its
 * bucket (counts, uptime, mean/min/max; percentiles of a bucket that had checks stay as the core
 * computed them), a check past the last bucket opens a new one, and the window slides so its
 * length stays the same. Checks of other monitors or regions, or older than the window, are ignored.
 */
export function mergeLiveChecks(chart: ChartView, checks: readonly CheckView[]): ChartView {
  const size = RESOLUTION_MS[chart.resolution];
  const mine = checks.filter(
    (check) =>
      check.monitorId === chart.monitorId &&
      (chart.region === '*' || check.region === chart.region) &&
      check.ts >= chart.from,
  );
  if (mine.length === 0) return chart;
  const points = new Map(chart.points.map((point) => [point.start, point]));
  let to = chart.to;
  for (const check of mine) {
    const start = bucketStart(check.ts, chart.resolution);
    points.set(start, addCheck(points.get(start), start, check));
    to = Math.max(to, start + size);
  }
  const from = chart.from + (to - chart.to);
  const kept = [...points.values()]
    .filter((point) => point.start >= from - size + 1)
    .sort((a, b) => a.start - b.start);
  return { ...chart, from, to, points: kept };
}

function addCheck(point: ChartPointView | undefined, start: number, check: CheckView): ChartPointView {
  const before = point ?? { start, up: 0, degraded: 0, down: 0, count: 0, uptime: null, latency: null };
  const up = before.up + (check.state === 'up' ? 1 : 0);
  const degraded = before.degraded + (check.state === 'degraded' ? 1 : 0);
  const down = before.down + (check.state === 'down' ? 1 : 0);
  const count = before.count + 1;
  const uptime = checkUptime([{ up, degraded, count }]);
  // Like the core's rollups, latency covers answered checks only: a failed check's time is not a response time.
  if (check.state === 'down') return { start, up, degraded, down, count, uptime, latency: before.latency };
  const ms = check.latencyMs;
  const answered = before.up + before.degraded;
  const latency =
    before.latency === null || answered === 0
      ? { meanMs: ms, minMs: ms, maxMs: ms, p50Ms: ms, p95Ms: ms, p99Ms: ms }
      : {
          ...before.latency,
          meanMs: (before.latency.meanMs * answered + ms) / (answered + 1),
          minMs: Math.min(before.latency.minMs, ms),
          maxMs: Math.max(before.latency.maxMs, ms),
        };
  return { start, up, degraded, down, count, uptime, latency };
}

/** The phases of a check in the order they happen, with their labels. */
export const PHASES = [
  { key: 'dnsMs', label: 'DNS' },
  { key: 'connectMs', label: 'Connect' },
  { key: 'tlsMs', label: 'TLS' },
  { key: 'ttfbMs', label: 'First byte' },
  { key: 'transferMs', label: 'Transfer' },
] as const;
/** One phase's key in {@link PhaseTimings}. */
export type PhaseKey = (typeof PHASES)[number]['key'];

/** A region's average phase timings over recent checks. */
export type PhaseRow = { region: string; checks: number } & Record<PhaseKey, number>;

/**
 * The average time each phase took per region, over the checks that reported phases (a phase a
 * check skipped, such as TLS on plain HTTP, counts as 0). Regions in name order.
 */
export function phaseBreakdown(checks: readonly CheckView[]): PhaseRow[] {
  const sums = new Map<string, PhaseRow>();
  for (const check of checks) {
    if (check.phases === undefined) continue;
    let row = sums.get(check.region);
    if (row === undefined) {
      row = { region: check.region, checks: 0, dnsMs: 0, connectMs: 0, tlsMs: 0, ttfbMs: 0, transferMs: 0 };
      sums.set(check.region, row);
    }
    row.checks += 1;
    for (const { key } of PHASES) row[key] += check.phases[key] ?? 0;
  }
  return [...sums.values()]
    .map((row) => {
      const average = { ...row };
      for (const { key } of PHASES) average[key] = row[key] / row.checks;
      return average;
    })
    .sort((a, b) => a.region.localeCompare(b.region));
}

/**
 * The newest-first checks table after live checks arrived: new ones on top, each check once
 * (by probe id and sequence), at most `limit` rows.
 */
export function prependChecks(
  existing: readonly CheckView[],
  incoming: readonly CheckView[],
  limit: number,
): CheckView[] {
  const seen = new Set<string>();
  const merged: CheckView[] = [];
  const fresh = [...incoming].sort((a, b) => b.ts - a.ts);
  for (const check of [...fresh, ...existing]) {
    const key = `${check.probeId}:${check.seq}`;
    if (seen.has(key)) continue;
    seen.add(key);
    merged.push(check);
  }
  return merged.sort((a, b) => b.ts - a.ts).slice(0, limit);
}
