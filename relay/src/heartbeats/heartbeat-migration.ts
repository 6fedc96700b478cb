import type { Migration } from '../storage/sqlite/migrations.js';

/**
 * Schema step 3: heartbeat (push) monitors.
 * - `heartbeat_tokens`: the secret of each heartbeat monitor's ping URL (kept readable: the URL is
 *   shown to its owner again and again, like Healthchecks' check UUIDs).
 * - `heartbeat_pings`: every ping, committed before it is answered. The rowid gives commit order,
 *   so pings append at the right edge; runs and states are derived from them.
 */
export const HEARTBEAT_MIGRATION: Migration = {
  version: 3,
  name: 'heartbeat tokens and pings',
  up(db) {
    db.exec(`
      CREATE TABLE heartbeat_tokens (
        monitor_id TEXT PRIMARY KEY,
        token TEXT NOT NULL UNIQUE,
        created_at INTEGER NOT NULL
      ) STRICT;
      CREATE TABLE heartbeat_pings (
        id INTEGER PRIMARY KEY,
        monitor_id TEXT NOT NULL,
        at INTEGER NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('start', 'success', 'fail')),
        exit_code INTEGER,
        rid TEXT,
        body TEXT NOT NULL
      ) STRICT;
      CREATE INDEX heartbeat_pings_by_monitor ON heartbeat_pings (monitor_id, id);
      CREATE INDEX heartbeat_pings_by_time ON heartbeat_pings (at);
    `);
  },
};

/**
 * Schema step 6: `heartbeat_tokens.resumed_at`, when a heartbeat monitor was last resumed from a
 * pause: its due time counts from there, so a restart after a resume does not page for the pings
 * the pause excused.
 */
export const HEARTBEAT_RESUME_MIGRATION: Migration = {
  version: 6,
  name: 'heartbeat resume times',
  up(db) {
    db.exec('ALTER TABLE heartbeat_tokens ADD COLUMN resumed_at INTEGER');
  },
};
