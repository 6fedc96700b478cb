/**
 * The large store the query figures read: 2,000 monitors in one region, 10,000,000 raw results
 * over 30 days (one per monitor every 518.4 s), and the rollups those results make (minutes for
 * the last 2 days, hours and days for all 30, as runs) and each `*` series' recent hours, built
 * with shared's rollup code and the store's own formats. Raw rows come from one INSERT … SELECT over a recursive CTE; rollups are folded here
 * from the same deterministic formula. Built once (about a minute) and kept under
 * node_modules/.cache: a later run reuses the file.
 */
import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  addResult,
  emptyBucket,
  encodeRunEntry,
  joinRunEntries,
  RESOLUTION_MS,
  type RollupBucket,
  validateMonitor,
} from '@vantage/shared';
import Database from 'better-sqlite3';
import { openDesktopStore } from '../src/core/store/index.js';
import { applyHour, emptyRecentHours, encodeRecentHours } from '../src/core/store/recent-hours.js';
import {
  RESOLUTIONS,
  type ResolutionIndex,
  RUN_BUCKETS,
  RUN_MS,
  runStart,
} from '../src/core/store/rollup-rows.js';

/** Monitors in the bench store. */
export const BENCH_MONITORS = 2_000;
/** Raw results in the bench store. */
export const BENCH_RESULTS = 10_000_000;
/** The bench store's "now": the end of its data. */
export const BENCH_NOW = Date.UTC(2025, 6, 1);
const DAY = 86_400_000;
const START = BENCH_NOW - 30 * DAY;
const ROUNDS = BENCH_RESULTS / BENCH_MONITORS;
const INTERVAL = (30 * DAY) / ROUNDS;
const STAGGER = 200;
const REGION = 'eu-west';
/** Where the bench store is cached between runs (`-v3`: bump it when the schema or data change). */
export const BENCH_STORE = fileURLToPath(
  new URL('../../node_modules/.cache/vantage-bench/desktop-store-10m-v3.db', import.meta.url),
);

/** Monitor ids of the bench store. */
export const benchMonitorId = (m: number) => `mon-${String(m).padStart(4, '0')}`;

// Result i = round × monitors + monitor. Integer-only formulas, identical in SQL and here.
const tsOf = (k: number, m: number) => START + k * INTERVAL + m * STAGGER;
const hashOf = (i: number) => (i * 7919) % 1000;
const stateOf = (h: number) => (h < 5 ? 2 : h < 30 ? 1 : 0);
const latencyUsOf = (i: number, state: number) =>
  state === 2 ? 10_000_000 : 20_000 + ((i * 104_729) % 300_000);
const STATES = ['up', 'degraded', 'down'] as const;

