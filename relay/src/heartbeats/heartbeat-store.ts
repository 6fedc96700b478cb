import { randomBytes } from 'node:crypto';
import { HEARTBEAT_LIMITS, type HeartbeatPing, type PingKind } from '@vantage/shared';
import type Database from 'better-sqlite3';

/** A ping before it is stored. */
export type NewPing = Omit<HeartbeatPing, 'id'>;

interface PingRow {
  id: number;
  monitor_id: string;
  at: number;
  kind: PingKind;
  exit_code: number | null;
  rid: string | null;
  body: string;
}

/** A fresh ping token: 192 random bits, base64url. */
export function newPingToken(): string {
  return randomBytes(HEARTBEAT_LIMITS.tokenBytes).toString('base64url');
}

/** Heartbeat tokens and pings on the relay's SQLite database (tables of HEARTBEAT_MIGRATION). */
export class SqliteHeartbeatStore {
  readonly #insertPing: Database.Statement;
  readonly #recent: Database.Statement<[string, number], PingRow>;
  readonly #lastOf: Database.Statement<[string, PingKind], PingRow>;

  constructor(private readonly db: Database.Database) {
    this.#insertPing = db.prepare(
      'INSERT INTO heartbeat_pings (monitor_id, at, kind, exit_code, rid, body) VALUES (?, ?, ?, ?, ?, ?)',
    );
    this.#recent = db.prepare('SELECT * FROM heartbeat_pings WHERE monitor_id = ? ORDER BY id DESC LIMIT ?');
    this.#lastOf = db.prepare(
      'SELECT * FROM heartbeat_pings WHERE monitor_id = ? AND kind = ? ORDER BY id DESC LIMIT 1',
    );
  }

  /** Every monitor's ping token. */
  tokens(): Map<string, string> {
    const rows = this.db
      .prepare<[], { monitor_id: string; token: string }>('SELECT monitor_id, token FROM heartbeat_tokens')
      .all();
    return new Map(rows.map((r) => [r.monitor_id, r.token]));
  }

  /** Gives a monitor a new token (replacing any old one, which stops working at once). */
  setToken(monitorId: string, token: string, now: number): void {
    this.db
      .prepare(
        `INSERT INTO heartbeat_tokens (monitor_id, token, created_at) VALUES (?, ?, ?)
         ON CONFLICT (monitor_id) DO UPDATE SET token = excluded.token, created_at = excluded.created_at`,
      )
      .run(monitorId, token, now);
  }

  /** Remembers when a monitor was resumed from a pause (its due time counts from there). */
  setResumedAt(monitorId: string, at: number): void {
    this.db.prepare('UPDATE heartbeat_tokens SET resumed_at = ? WHERE monitor_id = ?').run(at, monitorId);
  }

  /** When each monitor was last resumed, for those that ever were. */
  resumes(): Map<string, number> {
    const rows = this.db
      .prepare<[], { monitor_id: string; resumed_at: number }>(
        'SELECT monitor_id, resumed_at FROM heartbeat_tokens WHERE resumed_at IS NOT NULL',
      )
      .all();
    return new Map(rows.map((r) => [r.monitor_id, r.resumed_at]));
  }

  /** Forgets a deleted monitor's token (its pings stay until retention removes them). */
  deleteToken(monitorId: string): void {
    this.db.prepare('DELETE FROM heartbeat_tokens WHERE monitor_id = ?').run(monitorId);
  }

  /** Stores pings in one transaction (one fsync); returns them with their ids, in order. */
  insertPings(pings: readonly NewPing[]): HeartbeatPing[] {
    const stored: HeartbeatPing[] = [];
    this.db.transaction(() => {
      for (const p of pings) {
        const info = this.#insertPing.run(p.monitorId, p.at, p.kind, p.exitCode, p.rid, p.body);
        stored.push({ ...p, id: Number(info.lastInsertRowid) });
      }
    })();
    return stored;
  }

  /** A monitor's newest pings, oldest first. */
  recentPings(monitorId: string, limit: number): HeartbeatPing[] {
    return this.#recent.all(monitorId, limit).reverse().map(pingOf);
  }

  /** A monitor's newest ping of one kind. */
  lastPing(monitorId: string, kind: PingKind): HeartbeatPing | null {
    const row = this.#lastOf.get(monitorId, kind);
    return row === undefined ? null : pingOf(row);
  }

  /**
   * Deletes pings older than `beforeTs`, except each live monitor's newest start, success and
   * failure: a heartbeat's state is restored from its pings, so a weekly job's last success must
   * outlive raw retention or a restart would forget it ran (and never page). Returns how many.
   */
  prune(beforeTs: number): number {
    return this.db
      .prepare(
        `DELETE FROM heartbeat_pings WHERE at < ? AND id NOT IN (
           SELECT max(id) FROM heartbeat_pings
           WHERE monitor_id IN (SELECT monitor_id FROM heartbeat_tokens)
           GROUP BY monitor_id, kind
         )`,
      )
      .run(beforeTs).changes;
  }
}

function pingOf(row: PingRow): HeartbeatPing {
  return {
    id: row.id,
    monitorId: row.monitor_id,
    at: row.at,
    kind: row.kind,
    exitCode: row.exit_code,
    rid: row.rid,
    body: row.body,
  };
}
