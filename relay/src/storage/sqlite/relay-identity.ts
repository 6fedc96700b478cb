import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';

const KEY = 'relay_id';

/**
 * This database's identity, kept in the `meta` table: created on first open and never changed,
 * so desktops recognise the relay whatever address it listens on, and a fresh database (whose
 * log cursors start over) is a different relay to them.
 */
export function ensureRelayId(db: Database.Database): string {
  db.prepare('INSERT OR IGNORE INTO meta (key, value) VALUES (?, ?)').run(KEY, `relay-${randomUUID()}`);
  return db.prepare<[string], { value: string }>('SELECT value FROM meta WHERE key = ?').get(KEY)!.value;
}
