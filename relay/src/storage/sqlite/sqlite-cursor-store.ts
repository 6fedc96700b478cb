import type Database from 'better-sqlite3';
import type { CursorStore } from '../relay-storage.js';

/**
 * Least time between two writes of one desktop's cursor. The cursor only lets a reconnecting
 * desktop resume near where it was (it dedups by cursor anyway), so a crash costing up to this much
 * replay is cheaper than a fsynced transaction on every `results.commit`.
 */
export const CURSOR_WRITE_INTERVAL_MS = 5000;

/** Each desktop's committed position in the result log; writes are coalesced per desktop. */
export class SqliteCursorStore implements CursorStore {
  readonly #db: Database.Database;
  readonly #get: Database.Statement<[string], { cursor: number }>;
  readonly #set: Database.Statement<[string, number, number]>;
  readonly #intervalMs: number;
  /** Cursors accepted but not yet written, with the `now` they came with. */
  readonly #pending = new Map<string, { cursor: number; now: number }>();
  /** Monotonic time of each desktop's last write. */
  readonly #writtenAt = new Map<string, number>();
  #timer: NodeJS.Timeout | undefined;

  constructor(db: Database.Database, intervalMs = CURSOR_WRITE_INTERVAL_MS) {
    this.#db = db;
    this.#intervalMs = intervalMs;
    this.#get = db.prepare('SELECT cursor FROM cursors WHERE desktop_id = ?');
    // A cursor only moves forward: a late or replayed commit never rewinds a desktop.
    this.#set = db.prepare(
      `INSERT INTO cursors (desktop_id, cursor, updated_at) VALUES (?, ?, ?)
       ON CONFLICT (desktop_id) DO UPDATE SET cursor = max(cursor, excluded.cursor), updated_at = excluded.updated_at`,
    );
  }

  get(desktopId: string): number {
    const stored = this.#get.get(desktopId)?.cursor ?? 0;
    return Math.max(stored, this.#pending.get(desktopId)?.cursor ?? 0);
  }

  set(desktopId: string, cursor: number, now: number): void {
    const pending = this.#pending.get(desktopId);
    this.#pending.set(desktopId, { cursor: Math.max(cursor, pending?.cursor ?? 0), now });
    const since = performance.now() - (this.#writtenAt.get(desktopId) ?? -Infinity);
    if (since >= this.#intervalMs) this.#write(desktopId);
    else this.#timer ??= setTimeout(() => this.flush(), this.#intervalMs - since).unref();
  }

  /** Writes every pending cursor now (on shutdown, before the database closes). */
  flush(): void {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    if (!this.#db.open) return;
    for (const desktopId of [...this.#pending.keys()]) this.#write(desktopId);
  }

  #write(desktopId: string): void {
    const pending = this.#pending.get(desktopId);
    if (!pending) return;
    this.#pending.delete(desktopId);
    this.#writtenAt.set(desktopId, performance.now());
    this.#set.run(desktopId, pending.cursor, pending.now);
  }
}
