import type Database from 'better-sqlite3';
import { ALERT_MIGRATION } from '../../alerts/store/alert-migration.js';
import { ALERT_STORIES_MIGRATION } from '../../alerts/store/alert-stories-migration.js';
import { HEARTBEAT_MIGRATION, HEARTBEAT_RESUME_MIGRATION } from '../../heartbeats/heartbeat-migration.js';
import { STATUS_PAGE_MIGRATION } from '../../status-pages/status-page-migration.js';

/** One schema step. Versions are consecutive; a released migration is never edited, only followed. */
export interface Migration {
  version: number;
  name: string;
  up(db: Database.Database): void;
}

/**
 * The relay's schema history. Keys are chosen for sequential writes: the result log's primary
 * key is an autoincrementing cursor and its unique key `(probe_id, seq)` grows per probe, so
 * inserts append at the right edge of both B-trees instead of landing at random pages.
 */
export const RELAY_MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'initial schema',
    up(db) {
      db.exec(`
        CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) STRICT;
        CREATE TABLE tokens (
          id TEXT PRIMARY KEY,
          name TEXT NOT NULL,
          role TEXT NOT NULL CHECK (role IN ('desktop', 'probe')),
          region TEXT,
          secret_hash BLOB NOT NULL,
          created_at INTEGER NOT NULL,
          revoked_at INTEGER,
          last_used_at INTEGER
        ) STRICT;
        CREATE TABLE monitors (
          id TEXT PRIMARY KEY,
          revision INTEGER NOT NULL,
          deleted INTEGER NOT NULL DEFAULT 0,
          config TEXT NOT NULL,
          updated_at INTEGER NOT NULL
        ) STRICT;
        CREATE INDEX monitors_by_revision ON monitors (revision);
        CREATE TABLE probes (
          id TEXT PRIMARY KEY,
          name TEXT NOT NULL,
          region TEXT NOT NULL,
          token_id TEXT NOT NULL,
          version TEXT,
          last_seen_at INTEGER,
          healthy INTEGER NOT NULL DEFAULT 1,
          reason TEXT
        ) STRICT;
        CREATE TABLE probe_seq (probe_id TEXT PRIMARY KEY, stored_seq INTEGER NOT NULL) STRICT;
        CREATE TABLE results (
          cursor INTEGER PRIMARY KEY AUTOINCREMENT,
          probe_id TEXT NOT NULL,
          seq INTEGER NOT NULL,
          monitor_id TEXT NOT NULL,
          region TEXT NOT NULL,
          ts INTEGER NOT NULL,
          state TEXT NOT NULL,
          latency_ms REAL NOT NULL,
          payload TEXT NOT NULL,
          UNIQUE (probe_id, seq)
        ) STRICT;
        CREATE INDEX results_by_ts ON results (ts);
        CREATE TABLE cursors (
          desktop_id TEXT PRIMARY KEY,
          cursor INTEGER NOT NULL,
          updated_at INTEGER NOT NULL
        ) STRICT;
        CREATE TABLE incidents (
          id TEXT PRIMARY KEY,
          monitor_id TEXT NOT NULL,
          opened_at INTEGER NOT NULL,
          resolved_at INTEGER,
          data TEXT NOT NULL
        ) STRICT;
        CREATE INDEX incidents_by_monitor ON incidents (monitor_id, opened_at);
        CREATE INDEX incidents_open ON incidents (opened_at) WHERE resolved_at IS NULL;
        CREATE TABLE monitor_status (
          monitor_id TEXT PRIMARY KEY,
          status TEXT NOT NULL,
          message TEXT NOT NULL,
          regions TEXT NOT NULL,
          updated_at INTEGER NOT NULL
        ) STRICT;
        CREATE TABLE evaluator_state (
          id INTEGER PRIMARY KEY CHECK (id = 1),
          cursor INTEGER NOT NULL,
          snapshot TEXT NOT NULL,
          saved_at INTEGER NOT NULL
        ) STRICT;
        CREATE TABLE daily_aggregates (
          monitor_id TEXT NOT NULL,
          region TEXT NOT NULL,
          day INTEGER NOT NULL,
          up INTEGER NOT NULL,
          degraded INTEGER NOT NULL,
          down INTEGER NOT NULL,
          latency_sum_us INTEGER NOT NULL,
          latency_min_us INTEGER,
          latency_max_us INTEGER,
          sketch BLOB NOT NULL,
          PRIMARY KEY (monitor_id, day, region)
        ) STRICT, WITHOUT ROWID;
      `);
    },
  },
  ALERT_MIGRATION,
  HEARTBEAT_MIGRATION,
  STATUS_PAGE_MIGRATION,
  // Version 5: versions 3 and 4 belong before it, so that the array stays in version order.
  ALERT_STORIES_MIGRATION,
  HEARTBEAT_RESUME_MIGRATION,
];

/** Brings a database to the newest schema version, one transaction per step. */
export function migrate(db: Database.Database, migrations: readonly Migration[] = RELAY_MIGRATIONS): number {
  const current = db.pragma('user_version', { simple: true }) as number;
  const newest = migrations.at(-1)?.version ?? 0;
  if (current > newest) {
    throw new Error(
      `database schema version ${current} is newer than this relay understands (${newest}); upgrade the relay`,
    );
  }
  for (const migration of migrations) {
    if (migration.version <= current) continue;
    db.transaction(() => {
      migration.up(db);
      db.pragma(`user_version = ${migration.version}`);
    })();
  }
  return newest;
}
