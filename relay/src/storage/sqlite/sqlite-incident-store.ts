import { Incident } from '@vantage/shared';
import type Database from 'better-sqlite3';
import type { IncidentQuery, IncidentStore } from '../relay-storage.js';

interface IncidentRow {
  data: string;
}

/** Parses a stored incident; a row another version wrote wrongly is skipped rather than trusted. */
function parse(row: IncidentRow | undefined): Incident | null {
  if (row === undefined) return null;
  const parsed = Incident.safeParse(JSON.parse(row.data));
  return parsed.success ? parsed.data : null;
}

/** Incidents as JSON documents, with the columns queries filter on alongside. */
export class SqliteIncidentStore implements IncidentStore {
  readonly #save: Database.Statement<[string, string, number, number | null, string]>;
  readonly #get: Database.Statement<[string], IncidentRow>;

  constructor(private readonly db: Database.Database) {
    this.#save = db.prepare(
      `INSERT INTO incidents (id, monitor_id, opened_at, resolved_at, data) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (id) DO UPDATE SET resolved_at = excluded.resolved_at, data = excluded.data`,
    );
    this.#get = db.prepare('SELECT data FROM incidents WHERE id = ?');
  }

  save(incident: Incident): void {
    this.#save.run(
      incident.id,
      incident.monitorId,
      incident.openedAt,
      incident.resolvedAt ?? null,
      JSON.stringify(incident),
    );
  }

  get(id: string): Incident | null {
    return parse(this.#get.get(id));
  }

  listOpen(): Incident[] {
    return this.db
      .prepare<[], IncidentRow>('SELECT data FROM incidents WHERE resolved_at IS NULL ORDER BY opened_at, id')
      .all()
      .flatMap((row) => parse(row) ?? []);
  }

  list(query: IncidentQuery): Incident[] {
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
      .all(...params, query.limit)
      .flatMap((row) => parse(row) ?? []);
  }

  incidentCounts(): Map<string, number> {
    const counts = new Map<string, number>();
    const rows = this.db
      .prepare<[], { id: string; monitor_id: string }>('SELECT id, monitor_id FROM incidents')
      .all();
    for (const { id, monitor_id } of rows) {
      const n = Number(id.slice(id.lastIndexOf(':') + 1));
      if (Number.isInteger(n) && n > (counts.get(monitor_id) ?? 0)) counts.set(monitor_id, n);
    }
    return counts;
  }
}
