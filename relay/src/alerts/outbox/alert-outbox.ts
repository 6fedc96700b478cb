import {
  AlertMessage,
  AlertNotice,
  type DeliveryAttempt,
  type DeliveryRecord,
  type DeliveryStatus,
} from '@vantage/shared';
import type Database from 'better-sqlite3';

/** A message claimed for sending. */
export interface ClaimedMessage {
  rowId: number;
  channelId: string;
  message: AlertMessage;
  /** Attempts before this one. */
  attempts: number;
}

/** How an attempt ended, as the outbox records it. */
export type AttemptResult =
  | { outcome: 'delivered'; detail: string }
  | { outcome: 'retry'; detail: string; nextAttemptAt: number }
  | { outcome: 'failed'; detail: string };

/** Filters of the delivery log. */
export interface DeliveryQuery {
  channelId?: string;
  status?: DeliveryStatus;
  limit: number;
}

interface MessageRow {
  id: number;
  channel_id: string;
  status: DeliveryStatus;
  message: string;
  created_at: number;
  next_attempt_at: number | null;
  delivered_at: number | null;
  last_error: string | null;
  attempts: number;
}

const MAX_NOTICES_PER_MESSAGE = 1000;

/**
 * The durable outbox in the relay database. Notices are staged in the transaction that stores the
 * incident change; {@link composeDue} groups a channel's unsent notices into one message;
 * {@link claim} leases messages for sending; {@link record} stores an attempt and the message's
 * new state in one transaction. A crash between claim and record leaves the message `sending`;
 * {@link recoverInterrupted} (run at start) puts it back: that one request may reach the
 * provider twice, carrying the same message id both times.
 */
export class AlertOutbox {
  readonly #stage: Database.Statement<[string, string, string, number]>;
  readonly #record: (rowId: number, result: AttemptResult, at: number, durationMs: number) => void;

