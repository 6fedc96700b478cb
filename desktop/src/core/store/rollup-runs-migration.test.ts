import { encodeBucket, foldResults, rollupRange } from '@vantage/shared';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DESKTOP_MIGRATIONS } from './desktop-migrations.js';
import { openDesktopStore } from './index.js';
import { openDesktopDatabase } from './open-desktop-database.js';
import { ALL_REGIONS, RESOLUTIONS } from './rollup-rows.js';
import { monitorIdOf, pagesOf, syntheticResults } from './testing/result-fixtures.js';
import { expectedRollups, readStoredResults, readStoredRollups } from './testing/store-inspection.js';

const FROM = Date.UTC(2025, 2, 1, 22, 30);
const NOW = FROM + 3 * 86_400_000;
const RELAY = 'ws://127.0.0.1:7070/ws';
const BEFORE_RUNS = DESKTOP_MIGRATIONS.findIndex((m) => m.name === 'rollups stored as runs of buckets');

let dir: string;
let path: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'vantage-desktop-runs-'));
  path = join(dir, 'vantage.db');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

// 4 monitors × 2 regions every minute for 3 hours across midnight: minutes, hours and days to convert.
const log = [
  ...syntheticResults({
    monitors: 4,
    regions: ['eu-west', 'us-east'],
    intervalMs: 60_000,
    from: FROM,
    count: 1440,
  }),
];

/** A file at the version before runs, holding `results`' series, raw rows and one rollup row per bucket. */
function fileWithBucketRows(): void {
  // The raw rows and series come from the store itself; the bucket rows are what version 1 wrote.
  const store = openDesktopStore(path, { now: () => NOW });
  store.ingestResults(log.slice(0, 1000), { relay: RELAY });
  store.close();
  const results = readStoredResults(path);
  const db = new Database(path);
  db.exec(`
    DROP TABLE rollup_runs;
    DROP TABLE fold_state;
    ALTER TABLE series DROP COLUMN recent_hours;
    CREATE TABLE rollups (
      resolution INTEGER NOT NULL, start INTEGER NOT NULL, line INTEGER NOT NULL,
      up INTEGER NOT NULL, degraded INTEGER NOT NULL, down INTEGER NOT NULL,
      latency_sum_us INTEGER NOT NULL, latency_min_us INTEGER, latency_max_us INTEGER,
      sketch BLOB NOT NULL, p50_ms REAL, p95_ms REAL, p99_ms REAL,
      PRIMARY KEY (resolution, start, line)
    ) STRICT, WITHOUT ROWID;
  `);
  db.pragma(`user_version = ${DESKTOP_MIGRATIONS[BEFORE_RUNS - 1]!.version}`);
  const lineOf = db.prepare<[string, string], { id: number }>(
    'SELECT id FROM series WHERE monitor_id = ? AND region = ?',
  );
  const insert = db.prepare(
    'INSERT INTO rollups (resolution, start, line, up, degraded, down, latency_sum_us, latency_min_us, latency_max_us, sketch) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
  );
  for (const input of [results, results.map((r) => ({ ...r, region: ALL_REGIONS }))]) {
    const minutes = foldResults(input, 'minute');
    for (const [r, resolution] of RESOLUTIONS.entries()) {
      for (const bucket of resolution === 'minute' ? minutes : rollupRange(minutes, resolution)) {
        const id = lineOf.get(bucket.monitorId, bucket.region)!.id;
        const row = encodeBucket(bucket);
        insert.run(
          r,
          row.start,
          bucket.region === ALL_REGIONS ? -id : id,
          row.up,
          row.degraded,
          row.down,
          row.latencySumUs,
          row.latencyMinUs,
          row.latencyMaxUs,
          row.sketch,
        );
      }
    }
  }
  db.close();
}

describe('the rollup runs migration', () => {
  it('converts every stored bucket exactly, and ingest folds into the converted runs', () => {
    fileWithBucketRows();
    const before = openDesktopDatabase(path, { migrations: DESKTOP_MIGRATIONS.slice(0, BEFORE_RUNS) });
    const bucketRows = before.prepare<[], { n: number }>('SELECT count(*) AS n FROM rollups').get()!.n;
    before.close();
    expect(bucketRows).toBeGreaterThan(1000);

    // The dashboard reads the converted hour runs (series rows have no recent hours yet), and
    // shows what a store that ingested the same results shows.
    const soon = () => FROM + 3 * 3_600_000;
    const configure = (s: ReturnType<typeof openDesktopStore>) => {
      for (let m = 0; m < 4; m++) {
        const id = monitorIdOf(m);
        s.monitors.save({ id, name: id, type: 'http', url: `https://${id}.example.com/` });
      }
    };
    const store = openDesktopStore(path, { now: soon });
    configure(store);
    const dashboard = store.dashboardSummary();
    store.close();
    const fresh = openDesktopStore(join(dir, 'fresh.db'), { now: soon });
    configure(fresh);
    fresh.ingestResults(log.slice(0, 1000), { relay: RELAY });
    expect(dashboard).toEqual(fresh.dashboardSummary());
    expect(dashboard.some((m) => m.bars.some((b) => b.count > 0))).toBe(true);
    fresh.close();
    const converted = readStoredRollups(path);
    expect(converted).toHaveLength(bucketRows);
    expect(converted).toEqual(expectedRollups(readStoredResults(path)));

    // Ingest gives each `*` series its recent hours, reading the converted runs once.
    const again = openDesktopStore(path, { now: soon });
    configure(again);
    for (const page of pagesOf(log.slice(900), 97)) again.ingestResults(page, { relay: RELAY });
    const all = openDesktopStore(join(dir, 'all.db'), { now: soon });
    configure(all);
    all.ingestResults(log, { relay: RELAY });
    expect(again.dashboardSummary()).toEqual(all.dashboardSummary());
    all.close();
    again.close();
    const results = readStoredResults(path);
    expect(results).toHaveLength(log.length);
    expect(readStoredRollups(path)).toEqual(expectedRollups(results));
  });

  it('leaves the file at the previous version when a stored bucket does not decode', () => {
    fileWithBucketRows();
    const db = new Database(path);
    db.prepare('UPDATE rollups SET up = up + 1 WHERE resolution = 1').run();
    db.close();
    expect(() => openDesktopStore(path, { now: () => NOW })).toThrow(/does not decode/);
    const after = new Database(path, { readonly: true });
    expect(after.pragma('user_version', { simple: true })).toBe(DESKTOP_MIGRATIONS[BEFORE_RUNS - 1]!.version);
    expect(after.prepare('SELECT count(*) AS n FROM rollups').get()).toMatchObject({ n: expect.any(Number) });
    after.close();
  });
});
