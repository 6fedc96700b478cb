import type Database from 'better-sqlite3';
import { convertRollupsToRuns } from './rollup-runs-migration.js';

/** One schema step. Versions are consecutive; a released migration is never edited, only followed. */
export interface Migration {
  version: number;
  name: string;
  up(db: Database.Database): void;
}

/**
 * The desktop store's schema history. Every table that grows is keyed so that writes append at
 * the right edge of its B-trees: a batch then dirties a few dozen pages instead of one per
 * monitor, which decided ingest speed (≈ 7× between the two).
 *
 * - `results`: one row per raw result. `id` is local and only grows (relay cursors cannot be the
 *   key: they restart when the user switches relay). `(probe, seq)` is UNIQUE, the identity a
 *   result keeps through relays and resends; per probe it grows, so it appends too. There is no
 *   (monitor, time) index, whose inserts would scatter over every series: instead `prev` links
 *   each row to the previous row of its series and `series.last_id` holds the newest, so "last N
 *   checks" walks N rows by primary key. Small integer keys into `series` (monitor × region) and
 *   `result_probes` replace repeated ids; latencies are integer µs (what rollups use); rare fields
 *   share one JSON column that is NULL for almost every row.
 * - `result_probes.max_seq`: each probe's high-water mark, kept after retention deleted its rows,
 *   so a resent old result is not stored twice.
 * - `rollups`: one row per (resolution, start, line) holding shared's encoded bucket columns.
 *   `resolution` is 0 minute, 1 hour, 2 day; `line` is the `series` id of (monitor, region), or
 *   minus the id of the monitor's `*` series (all regions together), so that each bucket's `*`
 *   rows come first. Integer keys, because binding three text keys per row cost more than the
 *   rest of the write. Time-major: a batch rewrites rows that sit side by side; a chart reads one
 *   row per point by full key; the dashboard's 24 hourly `*` rows of every monitor are 24 ranges.
 *   `p50_ms`/`p95_ms`/`p99_ms` are shared's `quantile()` of the row's sketch, stored beside it so
 *   charts never decode sketches; NULL when every latency in the row is the same (then every
 *   quantile is `latency_min_us / 1000`, as `quantile()` clamps to min and max).
 *   Version 4 replaced it with `rollup_runs`: the same key, one row per run of buckets (see
 *   rollup-rows.ts), and gave `*` series rows their recent hourly counts (recent-hours.ts).
 * - `fold_state.folded_through` (version 5): the raw id up to which rollups, series heads and
 *   probe marks count every row. Ingest writes them at checkpoints, not with every batch, and
 *   folds the rows after the mark again when it opens (see result-ingest.ts).
 */
