import { decodeBucket, encodeRunEntry, joinRunEntries, RESOLUTION_MS } from '@vantage/shared';
import type Database from 'better-sqlite3';
import { RESOLUTIONS, type ResolutionIndex, runStart, RUN_MS } from './rollup-rows.js';

/** A row of the version-1 `rollups` table: one bucket, shared's RollupRow columns. */
interface BucketRow {
  start: number;
  line: number;
  up: number;
  degraded: number;
  down: number;
  latency_sum_us: number;
  latency_min_us: number | null;
  latency_max_us: number | null;
  sketch: Uint8Array;
}

/**
 * Schema step: rollups move from one row per bucket (`rollups`) to one row per run of buckets
 * (`rollup_runs`, see rollup-rows.ts), converting every stored bucket exactly:
 * 1. per resolution, read the old rows one run window at a time (better-sqlite3 cannot write
 *    while a read is still iterating, and a window bounds memory);
 * 2. decode each row with shared's `decodeBucket`, encode it as an entry at its index in its run;
 * 3. write one row per run and line, then drop the old table;
 * 4. add `series.recent_hours`, NULL (unknown) until ingest next writes the series.
 * A row that does not decode stops the migration (its transaction rolls back, the file stays at
 * the previous version): converting around it would silently lose its counts.
 */
export function convertRollupsToRuns(db: Database.Database): void {
  db.exec(`
    CREATE TABLE rollup_runs (
      resolution INTEGER NOT NULL,
      start INTEGER NOT NULL,
      line INTEGER NOT NULL,
      buckets BLOB NOT NULL,
      PRIMARY KEY (resolution, start, line)
    ) STRICT, WITHOUT ROWID;
  `);
  const next = db.prepare<[number, number], { start: number | null }>(
    'SELECT min(start) AS start FROM rollups WHERE resolution = ? AND start >= ?',
  );
  const window = db.prepare<[number, number, number], BucketRow>(
    'SELECT * FROM rollups WHERE resolution = ? AND start >= ? AND start < ? ORDER BY start, line',
  );
  const insert = db.prepare('INSERT INTO rollup_runs (resolution, start, line, buckets) VALUES (?, ?, ?, ?)');
  for (const r of [0, 1, 2] as const) {
    let from = next.get(r, Number.MIN_SAFE_INTEGER)?.start ?? null;
    while (from !== null) {
      const start = runStart(from, r);
      const byLine = new Map<number, Uint8Array[]>();
      for (const row of window.all(r, start, start + RUN_MS[r]!)) {
        let entries = byLine.get(row.line);
        if (entries === undefined) byLine.set(row.line, (entries = []));
        entries.push(encodeRunEntry(bucketOf(row, r), (row.start - start) / RESOLUTION_MS[RESOLUTIONS[r]!]));
      }
      for (const [line, entries] of byLine) insert.run(r, start, line, joinRunEntries(entries));
      from = next.get(r, start + RUN_MS[r]!)?.start ?? null;
    }
  }
  db.exec('DROP TABLE rollups');
  // Filled by ingest (or read from the runs while NULL): see recent-hours.ts.
  db.exec('ALTER TABLE series ADD COLUMN recent_hours TEXT');
}

function bucketOf(row: BucketRow, r: ResolutionIndex) {
  const decoded = decodeBucket({
    // The key's names are not stored in the run: any valid stand-ins do.
    monitorId: 'migrating',
    region: 'migrating',
    resolution: RESOLUTIONS[r],
    start: row.start,
    up: row.up,
    degraded: row.degraded,
    down: row.down,
    latencySumUs: row.latency_sum_us,
    latencyMinUs: row.latency_min_us,
    latencyMaxUs: row.latency_max_us,
    sketch: row.sketch,
  });
  if (!decoded.ok) {
    const problems = decoded.error.map((e) => `${e.path}: ${e.message}`).join('; ');
    throw new Error(`rollup row ${row.line}/${RESOLUTIONS[r]}@${row.start} does not decode: ${problems}`);
  }
  return decoded.value;
}
