import { Incident, type IncidentTimelineEntry } from '@vantage/shared';
import type Database from 'better-sqlite3';

/** Which incidents to list, newest first. */
export interface IncidentQuery {
  /** true: only open ones; false: only resolved ones; absent: both. */
  open?: boolean;
  monitorId?: string;
  limit?: number;
}

interface IncidentRow {
  data: string;
}

/** A stored incident, or null when the row does not validate (written by another version or by hand). */
function parse(row: IncidentRow | undefined): Incident | null {
  if (row === undefined) return null;
  try {
    const parsed = Incident.safeParse(JSON.parse(row.data));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/**
 * Incidents as the evaluator (in the relay, embedded or remote) reports them, stored whole as
 * JSON with the columns that queries filter on beside it.
 */
export class IncidentRepo {
  readonly #save: Database.Statement<[string, string, number, number | null, string]>;
  readonly #get: Database.Statement<[string], IncidentRow>;

  constructor(private readonly db: Database.Database) {
    this.#save = db.prepare(
      `INSERT INTO incidents (id, monitor_id, opened_at, resolved_at, data) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (id) DO UPDATE SET resolved_at = excluded.resolved_at, data = excluded.data`,
    );
    this.#get = db.prepare('SELECT data FROM incidents WHERE id = ?');
  }

  /**
   * Stores an incident from an event or a catch-up list. Timelines only grow, so a copy with fewer
   * lines than the stored one is older (a replayed event after a newer one) and is ignored.
   * Returns whether the store changed.
   */
  upsert(incident: Incident): boolean {
    const stored = this.get(incident.id);
    if (stored !== null && isOlder(incident, stored)) return false;
    this.#save.run(
      incident.id,
      incident.monitorId,
      incident.openedAt,
      incident.resolvedAt ?? null,
      JSON.stringify(incident),
    );
    return true;
  }

  /** One incident, or null. */
  get(id: string): Incident | null {
    return parse(this.#get.get(id));
  }

  /** An incident's timeline, oldest line first; empty when there is no such incident. */
  timeline(id: string): IncidentTimelineEntry[] {
    return this.get(id)?.timeline ?? [];
  }

  /** Incidents newest first (by opening time), filtered as asked; 100 unless a limit is given. */
  list(query: IncidentQuery = {}): Incident[] {
    const where: string[] = [];
    const params: Array<string | number> = [];
    if (query.open !== undefined) where.push(query.open ? 'resolved_at IS NULL' : 'resolved_at IS NOT NULL');
    if (query.monitorId !== undefined) {
      where.push('monitor_id = ?');
      params.push(query.monitorId);
    }
    const filter = where.length > 0 ? `WHERE ${where.join(' AND ')}` : '';
    return this.db
      .prepare<Array<string | number>, IncidentRow>(
        `SELECT data FROM incidents ${filter} ORDER BY opened_at DESC, id DESC LIMIT ?`,
      )
      .all(...params, query.limit ?? 100)
      .flatMap((row) => parse(row) ?? []);
  }
}

function isOlder(incoming: Incident, stored: Incident): boolean {
  if (incoming.timeline.length !== stored.timeline.length) {
    return incoming.timeline.length < stored.timeline.length;
  }
  // Same number of lines: an acknowledgement or resolution never goes away.
  return (
    (stored.resolvedAt !== undefined && incoming.resolvedAt === undefined) ||
    (stored.acknowledgedAt !== undefined && incoming.acknowledgedAt === undefined)
  );
}
