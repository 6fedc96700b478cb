import {
  AlertRule,
  ChannelConfig,
  ChannelSchedule,
  EscalationPolicy,
  MaintenanceWindow,
} from '@vantage/shared';
import type Database from 'better-sqlite3';
import type { z } from 'zod';

/** The kinds of alert settings and the schema each is stored under. */
export const ALERT_CONFIG_SCHEMAS = {
  channel: ChannelConfig,
  rule: AlertRule,
  escalation: EscalationPolicy,
  schedule: ChannelSchedule,
  maintenance: MaintenanceWindow,
} as const;
/** A kind of alert setting. */
export type AlertConfigKind = keyof typeof ALERT_CONFIG_SCHEMAS;
/** The validated document of one kind. */
export type AlertConfigOf<K extends AlertConfigKind> = z.infer<(typeof ALERT_CONFIG_SCHEMAS)[K]>;

/** The key of a document: schedules are keyed by their channel, everything else by its id. */
function keyOf(kind: AlertConfigKind, doc: Record<string, unknown>): string {
  return String(kind === 'schedule' ? doc.channelId : doc.id);
}

/**
 * Alert settings in the `alert_config` table, cached in memory: the incident listener reads
 * them inside the evaluator's transaction, where a query per event would slow ingest. Writes go
 * through here only, so the cache is never stale.
 */
export class AlertConfigStore {
  readonly #cache = new Map<AlertConfigKind, Map<string, unknown>>();
  readonly #put: Database.Statement<[string, string, string, number]>;
  readonly #delete: Database.Statement<[string, string]>;

  constructor(db: Database.Database) {
    this.#put = db.prepare(
      `INSERT INTO alert_config (kind, id, data, updated_at) VALUES (?, ?, ?, ?)
       ON CONFLICT (kind, id) DO UPDATE SET data = excluded.data, updated_at = excluded.updated_at`,
    );
    this.#delete = db.prepare('DELETE FROM alert_config WHERE kind = ? AND id = ?');
    for (const kind of Object.keys(ALERT_CONFIG_SCHEMAS) as AlertConfigKind[])
      this.#cache.set(kind, new Map());
    const rows = db
      .prepare<[], { kind: string; id: string; data: string }>(
        'SELECT kind, id, data FROM alert_config ORDER BY id',
      )
      .all();
    for (const row of rows) {
      const schema = ALERT_CONFIG_SCHEMAS[row.kind as AlertConfigKind] as z.ZodType | undefined;
      // A row a newer relay wrote in a shape this one does not know is left alone, not trusted.
      const parsed = schema?.safeParse(JSON.parse(row.data));
      if (parsed?.success)
        this.#cache.get(row.kind as AlertConfigKind)!.set(row.id, Object.freeze(parsed.data));
    }
  }

  /** Every document of a kind, by key order. */
  list<K extends AlertConfigKind>(kind: K): AlertConfigOf<K>[] {
    return [...this.#cache.get(kind)!.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([, doc]) => doc as AlertConfigOf<K>);
  }

  /** One document, or undefined. */
  get<K extends AlertConfigKind>(kind: K, id: string): AlertConfigOf<K> | undefined {
    return this.#cache.get(kind)!.get(id) as AlertConfigOf<K> | undefined;
  }

  /** Saves a validated document; returns whether it was new. */
  put<K extends AlertConfigKind>(kind: K, doc: AlertConfigOf<K>, now: number): boolean {
    const key = keyOf(kind, doc as Record<string, unknown>);
    this.#put.run(kind, key, JSON.stringify(doc), now);
    const created = !this.#cache.get(kind)!.has(key);
    this.#cache.get(kind)!.set(key, Object.freeze(structuredClone(doc)));
    return created;
  }

  /** Deletes a document; returns whether it existed. */
  delete(kind: AlertConfigKind, id: string): boolean {
    this.#delete.run(kind, id);
    return this.#cache.get(kind)!.delete(id);
  }
}
