import { randomBytes } from 'node:crypto';
import {
  PageIncident,
  type PageIncidentCreate,
  PageIncidentCreate as PageIncidentCreateSchema,
  type PageIncidentUpdateInput,
  PageIncidentUpdateInput as PageIncidentUpdateSchema,
} from '@vantage/shared';
import type Database from 'better-sqlite3';

/** Written incidents in `page_incidents`, one JSON document each (updates inside, oldest first). */
export class PageIncidentStore {
  constructor(private readonly db: Database.Database) {}

  /** A page's written incidents, newest first. */
  list(slug: string): PageIncident[] {
    return this.db
      .prepare<[string], { data: string }>(
        'SELECT data FROM page_incidents WHERE slug = ? ORDER BY created_at DESC, id DESC',
      )
      .all(slug)
      .flatMap((row) => {
        const parsed = PageIncident.safeParse(JSON.parse(row.data));
        return parsed.success ? [parsed.data] : [];
      });
  }

  /** One incident of a page, or undefined. */
  get(slug: string, id: string): PageIncident | undefined {
    const row = this.db
      .prepare<[string, string], { data: string }>(
        'SELECT data FROM page_incidents WHERE slug = ? AND id = ?',
      )
      .get(slug, id);
    if (row === undefined) return undefined;
    const parsed = PageIncident.safeParse(JSON.parse(row.data));
    return parsed.success ? parsed.data : undefined;
  }

  /** Unresolved incidents of a page. */
  openCount(slug: string): number {
    return this.db
      .prepare<[string], { n: number }>(
        'SELECT COUNT(*) AS n FROM page_incidents WHERE slug = ? AND resolved_at IS NULL',
      )
      .get(slug)!.n;
  }

  /** Opens an incident with its first update. */
  create(slug: string, input: PageIncidentCreate, now: number): PageIncident {
    const body = PageIncidentCreateSchema.parse(input);
    const incident: PageIncident = {
      id: `inc_${randomBytes(8).toString('hex')}`,
      slug,
      title: body.title,
      impact: body.impact,
      monitorIds: body.monitorIds,
      updates: [{ status: body.status, message: body.message, at: now }],
      createdAt: now,
      ...(body.status === 'resolved' ? { resolvedAt: now } : {}),
    };
    this.#save(incident);
    return incident;
  }

  /** Appends an update (`resolved` closes it, any other status reopens it). */
  addUpdate(incident: PageIncident, input: PageIncidentUpdateInput, now: number): PageIncident {
    const body = PageIncidentUpdateSchema.parse(input);
    const { resolvedAt: _closed, ...rest } = incident;
    const next: PageIncident = {
      ...rest,
      impact: body.impact ?? incident.impact,
      updates: [...incident.updates, { status: body.status, message: body.message, at: now }],
      ...(body.status === 'resolved' ? { resolvedAt: now } : {}),
    };
    this.#save(next);
    return next;
  }

  /** Deletes one incident; returns whether it existed. */
  delete(slug: string, id: string): boolean {
    return this.db.prepare('DELETE FROM page_incidents WHERE slug = ? AND id = ?').run(slug, id).changes > 0;
  }

  /** Deletes every incident of a page. */
  deleteAll(slug: string): void {
    this.db.prepare('DELETE FROM page_incidents WHERE slug = ?').run(slug);
  }

  #save(incident: PageIncident): void {
    this.db
      .prepare(
        `INSERT INTO page_incidents (id, slug, created_at, resolved_at, data) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (id) DO UPDATE SET resolved_at = excluded.resolved_at, data = excluded.data`,
      )
      .run(
        incident.id,
        incident.slug,
        incident.createdAt,
        incident.resolvedAt ?? null,
        JSON.stringify(incident),
      );
  }
}
