import {
  bucketStart,
  type CheckResult,
  chooseResolution,
  type LatencySummary,
  MonitorId,
  RESOLUTION_MS,
  RegionName,
  type Resolution,
  type RollupBucket,
  summarizeBucket,
} from '@vantage/shared';
import type Database from 'better-sqlite3';
import { z } from 'zod';
import { type ResultRow, resultFromRow } from './result-row.js';
import { ALL_REGIONS, RESOLUTIONS, type ResolutionIndex, ROLLUP_RETENTION_MS } from './rollup-rows.js';
import { RunReader } from './run-reader.js';
import { lineKey, type SeriesIndex } from './series-index.js';

/** A chart request: one monitor, one region or all of them, a time range [from, to) in epoch ms. */
export const ChartQuery = z
  .object({
    monitorId: MonitorId,
    /** Absent: every region together. */
    region: RegionName.optional(),
    from: z.number().int().nonnegative(),
    to: z.number().int().nonnegative(),
  })
  .refine((q) => q.to > q.from, { path: ['to'], message: 'must be after from' })
  .refine((q) => q.to - q.from <= 20 * 365 * RESOLUTION_MS.day, {
    path: ['from'],
    message: 'range is over 20 years',
  });
/** A chart request. */
export type ChartQuery = z.infer<typeof ChartQuery>;

/** One point of a chart: a bucket's counts, check-based uptime and latency, as shared's summarizeBucket gives them. */
export interface ChartPoint {
  start: number;
  up: number;
  degraded: number;
  down: number;
  count: number;
  /** Null when the bucket holds no checks. */
  uptime: number | null;
  /** Null when the bucket holds no up or degraded result. */
  latency: LatencySummary | null;
}

/** A chart: one point per bucket of the range, empty buckets included (count 0), oldest first. */
export interface ChartSeries {
  monitorId: string;
  /** The region, or `*` for all regions together. */
  region: string;
  resolution: Resolution;
  /** The range, widened to whole buckets. */
  from: number;
  to: number;
  points: ChartPoint[];
}

/**
 * The resolution a chart of [from, to) reads: shared's `chooseResolution`, made coarser while the
 * range starts before that resolution's rows are pruned (a week long ago reads days, not nothing).
 */
export function chartResolution(from: number, to: number, now: number): Resolution {
  let index = RESOLUTIONS.indexOf(chooseResolution(to - from));
  while (index < RESOLUTIONS.length - 1 && from < now - ROLLUP_RETENTION_MS[RESOLUTIONS[index]!]) index++;
  return RESOLUTIONS[index]!;
}

/** Reads charts from rollups and recent checks from raw rows. */
export class HistoryQueries {
  readonly #runs: RunReader;
  readonly #row: Database.Statement<[number], ResultRow>;

  constructor(
    db: Database.Database,
    private readonly series: SeriesIndex,
    private readonly now: () => number,
  ) {
    this.#runs = new RunReader(db);
    this.#row = db.prepare('SELECT * FROM results WHERE id = ?');
  }

  /**
   * A chart of a monitor over a range, read from rollup runs only (never raw results), at the
   * resolution {@link chartResolution} picks: each point is shared's summarizeBucket of its bucket.
   */
  chartSeries(query: ChartQuery): ChartSeries {
    const resolution = chartResolution(query.from, query.to, this.now());
    const size = RESOLUTION_MS[resolution];
    const from = bucketStart(query.from, resolution);
    const to = bucketStart(query.to - 1, resolution) + size;
    const region = query.region ?? ALL_REGIONS;
    const series = this.series.find(query.monitorId, region);
    const r = RESOLUTIONS.indexOf(resolution) as ResolutionIndex;
    const buckets =
      series === undefined ? [] : this.#runs.buckets(lineKey(series), r, from, to, query.monitorId, region);
    const points: ChartPoint[] = [];
    let next = 0;
    for (let start = from; start < to; start += size) {
      const bucket = buckets[next];
      if (bucket !== undefined && bucket.start === start) {
        points.push(toPoint(bucket));
        next++;
      } else points.push(emptyPoint(start));
    }
    return { monitorId: query.monitorId, region, resolution, from, to, points };
  }

  /**
   * The newest `n` checks of a monitor (in one region, or all), newest first, with phases and
   * messages. Each series' rows are walked from its newest back along their `prev` links, so the
   * cost is n primary-key reads per region however old or sparse the monitor's history is.
   */
  lastChecks(monitorId: string, n: number, region?: string): CheckResult[] {
    const limit = Math.max(0, Math.min(Math.floor(n), 1000));
    const checks: CheckResult[] = [];
    for (const s of this.series.seriesOf(monitorId)) {
      if (region !== undefined && s.region !== region) continue;
      let id = s.lastId;
      for (let i = 0; i < limit && id !== null; i++) {
        const row = this.#row.get(id);
        // Retention cut the chain here (or a link points elsewhere: never follow it out of the series).
        if (row === undefined || row.series !== s.id) break;
        const probeId = this.series.probeById(row.probe)?.probeId ?? `#${row.probe}`;
        checks.push(resultFromRow(row, probeId, s.monitorId, s.region));
        id = row.prev !== null && row.prev < row.id ? row.prev : null;
      }
    }
    return checks.sort((a, b) => b.ts - a.ts || (a.region < b.region ? -1 : 1)).slice(0, limit);
  }
}

function emptyPoint(start: number): ChartPoint {
  return { start, up: 0, degraded: 0, down: 0, count: 0, uptime: null, latency: null };
}

function toPoint(bucket: RollupBucket): ChartPoint {
  const { start, up, degraded, down, count, uptime, latency } = summarizeBucket(bucket);
  return { start, up, degraded, down, count, uptime, latency };
}
