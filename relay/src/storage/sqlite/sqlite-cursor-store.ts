import type Database from 'better-sqlite3';
import type { CursorStore } from '../relay-storage.js';

/** Each desktop's committed position in the result log. */
export class SqliteCursorStore implements CursorStore {
  readonly #get: Database.Statement<[string], { cursor: number }>;
  readonly #set: Database.Statement<[string, number, number]>;

  constructor(db: Database.Database) {
    this.#get = db.prepare('SELECT cursor FROM cursors WHERE desktop_id = ?');
    // A cursor only moves forward: a late or replayed commit never rewinds a desktop.
    this.#set = db.prepare(
      `INSERT INTO cursors (desktop_id, cursor, updated_at) VALUES (?, ?, ?)
       ON CONFLICT (desktop_id) DO UPDATE SET cursor = max(cursor, excluded.cursor), updated_at = excluded.updated_at`,
    );
  }

  get(desktopId: string): number {
    return this.#get.get(desktopId)?.cursor ?? 0;
  }

  set(desktopId: string, cursor: number, now: number): void {
    this.#set.run(desktopId, cursor, now);
  }
}