  constructor(
    private readonly db: Database.Database,
    /** Prefix of message ids (the relay id), so ids stay unique across relays a receiver hears from. */
    private readonly idPrefix: string,
  ) {
    this.#stage = db.prepare(
      'INSERT INTO alert_notices (channel_id, incident_id, notice, created_at) VALUES (?, ?, ?, ?)',
    );
    const attempt = db.prepare<[number, number, string, string, number]>(
      'INSERT INTO alert_attempts (message_id, at, outcome, detail, duration_ms) VALUES (?, ?, ?, ?, ?)',
    );
    const update = db.prepare<[string, number | null, number | null, string | null, number]>(
      `UPDATE alert_messages SET status = ?, next_attempt_at = ?, delivered_at = ?, last_error = ?,
         lease_until = NULL, attempts = attempts + 1 WHERE id = ?`,
    );
    this.#record = db.transaction((rowId: number, result: AttemptResult, at: number, durationMs: number) => {
      attempt.run(rowId, at, result.outcome, result.detail, Math.max(0, Math.round(durationMs)));
      if (result.outcome === 'delivered') update.run('delivered', null, at, null, rowId);
      else if (result.outcome === 'retry')
        update.run('pending', result.nextAttemptAt, null, result.detail, rowId);
      else update.run('failed', null, null, result.detail, rowId);
    });
  }

  /** Stages one notice for one channel; call inside the transaction that stores the incident change. */
  stage(channelId: string, notice: AlertNotice, now: number): void {
    this.#stage.run(channelId, notice.incidentId, JSON.stringify(notice), now);
  }

  /**
   * Groups each channel's unsent notices into one message, for every channel whose last message is
   * at least `groupWindowMs` old (an idle channel's first notice goes at once; what arrives during
   * the window waits and goes together when it ends). `decorate` may add per-channel details (ack
   * links). Returns how many messages were composed and when the next held channel becomes due.
   */
  composeDue(
    now: number,
    groupWindowMs: number,
    decorate: (channelId: string, notice: AlertNotice) => AlertNotice = (_c, n) => n,
  ): { composed: number; nextDueAt: number | null } {
    return this.db.transaction(() => {
      const channels = this.db
        .prepare<[], { channel_id: string; last: number | null }>(
          `SELECT n.channel_id, (SELECT MAX(created_at) FROM alert_messages m WHERE m.channel_id = n.channel_id) AS last
           FROM alert_notices n WHERE n.message_id IS NULL GROUP BY n.channel_id`,
        )
        .all();
      let composed = 0;
      let nextDueAt: number | null = null;
      for (const { channel_id: channelId, last } of channels) {
        const dueAt = last === null ? now : last + groupWindowMs;
        if (dueAt > now) {
          nextDueAt = nextDueAt === null ? dueAt : Math.min(nextDueAt, dueAt);
          continue;
        }
        const rows = this.db
          .prepare<[string, number], { id: number; notice: string }>(
            'SELECT id, notice FROM alert_notices WHERE channel_id = ? AND message_id IS NULL ORDER BY id LIMIT ?',
          )
          .all(channelId, MAX_NOTICES_PER_MESSAGE);
        const notices = rows.flatMap((row) => {
          const parsed = AlertNotice.safeParse(JSON.parse(row.notice));
          return parsed.success ? [decorate(channelId, parsed.data)] : [];
        });
        const rowId = Number(
          this.db
            .prepare(
              `INSERT INTO alert_messages (channel_id, status, message, created_at, next_attempt_at)
               VALUES (?, 'pending', '', ?, ?)`,
            )
            .run(channelId, now, now).lastInsertRowid,
        );
        const message: AlertMessage = { id: `${this.idPrefix}-${rowId}`, at: now, notices };
        this.db
          .prepare('UPDATE alert_messages SET message = ? WHERE id = ?')
          .run(JSON.stringify(message), rowId);
        this.db
          .prepare(
            'UPDATE alert_notices SET message_id = ? WHERE channel_id = ? AND message_id IS NULL AND id <= ?',
          )
          .run(rowId, channelId, rows.at(-1)!.id);
        composed += 1;
      }
      return { composed, nextDueAt };
    })();
  }

  /**
   * Leases due messages for `leaseMs`: at most one per channel (a channel's messages go in
   * order) and none of the channels in `busy`, which already have one in flight.
   */
  claim(now: number, leaseMs: number, busy: ReadonlySet<string>, limit: number): ClaimedMessage[] {
    return this.db.transaction(() => {
      const rows = this.db
        .prepare<[number, number], MessageRow>(
          `SELECT * FROM alert_messages
           WHERE (status = 'pending' AND next_attempt_at <= ?) OR (status = 'sending' AND lease_until <= ?)
           ORDER BY id`,
        )
        .all(now, now);
      const claimed: ClaimedMessage[] = [];
      const taken = new Set(busy);
      const lease = this.db.prepare(
        "UPDATE alert_messages SET status = 'sending', lease_until = ? WHERE id = ?",
      );
      for (const row of rows) {
        if (claimed.length >= limit) break;
        if (taken.has(row.channel_id)) continue;
        taken.add(row.channel_id);
        lease.run(now + leaseMs, row.id);
        claimed.push({
          rowId: row.id,
          channelId: row.channel_id,
          message: AlertMessage.parse(JSON.parse(row.message)),
          attempts: row.attempts,
        });
      }
      return claimed;
    })();
  }

  /** Records an attempt and the message's new state in one transaction. */
  record(rowId: number, result: AttemptResult, at: number, durationMs: number): void {
    this.#record(rowId, result, at, durationMs);
  }

  /**
   * Puts messages a crashed relay left `sending` back to pending, recording the interruption.
   * Run once at start, before the sender claims anything (one relay per database).
   */
  recoverInterrupted(now: number): number {
    return this.db.transaction(() => {
      const ids = this.db
        .prepare<[], { id: number }>("SELECT id FROM alert_messages WHERE status = 'sending'")
        .all();
      for (const { id } of ids) {
        this.db
          .prepare(
            "INSERT INTO alert_attempts (message_id, at, outcome, detail, duration_ms) VALUES (?, ?, 'interrupted', ?, 0)",
          )
          .run(id, now, 'the relay stopped while this attempt was in flight; it is sent again');
        this.db
          .prepare(
            "UPDATE alert_messages SET status = 'pending', next_attempt_at = ?, lease_until = NULL, attempts = attempts + 1 WHERE id = ?",
          )
          .run(now, id);
      }
      return ids.length;
    })();
  }

  /** When the next pending message is due, or null when none waits. */
  nextAttemptAt(): number | null {
    const row = this.db
      .prepare<[], { at: number | null }>(
        "SELECT MIN(next_attempt_at) AS at FROM alert_messages WHERE status = 'pending'",
      )
      .get();
    return row?.at ?? null;
  }

  /** The delivery log, newest first, with every attempt. */
  list(query: DeliveryQuery): DeliveryRecord[] {
    const where: string[] = [];
    const params: Array<string | number> = [];
    if (query.channelId !== undefined) {
      where.push('channel_id = ?');
      params.push(query.channelId);
    }
    if (query.status !== undefined) {
      where.push('status = ?');
      params.push(query.status);
    }
    const rows = this.db
      .prepare<Array<string | number>, MessageRow>(
        `SELECT * FROM alert_messages ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY id DESC LIMIT ?`,
      )
      .all(...params, query.limit);
    const attemptsOf = this.db.prepare<
      [number],
      { at: number; outcome: string; detail: string; duration_ms: number }
    >('SELECT at, outcome, detail, duration_ms FROM alert_attempts WHERE message_id = ? ORDER BY at, rowid');
    return rows.map((row) => ({
      id: `${this.idPrefix}-${row.id}`,
      channelId: row.channel_id,
      status: row.status,
      createdAt: row.created_at,
      nextAttemptAt: row.status === 'pending' ? row.next_attempt_at : null,
      deliveredAt: row.delivered_at,
      lastError: row.last_error,
      message: AlertMessage.parse(JSON.parse(row.message)),
      attempts: attemptsOf.all(row.id).map((a): DeliveryAttempt => ({
        at: a.at,
        outcome: a.outcome as DeliveryAttempt['outcome'],
        detail: a.detail,
        durationMs: a.duration_ms,
      })),
    }));
  }
}
