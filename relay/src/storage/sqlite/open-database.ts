import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { migrate, RELAY_MIGRATIONS } from './migrations.js';

/**
 * Page cache of each relay connection (this one and the ping-commit thread's). better-sqlite3
 * builds SQLite with a 16 MB default, and the relay's writes are appends to the results log whose
 * fresh pages a desktop reads once, so a default cache fills with pages nobody reads again: an
 * embedded app's memory grew by ~1 MB a minute until the 16 MB were full. The hot set (the log's
 * tail, its indexes' tails, monitors, tokens) fits in far less.
 */
export const RELAY_CACHE_KIB = 2 * 1024;

/**
 * Opens (creating if needed) the relay database in WAL mode and migrates it. `synchronous=FULL`
 * because the relay acks results to probes after commit: an acked result must survive power loss,
 * not just a crash. A locked or corrupt file fails here with SQLite's reason in the message.
 */
export function openRelayDatabase(path: string): Database.Database {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  let db: Database.Database;
  try {
    db = new Database(path, { timeout: 5000 });
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    db.pragma(`cache_size = -${RELAY_CACHE_KIB}`);
    migrate(db, RELAY_MIGRATIONS);
  } catch (error) {
    throw new Error(`cannot open the relay database at ${path}: ${(error as Error).message}`, {
      cause: error,
    });
  }
  return db;
}