/** The bench store's path, building it first if no complete one is cached. */
export function benchStore(log: (line: string) => void): string {
  if (existsSync(BENCH_STORE)) return BENCH_STORE;
  mkdirSync(dirname(BENCH_STORE), { recursive: true });
  const building = `${BENCH_STORE}.building`;
  for (const suffix of ['', '-wal', '-shm']) rmSync(building + suffix, { force: true });
  openDesktopStore(building).close();
  const db = new Database(building);
  db.pragma('journal_mode = OFF');
  db.pragma('synchronous = OFF');
  db.pragma('cache_size = -262144');
  const t0 = performance.now();
  writeDictionaries(db);
  writeRawResults(db);
  log(`  raw results written in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  writeRollups(db);
  log(`  rollups written in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  db.pragma('journal_mode = WAL');
  db.close();
  renameSync(building, BENCH_STORE);
  return BENCH_STORE;
}

function writeDictionaries(db: Database.Database): void {
  const monitor = db.prepare(
    'INSERT INTO monitors (id, config, revision, created_at, updated_at) VALUES (?, ?, 1, ?, ?)',
  );
  const series = db.prepare(
    'INSERT INTO series (id, monitor_id, region, last_ts, last_state, last_latency_us, last_message, last_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
  );
  db.transaction(() => {
    for (let m = 0; m < BENCH_MONITORS; m++) {
      const id = benchMonitorId(m);
      const checked = validateMonitor({
        id,
        name: `Service ${m}`,
        type: 'http',
        url: `https://s${m}.example.com/health`,
        regions: [REGION],
      });
      if (!checked.ok) throw new Error(JSON.stringify(checked.error));
      monitor.run(id, JSON.stringify(checked.value), START, START);
      const i = (ROUNDS - 1) * BENCH_MONITORS + m;
      const state = stateOf(hashOf(i));
      const last = [
        tsOf(ROUNDS - 1, m),
        state,
        latencyUsOf(i, state),
        state === 2 ? 'connect ECONNREFUSED' : '',
      ] as const;
      series.run(m + 1, id, REGION, ...last, i + 1);
      series.run(BENCH_MONITORS + m + 1, id, '*', ...last, null);
    }
    db.prepare('INSERT INTO result_probes (id, probe_id, max_seq) VALUES (1, ?, ?)').run(
      `probe-${REGION}`,
      BENCH_RESULTS,
    );
    db.prepare('INSERT INTO sync_state (relay, cursor, updated_at) VALUES (?, ?, ?)').run(
      'bench',
      BENCH_RESULTS,
      BENCH_NOW,
    );
  })();
}

function writeRawResults(db: Database.Database): void {
  const n = BENCH_MONITORS;
  db.exec(`
    WITH RECURSIVE seq(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM seq WHERE i < ${BENCH_RESULTS - 1}),
    r AS (SELECT i, i / ${n} AS k, i % ${n} AS m, (i * 7919) % 1000 AS h FROM seq),
    s AS (SELECT i, k, m, h, CASE WHEN h < 5 THEN 2 WHEN h < 30 THEN 1 ELSE 0 END AS state FROM r)
    INSERT INTO results (id, probe, seq, series, prev, ts, state, latency_us, dns_us, connect_us, tls_us, ttfb_us,
      transfer_us, status_code, message, attempts, probe_healthy, revision, extra)
    SELECT i + 1, 1, i + 1, m + 1, CASE WHEN i >= ${n} THEN i + 1 - ${n} END,
      ${START} + k * ${INTERVAL} + m * ${STAGGER}, state,
      CASE WHEN state = 2 THEN 10000000 ELSE 20000 + (i * 104729) % 300000 END,
      1250, 2500 + (h % 10) * 1000, 1800, 9000, 750,
      CASE WHEN state = 2 THEN NULL ELSE 200 END, CASE WHEN state = 2 THEN 'connect ECONNREFUSED' END,
      CASE WHEN state = 2 THEN 2 ELSE 1 END, 1, 3, NULL
    FROM s`);
}

/** Folds and writes rollup runs in time order (the table is time-major), '*' runs equal to the one region's. */
function writeRollups(db: Database.Database): void {
  const values = '(?, ?, ?, ?)';
  const sql = 'INSERT INTO rollup_runs (resolution, start, line, buckets) VALUES ';
  const one = db.prepare(sql + values);
  const many = db.prepare(sql + new Array(50).fill(values).join(', '));
  const args: unknown[] = [];
  const put = (row: unknown[]) => {
    args.push(...row);
    if (args.length === 200) {
      many.run(args);
      args.length = 0;
    }
  };
  const flush = () => {
    for (let i = 0; i < args.length; i += 4) one.run(args.slice(i, i + 4));
    args.length = 0;
  };
  const fold = (
    resolution: 'minute' | 'hour' | 'day',
    from: number,
    to: number,
  ): Array<RollupBucket | null> => {
    const out: Array<RollupBucket | null> = [];
    for (let m = 0; m < BENCH_MONITORS; m++) {
      const bucket = emptyBucket({ monitorId: benchMonitorId(m), region: REGION, resolution, start: from });
      for (let k = Math.max(0, Math.ceil((from - START - m * STAGGER) / INTERVAL)); k < ROUNDS; k++) {
        const ts = tsOf(k, m);
        if (ts >= to) break;
        const i = k * BENCH_MONITORS + m;
        const state = stateOf(hashOf(i));
        addResult(bucket, { ts, state: STATES[state]!, latencyMs: latencyUsOf(i, state) / 1000 });
      }
      out.push(bucket.count > 0 ? bucket : null);
    }
    return out;
  };
  const writeRuns = (r: ResolutionIndex, from: number) => {
    const resolution = RESOLUTIONS[r]!;
    const size = RESOLUTION_MS[resolution];
    for (let run = runStart(from, r); run < BENCH_NOW; run += RUN_MS[r]!) {
      const entries: Uint8Array[][] = Array.from({ length: BENCH_MONITORS }, () => []);
      for (let index = 0; index < RUN_BUCKETS[r]!; index++) {
        const start = run + index * size;
        if (start < from || start >= BENCH_NOW) continue;
        fold(resolution, start, start + size).forEach((bucket, m) => {
          if (bucket === null) return;
          entries[m]!.push(encodeRunEntry(bucket, index));
          if (r === 1) applyHour(recent[m]!, start, bucket);
        });
      }
      // Primary-key order: the '*' lines (negative keys, most negative first), then the region lines.
      for (let m = BENCH_MONITORS - 1; m >= 0; m--) {
        if (entries[m]!.length > 0) put([r, run, -(BENCH_MONITORS + m + 1), joinRunEntries(entries[m]!)]);
      }
      for (let m = 0; m < BENCH_MONITORS; m++) {
        if (entries[m]!.length > 0) put([r, run, m + 1, joinRunEntries(entries[m]!)]);
      }
      flush();
    }
  };
  // What ingest keeps on each '*' series row for the dashboard (see recent-hours.ts).
  const recent = Array.from({ length: BENCH_MONITORS }, () => emptyRecentHours());
  const saveRecent = db.prepare('UPDATE series SET recent_hours = ? WHERE id = ?');
  db.transaction(() => {
    writeRuns(0, BENCH_NOW - 2 * DAY);
    writeRuns(1, START);
    writeRuns(2, START);
    recent.forEach((hours, m) => saveRecent.run(encodeRecentHours(hours), BENCH_MONITORS + m + 1));
  })();
}
