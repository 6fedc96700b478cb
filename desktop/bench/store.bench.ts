/**
 * Desktop store figures:
 * - ingest rate through `ingestResults`, batched (5,000 results, five relay pages, per
 *   transaction; rollups written at checkpoints, the last one timed too) and idempotent (the
 *   same results again), for a realistic log: 200 monitors every
 *   60 s from one region (every result opens a new minute bucket twice, its region's and `*`),
 *   and from three regions, after a warm-up ingest into a throwaway store;
 * - a 30-day chart of one monitor and the dashboard of 2,000 monitors, on a store holding
 *   10,000,000 raw results (see bench-store-data.ts), median of repeated calls;
 * - bytes per raw result (row + identity index) and per rollup bucket of each resolution (buckets
 *   are stored in runs: the minutes of an hour, the hours of a day), measured with SQLite's dbstat
 *   on the store the ingest run filled (2 days of 200 monitors), and the size that makes for
 *   200 monitors × 90 days at 60 s with the default retention;
 * - the dashboard's first call is timed on a freshly opened store (its own SQLite cache empty,
 *   nothing read ahead at open), and opening the store is a row of its own, so no work can hide
 *   between the two.
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { BenchRow } from '../../scripts/bench.js';
import { openDesktopStore } from '../src/core/store/index.js';
import { runEntries } from '../src/core/store/rollup-rows.js';
import { pagesOf, syntheticResults } from '../src/core/store/testing/result-fixtures.js';
import { BENCH_MONITORS, BENCH_NOW, BENCH_RESULTS, benchMonitorId, benchStore } from './bench-store-data.js';

const DAY = 86_400_000;
const MB = 1024 * 1024;
const FROM = Date.UTC(2025, 2, 3);

function median(samples: number[]): number {
  const sorted = Float64Array.from(samples).sort();
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

function timed(runs: number, fn: () => unknown): number {
  for (let i = 0; i < 3; i++) fn();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    fn();
    samples.push(performance.now() - t);
  }
  return median(samples);
}

interface IngestRun {
  fresh: number;
  duplicates: number;
  path: string;
  dir: string;
}

/** Ingests `count` results of 200 monitors every 60 s from `regions`, 5,000 per call; rates in results/s. */
function ingestRun(regions: string[], count: number): IngestRun {
  const dir = mkdtempSync(join(tmpdir(), 'vantage-store-bench-'));
  const path = join(dir, 'vantage.db');
  const store = openDesktopStore(path, { now: () => FROM + 3 * DAY });
  const log = () =>
    pagesOf(syntheticResults({ monitors: 200, regions, intervalMs: 60_000, from: FROM, count }), 5_000);
  let ms = 0;
  for (const page of log()) {
    const t = performance.now();
    store.ingestResults(page, { relay: 'bench' });
    ms += performance.now() - t;
  }
  // Rollups are written at checkpoints: the last one, which a read or close would write, is part of the cost.
  const t = performance.now();
  store.checkpoint();
  ms += performance.now() - t;
  const fresh = (count * 1000) / ms;
  let dupMs = 0;
  let seen = 0;
  for (const page of log()) {
    if (seen >= 200_000) break;
    const t = performance.now();
    store.ingestResults(page, { relay: 'bench' });
    dupMs += performance.now() - t;
    seen += page.length;
  }
  store.close();
  return { fresh, duplicates: (seen * 1000) / dupMs, path, dir };
}

/** On-disk bytes of the raw rows, and per rollup bucket of each resolution (its runs copied into a table of their own to measure them). */
function storageOf(path: string): {
  raw: number;
  rows: number;
  perResolution: Array<{ bytes: number; buckets: number }>;
  file: number;
} {
  const file = statSync(path).size;
  const db = new Database(path);
  const size = (name: string) =>
    db.prepare<[string], { s: number | null }>('SELECT sum(pgsize) AS s FROM dbstat WHERE name = ?').get(name)
      ?.s ?? 0;
  const rows = db.prepare<[], { n: number }>('SELECT count(*) AS n FROM results').get()!.n;
  const raw = size('results') + size('results_identity');
  const ddl = db
    .prepare<[], { sql: string }>("SELECT sql FROM sqlite_schema WHERE name = 'rollup_runs'")
    .get()!.sql;
  const perResolution = ([0, 1, 2] as const).map((resolution) => {
    db.exec(
      `${ddl.replace('rollup_runs', 'measure')}; INSERT INTO measure SELECT * FROM rollup_runs WHERE resolution = ${resolution} ORDER BY start, line;`,
    );
    let buckets = 0;
    for (const { buckets: bytes } of db
      .prepare<[], { buckets: Buffer }>('SELECT buckets FROM measure')
      .iterate()) {
      buckets += runEntries(bytes, resolution)?.length ?? 0;
    }
    const measured = { bytes: size('measure'), buckets };
    db.exec('DROP TABLE measure');
    return measured;
  });
  db.close();
  return { raw, rows, perResolution, file };
}

