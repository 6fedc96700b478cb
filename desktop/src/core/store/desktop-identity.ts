import { randomBytes } from 'node:crypto';
import type Database from 'better-sqlite3';

// Kept in the settings table under a key SettingsRepo never reads (it skips unknown keys), so no
// migration is needed and the id survives every settings change.
const KEY = 'identity.desktopId';

/**
 * The id this desktop presents to relays (`desktop-` and 12 hex digits, a valid protocol id):
 * created on first open and kept, so a relay recognises the same desktop after restarts.
 */
export function ensureDesktopId(db: Database.Database): string {
  const row = db.prepare<[string], { value: string }>('SELECT value FROM settings WHERE key = ?').get(KEY);
  if (row !== undefined) {
    try {
      const id: unknown = JSON.parse(row.value);
      if (typeof id === 'string' && /^desktop-[0-9a-f]{12}$/.test(id)) return id;
    } catch {
      // A damaged value is replaced below.
    }
  }
  const id = `desktop-${randomBytes(6).toString('hex')}`;
  db.prepare(
    'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
  ).run(KEY, JSON.stringify(id));
  return id;
}
