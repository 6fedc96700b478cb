import type { EvaluatorSnapshot } from '@vantage/shared';
import type Database from 'better-sqlite3';
import type { EvaluatorStateStore } from '../relay-storage.js';

/** The one saved evaluator snapshot and the log cursor it reflects. */
export class SqliteEvaluatorStateStore implements EvaluatorStateStore {
  constructor(private readonly db: Database.Database) {}

  load(): { cursor: number; snapshot: unknown; savedAt: number } | null {
    const row = this.db
      .prepare<[], { cursor: number; snapshot: string; saved_at: number }>(
        'SELECT cursor, snapshot, saved_at FROM evaluator_state WHERE id = 1',
      )
      .get();
    if (row === undefined) return null;
    let snapshot: unknown = null;
    try {
      snapshot = JSON.parse(row.snapshot);
    } catch {
      // A torn or hand-edited row: the caller validates and falls back to a rebuild.
    }
    return { cursor: row.cursor, snapshot, savedAt: row.saved_at };
  }

  save(cursor: number, snapshot: EvaluatorSnapshot, now: number): void {
    this.db
      .prepare(
        `INSERT INTO evaluator_state (id, cursor, snapshot, saved_at) VALUES (1, ?, ?, ?)
         ON CONFLICT (id) DO UPDATE SET cursor = excluded.cursor, snapshot = excluded.snapshot,
           saved_at = excluded.saved_at`,
      )
      .run(cursor, JSON.stringify(snapshot), now);
  }
}
