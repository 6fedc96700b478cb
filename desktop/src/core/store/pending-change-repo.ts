import { MonitorId, MonitorSchema } from '@vantage/shared';
import type Database from 'better-sqlite3';
import { z } from 'zod';

/** A monitor change made on this desktop that a relay has not accepted yet. */
export const PendingChange = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('upsert'), monitor: MonitorSchema }),
  z.object({ kind: z.literal('delete'), monitorId: MonitorId }),
  z.object({ kind: z.literal('pause'), monitorId: MonitorId, paused: z.boolean() }),
]);
/** A monitor change not on the relay yet. */
export type PendingChange = z.output<typeof PendingChange>;

/** A queued change with its place in the queue. */
export interface PendingEntry {
  /** Grows with every change and is never reused, so it orders the queue. */
  id: number;
  monitorId: string;
  change: PendingChange;
  createdAt: number;
}

interface PendingRow {
  id: number;
  monitor_id: string;
  change: string;
  created_at: number;
}

/** The monitor a change is about. */
export function monitorIdOf(change: PendingChange): string {
  return change.kind === 'upsert' ? change.monitor.id : change.monitorId;
}

/**
 * Local monitor changes waiting for the relay, oldest first, held in memory too (the sync status
 * reads the count often). Written before the monitor table is changed, so a crash in between
 * leaves a change that is pushed (and then read back from the relay) rather than a local edit the
 * relay's set would silently overwrite. A row that no longer parses (written by another version)
 * is left on disk and skipped.
 */
export class PendingChangeRepo {
  readonly #entries: PendingEntry[] = [];
  readonly #add: Database.Statement<[string, string, number]>;
  readonly #remove: Database.Statement<[number]>;

  constructor(db: Database.Database) {
    this.#add = db.prepare('INSERT INTO pending_changes (monitor_id, change, created_at) VALUES (?, ?, ?)');
    this.#remove = db.prepare('DELETE FROM pending_changes WHERE id = ?');
    for (const row of db.prepare<[], PendingRow>('SELECT * FROM pending_changes ORDER BY id').all()) {
      const parsed = PendingChange.safeParse(safeJson(row.change));
      if (parsed.success) {
        this.#entries.push({
          id: row.id,
          monitorId: row.monitor_id,
          change: parsed.data,
          createdAt: row.created_at,
        });
      }
    }
  }

  /** Queues a change at the end. */
  add(change: PendingChange, now: number): PendingEntry {
    const monitorId = monitorIdOf(change);
    const id = Number(this.#add.run(monitorId, JSON.stringify(change), now).lastInsertRowid);
    const entry = { id, monitorId, change, createdAt: now };
    this.#entries.push(entry);
    return entry;
  }

  /** Every readable change, oldest first. */
  list(): PendingEntry[] {
    return [...this.#entries];
  }

  /** Drops a change (the relay accepted or refused it). */
  remove(id: number): void {
    this.#remove.run(id);
    const at = this.#entries.findIndex((entry) => entry.id === id);
    if (at >= 0) this.#entries.splice(at, 1);
  }

  /** How many readable changes wait. */
  count(): number {
    return this.#entries.length;
  }

  /** Whether a change to this monitor waits. */
  has(monitorId: string): boolean {
    return this.#entries.some((entry) => entry.monitorId === monitorId);
  }

  /** The monitors with at least one change waiting. */
  monitorIds(): Set<string> {
    return new Set(this.#entries.map((entry) => entry.monitorId));
  }
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
