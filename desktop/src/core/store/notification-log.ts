import { MonitorId } from '@vantage/shared';
import type Database from 'better-sqlite3';
import { z } from 'zod';

/** One notification the desktop showed (OS or tray), as recorded for the notification history. */
export const SentNotification = z.object({
  ts: z.number().int().nonnegative(),
  /** What triggered it, `domain.verb` like the events: `incident.opened`, `incident.resolved`, `probe.unhealthy` … */
  kind: z.string().regex(/^[a-z]+(\.[a-z-]+)+$/, 'must look like "incident.opened"'),
  monitorId: MonitorId.optional(),
  incidentId: z.string().min(1).max(100).optional(),
  title: z.string().max(500),
  body: z.string().max(4000),
});
/** One notification the desktop showed. */
export type SentNotification = z.infer<typeof SentNotification>;

interface NotificationRow {
  id: number;
  ts: number;
  kind: string;
  monitor_id: string | null;
  incident_id: string | null;
  title: string;
  body: string;
}

/** The history of notifications shown, newest first. */
export class NotificationLog {
  constructor(private readonly db: Database.Database) {}

  /** Appends a notification; returns its id. */
  record(notification: SentNotification): number {
    const n = SentNotification.parse(notification);
    return Number(
      this.db
        .prepare(
          'INSERT INTO notifications_sent (ts, kind, monitor_id, incident_id, title, body) VALUES (?, ?, ?, ?, ?, ?)',
        )
        .run(n.ts, n.kind, n.monitorId ?? null, n.incidentId ?? null, n.title, n.body).lastInsertRowid,
    );
  }

  /** The newest notifications (before `beforeTs` when given), at most `limit`. */
  list(options: { limit?: number; beforeTs?: number } = {}): Array<SentNotification & { id: number }> {
    return this.db
      .prepare<[number, number], NotificationRow>(
        'SELECT * FROM notifications_sent WHERE ts < ? ORDER BY ts DESC, id DESC LIMIT ?',
      )
      .all(options.beforeTs ?? Number.MAX_SAFE_INTEGER, options.limit ?? 100)
      .map((row) => ({
        id: row.id,
        ts: row.ts,
        kind: row.kind,
        ...(row.monitor_id !== null ? { monitorId: row.monitor_id } : {}),
        ...(row.incident_id !== null ? { incidentId: row.incident_id } : {}),
        title: row.title,
        body: row.body,
      }));
  }
}