/** The desktop store's bench rows. */
export default async function storeBench(): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  // A throwaway store first: the rates below are those of a long catch-up (a day offline is over a
  // million results), not of the compiler's first second on ingest code it has never run.
  rmSync(ingestRun(['eu-west', 'us-east', 'ap-south'], 60_000).dir, { recursive: true, force: true });
  const oneRegion = ingestRun(['eu-west'], 200 * 1440 * 2);
  rows.push(
    {
      figure: 'ingest, 200 monitors × 1 region at 60 s, 5,000 results per transaction',
      value: oneRegion.fresh,
      unit: 'results/s',
      target: '≥ 100,000/s',
    },
    {
      figure: 'ingest of the same results again (all duplicates)',
      value: oneRegion.duplicates,
      unit: 'results/s',
      target: '≥ 100,000/s',
    },
  );
  const threeRegions = ingestRun(['eu-west', 'us-east', 'ap-south'], 300_000);
  rmSync(threeRegions.dir, { recursive: true, force: true });
  rows.push({
    figure: 'ingest, 200 monitors × 3 regions at 60 s, 5,000 results per transaction',
    value: threeRegions.fresh,
    unit: 'results/s',
    target: '≥ 100,000/s',
  });

  // Storage, from the 2-day single-region store: per day, 200 × 1,440 results and as many minute rows ×2 (region and *).
  const s = storageOf(oneRegion.path);
  rmSync(oneRegion.dir, { recursive: true, force: true });
  const perRaw = s.raw / s.rows;
  const [minute, hour, day] = s.perResolution.map((r) => r.bytes / r.buckets) as [number, number, number];
  const perDay = {
    raw: 200 * 1440 * perRaw,
    minute: 200 * 1440 * 2 * minute,
    hour: 200 * 24 * 2 * hour,
    day: 200 * 2 * day,
  };
  const projected = 30 * perDay.raw + 2 * perDay.minute + 90 * perDay.hour + 90 * perDay.day;
  rows.push(
    { figure: 'bytes per raw result (row + (probe, seq) index)', value: perRaw, unit: 'B' },
    { figure: 'bytes per rollup bucket, minute (stored in runs of 60)', value: minute, unit: 'B' },
    { figure: 'bytes per rollup bucket, hour (stored in runs of 24)', value: hour, unit: 'B' },
    { figure: 'bytes per rollup bucket, day', value: day, unit: 'B' },
    { figure: 'store file ÷ raw results after 2 days (rollups included)', value: s.file / s.rows, unit: 'B' },
    {
      figure: 'projected store, 200 monitors × 90 days at 60 s (30 d raw, 2 d minutes, hours, days)',
      value: projected / MB,
      unit: 'MiB',
      baseline: 'Uptime Kuma',
      baselineValue: 6 * 1024,
      target: '< 1 GB',
    },
    {
      figure: 'the same keeping all 90 days of raw results (as Uptime Kuma does)',
      value: (projected + 60 * perDay.raw) / MB,
      unit: 'MiB',
      baseline: 'Uptime Kuma',
      baselineValue: 6 * 1024,
    },
  );

  const path = benchStore((line) => process.stderr.write(`${line}\n`));
  const open = () => openDesktopStore(path, { now: () => BENCH_NOW });
  const monitorId = benchMonitorId(777);
  const chartQuery = { monitorId, from: BENCH_NOW - 30 * DAY, to: BENCH_NOW };
  // The first dashboard of an opened store builds its bars from the series rows' recent hours; later ones too.
  const opening: number[] = [];
  const firstDashboard: number[] = [];
  for (let i = 0; i < 3; i++) {
    let t = performance.now();
    const store = open();
    opening.push(performance.now() - t);
    t = performance.now();
    store.dashboardSummary();
    firstDashboard.push(performance.now() - t);
    store.close();
  }
  const store = open();
  try {
    const chart = store.chartSeries(chartQuery);
    if (chart.resolution !== 'hour' || chart.points.filter((p) => p.count > 0).length < 700) {
      throw new Error(`bench store chart looks wrong: ${chart.resolution}, ${chart.points.length} points`);
    }
    const dashboard = store.dashboardSummary();
    if (dashboard.length !== BENCH_MONITORS || dashboard[0]!.uptime24h === null) {
      throw new Error('bench store dashboard looks wrong');
    }
    const first = store.chartSeries({ ...chartQuery, monitorId: benchMonitorId(1234) });
    rows.push(
      {
        figure: `30-day chart of one monitor (720 hourly points), ${(BENCH_RESULTS / 1e6).toFixed(0)} M raw results in the store`,
        value: timed(50, () => store.chartSeries(chartQuery)),
        unit: 'ms',
        target: '< 5 ms',
      },
      {
        figure: `dashboard summary of ${BENCH_MONITORS.toLocaleString('en-US')} monitors (state, latency, regions, 24 h bars and uptime)`,
        value: timed(20, () => store.dashboardSummary()),
        unit: 'ms',
        target: '< 50 ms',
      },
      {
        figure:
          'the same, first call after opening the store (hourly counts from the series rows read at open)',
        value: median(firstDashboard),
        unit: 'ms',
        target: '< 50 ms',
      },
      {
        figure: 'the same, slowest of the 3 first calls',
        value: Math.max(...firstDashboard),
        unit: 'ms',
        target: '< 50 ms',
      },
      {
        figure: `opening the store (${BENCH_MONITORS.toLocaleString('en-US')} monitor configs validated, series read)`,
        value: median(opening),
        unit: 'ms',
      },
    );
    if (first.points.length !== 720) throw new Error('bench store chart looks wrong');
  } finally {
    store.close();
  }
  return rows;
}
