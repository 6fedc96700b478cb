import { type FieldError, type Monitor, ok, type Result, validateMonitor } from '@vantage/shared';
import type Database from 'better-sqlite3';

/** A monitor's configuration as the desktop keeps it. */
export interface MonitorRecord {
  monitor: Monitor;
  /** The relay revision this configuration was last synced at; 0 while no relay has it yet. */
  revision: number;
  createdAt: number;
  updatedAt: number;
}

/** A stored configuration that no longer validates (a newer version or a hand edit wrote it). */
export interface UnreadableMonitor {
  id: string;
  errors: FieldError[];
}

interface MonitorRow {
  id: string;
  config: string;
  revision: number;
  created_at: number;
  updated_at: number;
}

/**
 * Monitor configurations, validated with shared's `validateMonitor` on the way in and again when
 * read back, and held in memory (thousands of monitors are a few MB) so the dashboard never
 * re-parses them. A stored row that fails validation stays on disk untouched and is reported by
 * {@link unreadable} rather than dropped.
 */
export class MonitorRepo {
  readonly #records = new Map<string, MonitorRecord>();
  readonly #unreadable: UnreadableMonitor[] = [];
  readonly #save: Database.Statement<[string, string, number, number, number]>;
  readonly #remove: Database.Statement<[string]>;

  constructor(
    db: Database.Database,
    private readonly now: () => number,
  ) {
    this.#save = db.prepare(
      `INSERT INTO monitors (id, config, revision, created_at, updated_at) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (id) DO UPDATE SET config = excluded.config, revision = excluded.revision,
         updated_at = excluded.updated_at`,
    );
    this.#remove = db.prepare('DELETE FROM monitors WHERE id = ?');
    for (const row of db.prepare<[], MonitorRow>('SELECT * FROM monitors ORDER BY id').all()) {
      const checked = validateMonitor(safeJson(row.config));
      if (!checked.ok) {
        this.#unreadable.push({ id: row.id, errors: checked.error });
        continue;
      }
      this.#records.set(row.id, {
        monitor: checked.value,
        revision: row.revision,
        createdAt: row.created_at,
        updatedAt: row.updated_at,
      });
    }
  }

  /** Every readable monitor, in id order. */
  list(): MonitorRecord[] {
    return [...this.#records.values()].sort((a, b) => (a.monitor.id < b.monitor.id ? -1 : 1));
  }

  /** One monitor, or null. */
  get(id: string): MonitorRecord | null {
    return this.#records.get(id) ?? null;
  }

  /** How many readable monitors there are. */
  count(): number {
    return this.#records.size;
  }

  /**
   * Validates and stores a monitor (new or changed). `revision` is the relay's revision when the
   * configuration came from the relay; a local edit leaves it 0, meaning "not on the relay yet".
   */
  save(input: unknown, options: { revision?: number } = {}): Result<MonitorRecord, FieldError[]> {
    const checked = validateMonitor(input);
    if (!checked.ok) return checked;
    const monitor = checked.value;
    const now = this.now();
    const previous = this.#records.get(monitor.id);
    const record: MonitorRecord = {
      monitor,
      revision: options.revision ?? 0,
      createdAt: previous?.createdAt ?? now,
      updatedAt: now,
    };
    this.#save.run(monitor.id, JSON.stringify(monitor), record.revision, record.createdAt, now);
    this.#records.set(monitor.id, record);
    return ok(record);
  }

  /** Deletes a monitor's configuration; its history stays until retention. False when there was none. */
  remove(id: string): boolean {
    const removed = this.#remove.run(id).changes === 1;
    this.#records.delete(id);
    return removed;
  }

  /** Stored configurations that failed validation when the store opened. */
  unreadable(): readonly UnreadableMonitor[] {
    return this.#unreadable;
  }
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
