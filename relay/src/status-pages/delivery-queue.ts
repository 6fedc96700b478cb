import { z } from 'zod';
import type Database from 'better-sqlite3';

/** A message for one subscriber, composed when queued so a retry sends the very same thing. */
export const OutgoingMessage = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('email'),
    slug: z.string(),
    to: z.string(),
    subject: z.string(),
    text: z.string(),
    html: z.string(),
  }),
  z.object({ kind: z.literal('webhook'), url: z.string(), body: z.string() }),
]);
/** A message for one subscriber. */
export type OutgoingMessage = z.infer<typeof OutgoingMessage>;

/** A queued message that is due. */
export interface QueuedDelivery {
  id: number;
  subscriberId: string;
  message: OutgoingMessage;
  attempts: number;
}

/**
 * Subscriber messages in `page_deliveries`: written in the request's transaction, sent later by
 * the notifier, so a slow SMTP server never holds up the desktop and a restart resends what is left.
 */
export class DeliveryQueue {
  constructor(private readonly db: Database.Database) {}

  /** Queues a message, due at once. */
  enqueue(subscriberId: string, message: OutgoingMessage, now: number): void {
    this.db
      .prepare('INSERT INTO page_deliveries (subscriber_id, payload, next_at) VALUES (?, ?, ?)')
      .run(subscriberId, JSON.stringify(message), now);
  }

  /** Messages due at `now`, oldest first. */
  due(now: number, limit: number): QueuedDelivery[] {
    return this.db
      .prepare<[number, number], { id: number; subscriber_id: string; payload: string; attempts: number }>(
        'SELECT id, subscriber_id, payload, attempts FROM page_deliveries WHERE next_at <= ? ORDER BY id LIMIT ?',
      )
      .all(now, limit)
      .flatMap((row) => {
        const parsed = OutgoingMessage.safeParse(JSON.parse(row.payload));
        if (parsed.success)
          return [
            { id: row.id, subscriberId: row.subscriber_id, message: parsed.data, attempts: row.attempts },
          ];
        this.remove(row.id);
        return [];
      });
  }

  /** Pushes a message back after a failed attempt. */
  retryAt(id: number, attempts: number, nextAt: number, error: string): void {
    this.db
      .prepare('UPDATE page_deliveries SET attempts = ?, next_at = ?, last_error = ? WHERE id = ?')
      .run(attempts, nextAt, error, id);
  }

  /** Drops a message (sent, or given up). */
  remove(id: number): void {
    this.db.prepare('DELETE FROM page_deliveries WHERE id = ?').run(id);
  }

  /** Messages still queued. */
  size(): number {
    return this.db.prepare<[], { n: number }>('SELECT COUNT(*) AS n FROM page_deliveries').get()!.n;
  }
}
