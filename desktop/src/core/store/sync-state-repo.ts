import type Database from 'better-sqlite3';

/** How far the desktop has read one relay's result log. */
export interface SyncPosition {
  relay: string;
  cursor: number;
  updatedAt: number;
}

/**
 * The read position in each relay's log. Ingest advances it in the same transaction as the rows
 * it stored; this repo only reads it and resets it (a relay whose database was replaced restarts
 * its cursors, so the desktop must read it again from the start: ingest drops what it already has).
 */
export class SyncStateRepo {
  constructor(private readonly db: Database.Database) {}

  /** The cursor to subscribe from: 0 for a relay never read. */
  cursorFor(relay: string): number {
    return (
      this.db
        .prepare<[string], { cursor: number }>('SELECT cursor FROM sync_state WHERE relay = ?')
        .get(relay)?.cursor ?? 0
    );
  }

  /** Every relay read so far. */
  list(): SyncPosition[] {
    return this.db
      .prepare<[], { relay: string; cursor: number; updated_at: number }>(
        'SELECT relay, cursor, updated_at FROM sync_state ORDER BY relay',
      )
      .all()
      .map((row) => ({ relay: row.relay, cursor: row.cursor, updatedAt: row.updated_at }));
  }

  /** Forgets the position in a relay's log, so the next subscription starts from its beginning. */
  reset(relay: string): void {
    this.db.prepare('DELETE FROM sync_state WHERE relay = ?').run(relay);
  }
}