export const DESKTOP_MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'initial schema',
    up(db) {
      db.exec(`
        CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL) STRICT;
        CREATE TABLE monitors (
          id TEXT PRIMARY KEY,
          config TEXT NOT NULL,
          revision INTEGER NOT NULL,
          created_at INTEGER NOT NULL,
          updated_at INTEGER NOT NULL
        ) STRICT;
        CREATE TABLE probes (
          id TEXT PRIMARY KEY,
          name TEXT NOT NULL,
          region TEXT NOT NULL,
          version TEXT,
          last_seen_at INTEGER NOT NULL,
          healthy INTEGER NOT NULL,
          connected INTEGER NOT NULL,
          reason TEXT
        ) STRICT;
        CREATE TABLE series (
          id INTEGER PRIMARY KEY,
          monitor_id TEXT NOT NULL,
          region TEXT NOT NULL,
          last_ts INTEGER,
          last_state INTEGER,
          last_latency_us INTEGER,
          last_message TEXT,
          last_id INTEGER,
          UNIQUE (monitor_id, region)
        ) STRICT;
        CREATE TABLE result_probes (
          id INTEGER PRIMARY KEY,
          probe_id TEXT NOT NULL UNIQUE,
          max_seq INTEGER NOT NULL
        ) STRICT;
        CREATE TABLE results (
          id INTEGER PRIMARY KEY,
          probe INTEGER NOT NULL,
          seq INTEGER NOT NULL,
          series INTEGER NOT NULL,
          prev INTEGER,
          ts INTEGER NOT NULL,
          state INTEGER NOT NULL,
          latency_us INTEGER NOT NULL,
          dns_us INTEGER,
          connect_us INTEGER,
          tls_us INTEGER,
          ttfb_us INTEGER,
          transfer_us INTEGER,
          status_code INTEGER,
          message TEXT,
          attempts INTEGER NOT NULL,
          probe_healthy INTEGER NOT NULL,
          revision INTEGER,
          extra TEXT
        ) STRICT;
        CREATE UNIQUE INDEX results_identity ON results (probe, seq);
        CREATE TABLE rollups (
          resolution INTEGER NOT NULL,
          start INTEGER NOT NULL,
          line INTEGER NOT NULL,
          up INTEGER NOT NULL,
          degraded INTEGER NOT NULL,
          down INTEGER NOT NULL,
          latency_sum_us INTEGER NOT NULL,
          latency_min_us INTEGER,
          latency_max_us INTEGER,
          sketch BLOB NOT NULL,
          p50_ms REAL,
          p95_ms REAL,
          p99_ms REAL,
          PRIMARY KEY (resolution, start, line)
        ) STRICT, WITHOUT ROWID;
        CREATE TABLE incidents (
          id TEXT PRIMARY KEY,
          monitor_id TEXT NOT NULL,
          opened_at INTEGER NOT NULL,
          resolved_at INTEGER,
          data TEXT NOT NULL
        ) STRICT;
        CREATE INDEX incidents_by_monitor ON incidents (monitor_id, opened_at);
        CREATE INDEX incidents_open ON incidents (opened_at) WHERE resolved_at IS NULL;
        CREATE TABLE sync_state (
          relay TEXT PRIMARY KEY,
          cursor INTEGER NOT NULL,
          updated_at INTEGER NOT NULL
        ) STRICT;
      `);
    },
  },
  {
    version: 2,
    name: 'notification log and status pages',
    up(db) {
      db.exec(`
        CREATE TABLE notifications_sent (
          id INTEGER PRIMARY KEY,
          ts INTEGER NOT NULL,
          kind TEXT NOT NULL,
          monitor_id TEXT,
          incident_id TEXT,
          title TEXT NOT NULL,
          body TEXT NOT NULL
        ) STRICT;
        CREATE INDEX notifications_by_ts ON notifications_sent (ts);
        CREATE TABLE status_pages (
          id TEXT PRIMARY KEY,
          slug TEXT NOT NULL UNIQUE,
          data TEXT NOT NULL,
          updated_at INTEGER NOT NULL
        ) STRICT;
      `);
    },
  },
  {
    // `pending_changes`: local monitor edits a relay has not accepted yet, in order (AUTOINCREMENT:
    // ids are never reused, so a change queued after a crash still sorts after older ones).
    // `monitor_verdicts`: the relay's last verdict per monitor, shown before the relay answers.
    // `relay_links`: relays whose monitor set was reconciled with this desktop's.
    version: 3,
    name: 'relay sync: pending changes, verdicts, relay links',
    up(db) {
      db.exec(`
        CREATE TABLE pending_changes (
          id INTEGER PRIMARY KEY AUTOINCREMENT,
          monitor_id TEXT NOT NULL,
          change TEXT NOT NULL,
          created_at INTEGER NOT NULL
        ) STRICT;
        CREATE TABLE monitor_verdicts (
          monitor_id TEXT PRIMARY KEY,
          status TEXT NOT NULL,
          message TEXT NOT NULL,
          since INTEGER NOT NULL,
          regions TEXT NOT NULL
        ) STRICT;
        CREATE TABLE relay_links (
          relay TEXT PRIMARY KEY,
          monitors_revision INTEGER NOT NULL,
          linked_at INTEGER NOT NULL
        ) STRICT;
      `);
    },
  },
  {
    // `rollup_runs` replaces `rollups`: one row per run of consecutive buckets of a line (the
    // minutes of an hour, the hours of a day, a day) holding shared's bucket-run bytes. A batch of
    // 5,000 results wrote ~11,000 bucket rows and now writes ~1,200 run rows; a 30-day chart reads
    // 31 rows instead of 720. Same key order and meaning as before (time-major, `*` lines first).
    version: 4,
    name: 'rollups stored as runs of buckets',
    up: convertRollupsToRuns,
  },
  {
    // Derived state written at checkpoints rather than with every batch. Every row of an older
    // file was folded in the batch that stored it, so the mark starts at the newest row.
    version: 5,
    name: 'fold checkpoint mark',
    up(db) {
      db.exec(`
        CREATE TABLE fold_state (
          id INTEGER PRIMARY KEY CHECK (id = 1),
          folded_through INTEGER NOT NULL
        ) STRICT;
        INSERT INTO fold_state (id, folded_through) VALUES (1, coalesce((SELECT max(id) FROM results), 0));
      `);
    },
  },
];

/** The schema version this build writes. */
export const DESKTOP_SCHEMA_VERSION = DESKTOP_MIGRATIONS.at(-1)?.version ?? 0;

/**
 * Brings a database to the newest of `migrations`, one transaction per step, so a crash between
 * steps leaves a file at a known version. Returns the version found before migrating. Throws a
 * plain Error when the file is newer than `migrations` know; the caller words it for the user.
 */
export function migrate(
  db: Database.Database,
  migrations: readonly Migration[] = DESKTOP_MIGRATIONS,
): number {
  const found = db.pragma('user_version', { simple: true }) as number;
  const newest = migrations.at(-1)?.version ?? 0;
  if (found > newest) throw new SchemaTooNewError(found, newest);
  for (const migration of migrations) {
    if (migration.version <= found) continue;
    db.transaction(() => {
      migration.up(db);
      db.pragma(`user_version = ${migration.version}`);
    })();
  }
  return found;
}

/** The file's schema is newer than the migrations this build has. */
export class SchemaTooNewError extends Error {
  constructor(
    readonly found: number,
    readonly newest: number,
  ) {
    super(`schema version ${found} is newer than this Vantage understands (${newest})`);
  }
}
