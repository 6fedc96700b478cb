import { type Monitor, MonitorSchema } from '@vantage/shared';
import type Database from 'better-sqlite3';
import type { MonitorChange, MonitorStore } from '../relay-storage.js';

interface MonitorRow {
  id: string;
  revision: number;
  deleted: number;
  config: string;
}

/**
 * Monitors with one global revision counter: every upsert or delete takes the next revision, and
 * deletions stay as tombstones so a probe that reconnects at revision R can be sent just the diff.
 * The live set is also kept in memory (thousands of monitors are a few MB) for fan-out.
 */
export class SqliteMonitorStore implements MonitorStore {
  readonly #live = new Map<string, Monitor>();
  #revision: number;

  constructor(private readonly db: Database.Database) {
    const rows = db.prepare<[], MonitorRow>('SELECT * FROM monitors WHERE deleted = 0').all();
    for (const row of rows) this.#live.set(row.id, MonitorSchema.parse(JSON.parse(row.config)));
    this.#revision =
      db.prepare<[], { r: number | null }>('SELECT max(revision) AS r FROM monitors').get()?.r ?? 0;
  }

  revision(): number {
    return this.#revision;
  }

  list(): Monitor[] {
    return [...this.#live.values()];
  }

  get(id: string): Monitor | null {
    return this.#live.get(id) ?? null;
  }

  upsert(monitor: Monitor, now: number): number {
    const revision = this.#revision + 1;
    this.db
      .prepare(
        `INSERT INTO monitors (id, revision, deleted, config, updated_at) VALUES (?, ?, 0, ?, ?)
         ON CONFLICT (id) DO UPDATE SET revision = excluded.revision, deleted = 0,
           config = excluded.config, updated_at = excluded.updated_at`,
      )
      .run(monitor.id, revision, JSON.stringify(monitor), now);
    this.#revision = revision;
    this.#live.set(monitor.id, monitor);
    return revision;
  }

  delete(id: string, now: number): number | null {
    if (!this.#live.has(id)) return null;
    const revision = this.#revision + 1;
    this.db
      .prepare('UPDATE monitors SET deleted = 1, revision = ?, updated_at = ? WHERE id = ?')
      .run(revision, now, id);
    this.#revision = revision;
    this.#live.delete(id);
    return revision;
  }

  changesSince(revision: number): MonitorChange[] {
    return this.db
      .prepare<[number], MonitorRow>('SELECT * FROM monitors WHERE revision > ? ORDER BY revision')
      .all(revision)
      .map((row) => ({
        id: row.id,
        revision: row.revision,
        monitor: row.deleted ? null : (this.#live.get(row.id) ?? null),
      }));
  }
}
