import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { migrate, RELAY_MIGRATIONS } from './migrations.js';

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
    migrate(db, RELAY_MIGRATIONS);
  } catch (error) {
    throw new Error(`cannot open the relay database at ${path}: ${(error as Error).message}`, {
      cause: error,
    });
  }
  return db;
}
