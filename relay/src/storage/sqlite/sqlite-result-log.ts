import type { CheckResult } from '@vantage/shared';
import type Database from 'better-sqlite3';
import type { CommitListener, LoggedResult, ResultLog } from '../relay-storage.js';
import { fromRow, payloadOf, type ResultRow } from './result-row.js';

/**
 * A store whose writes must land in the same transaction as the results (daily aggregates): it
 * stages inside the transaction and learns afterwards whether the transaction held.
 */
export interface CommitParticipant {
  stage(inserted: readonly LoggedResult[]): void;
  committed(): void;
  rolledBack(): void;
}

/** Rows per multi-row INSERT: one statement call instead of fifty (the per-call cost dominates). */
const CHUNK = 50;
const COLUMNS = '(probe_id, seq, monitor_id, region, ts, state, latency_ms, payload)';

interface PendingBatch {
  probeId: string;
  results: CheckResult[];
  resolve(value: { storedSeq: number; inserted: LoggedResult[] }): void;
  reject(error: Error): void;
}

/**
 * The result log on SQLite. Idempotence comes from a per-probe high-water mark: probes send in
 * seq order and resend from their oldest unacked result, so anything at or below the stored seq
 * is a duplicate (the UNIQUE (probe_id, seq) key backs this up). Batches that arrive in the same
 * turn of the event loop, from any number of connections, share one transaction and one fsync.
 */
export class SqliteResultLog implements ResultLog {
  readonly #pending: PendingBatch[] = [];
  readonly #seqCache = new Map<string, number>();
  readonly #listeners = new Set<CommitListener>();
  #flushed: Promise<void> | undefined;
  #count: number | undefined;
  readonly #insert: Database.Statement;
  readonly #insertChunk: Database.Statement;
  readonly #args: unknown[] = new Array(CHUNK * 8);
  readonly #getSeq: Database.Statement<[string], { stored_seq: number }>;
  readonly #setSeq: Database.Statement<[string, number]>;
  readonly #readAfter: Database.Statement<[number, number], ResultRow>;

  constructor(
    private readonly db: Database.Database,
    private readonly participants: readonly CommitParticipant[] = [],
  ) {
    this.#insert = db.prepare(`INSERT OR IGNORE INTO results ${COLUMNS} VALUES (?, ?, ?, ?, ?, ?, ?, ?)`);
    // Plain INSERT: the high-water mark already skipped stored results, so a conflict means the
    // chunk must go row by row (OR IGNORE) instead; rowids of one statement are consecutive.
    this.#insertChunk = db.prepare(
      `INSERT INTO results ${COLUMNS} VALUES ${Array.from({ length: CHUNK }, () => '(?, ?, ?, ?, ?, ?, ?, ?)').join(', ')}`,
    );
    this.#getSeq = db.prepare('SELECT stored_seq FROM probe_seq WHERE probe_id = ?');
    this.#setSeq = db.prepare(
      `INSERT INTO probe_seq (probe_id, stored_seq) VALUES (?, ?)
       ON CONFLICT (probe_id) DO UPDATE SET stored_seq = max(stored_seq, excluded.stored_seq)`,
    );
    this.#readAfter = db.prepare('SELECT * FROM results WHERE cursor > ? ORDER BY cursor LIMIT ?');
  }

  append(probeId: string, results: CheckResult[]): Promise<{ storedSeq: number; inserted: LoggedResult[] }> {
    return new Promise((resolve, reject) => {
      this.#pending.push({ probeId, results, resolve, reject });
      this.#flushed ??= new Promise<void>((done) =>
        setImmediate(() => {
          this.#flushed = undefined;
          this.#flush();
          done();
        }),
      );
    });
  }

  onCommit(listener: CommitListener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  flush(): Promise<void> {
    return this.#flushed ?? Promise.resolve();
  }

  #flush(): void {
    const batches = this.#pending.splice(0);
    if (batches.length === 0) return;
    const outcomes: Array<{ storedSeq: number; inserted: LoggedResult[] }> = [];
    const seqBefore = new Map(this.#seqCache);
    const all: LoggedResult[] = [];
    try {
      this.db.transaction(() => {
        for (const batch of batches) {
          const outcome = this.#insertBatch(batch);
          outcomes.push(outcome);
          for (const row of outcome.inserted) all.push(row);
        }
        if (all.length > 0) for (const participant of this.participants) participant.stage(all);
      })();
    } catch (error) {
      // The transaction rolled back: forget the seqs it would have stored, fail every batch in it.
      this.#seqCache.clear();
      for (const [k, v] of seqBefore) this.#seqCache.set(k, v);
      for (const participant of this.participants) participant.rolledBack();
      for (const batch of batches) batch.reject(error as Error);
      return;
    }
    for (const participant of this.participants) participant.committed();
    if (this.#count !== undefined) this.#count += all.length;
    if (all.length > 0) {
      for (const listener of this.#listeners) {
        // A listener's bug must not turn a committed batch into a failed append (the probe would resend).
        try {
          listener(all);
        } catch {
          // Listeners catch and log their own errors; this guard only keeps the acks flowing.
        }
      }
    }
    for (const [i, batch] of batches.entries()) batch.resolve(outcomes[i]!);
  }

  /**
   * Inserts a batch's new results. The result objects become the logged ones (their `cursor` is
   * set in place rather than copied): the log owns what it is given.
   */
  #insertBatch(batch: PendingBatch): { storedSeq: number; inserted: LoggedResult[] } {
    let stored = this.storedSeq(batch.probeId);
    const fresh: CheckResult[] = [];
    for (const result of batch.results) {
      if (result.probeId !== batch.probeId || result.seq <= stored) continue;
      fresh.push(result);
      stored = result.seq;
    }
    const inserted: LoggedResult[] = [];
    let at = 0;
    for (; at + CHUNK <= fresh.length; at += CHUNK) this.#insertChunkOf(fresh, at, inserted);
    for (; at < fresh.length; at++) this.#insertOne(fresh[at]!, inserted);
    this.#setSeq.run(batch.probeId, stored);
    this.#seqCache.set(batch.probeId, stored);
    return { storedSeq: stored, inserted };
  }

  #insertChunkOf(fresh: CheckResult[], at: number, inserted: LoggedResult[]): void {
    const args = this.#args;
    for (let i = 0; i < CHUNK; i++) {
      const r = fresh[at + i]!;
      const o = i * 8;
      args[o] = r.probeId;
      args[o + 1] = r.seq;
      args[o + 2] = r.monitorId;
      args[o + 3] = r.region;
      args[o + 4] = r.ts;
      args[o + 5] = r.state;
      args[o + 6] = r.latencyMs;
      args[o + 7] = payloadOf(r);
    }
    let last: number;
    try {
      last = Number(this.#insertChunk.run(args).lastInsertRowid);
    } catch (error) {
      if ((error as { code?: string }).code !== 'SQLITE_CONSTRAINT_UNIQUE') throw error;
      for (let i = 0; i < CHUNK; i++) this.#insertOne(fresh[at + i]!, inserted);
      return;
    }
    for (let i = 0; i < CHUNK; i++) {
      const logged = fresh[at + i] as LoggedResult;
      logged.cursor = last - CHUNK + 1 + i;
      inserted.push(logged);
    }
  }

  #insertOne(result: CheckResult, inserted: LoggedResult[]): void {
    const r = result;
    const info = this.#insert.run(
      r.probeId,
      r.seq,
      r.monitorId,
      r.region,
      r.ts,
      r.state,
      r.latencyMs,
      payloadOf(r),
    );
    if (info.changes === 1) {
      (r as LoggedResult).cursor = Number(info.lastInsertRowid);
      inserted.push(r as LoggedResult);
    }
  }

  readAfter(cursor: number, limit: number): LoggedResult[] {
    return this.#readAfter.all(cursor, limit).map(fromRow);
  }

  headCursor(): number {
    const row = this.db.prepare<[], { c: number | null }>('SELECT max(cursor) AS c FROM results').get();
    if (row?.c != null) return row.c;
    // An empty log after pruning still has a head: AUTOINCREMENT remembers it.
    const seq = this.db
      .prepare<[], { seq: number }>("SELECT seq FROM sqlite_sequence WHERE name = 'results'")
      .get();
    return seq?.seq ?? 0;
  }

  tailCursor(): number {
    return this.db.prepare<[], { c: number | null }>('SELECT min(cursor) AS c FROM results').get()?.c ?? 0;
  }

  storedSeq(probeId: string): number {
    let seq = this.#seqCache.get(probeId);
    if (seq === undefined) {
      seq = this.#getSeq.get(probeId)?.stored_seq ?? 0;
      this.#seqCache.set(probeId, seq);
    }
    return seq;
  }

  prune(beforeTs: number): number {
    const deleted = this.db.prepare('DELETE FROM results WHERE ts < ?').run(beforeTs).changes;
    if (this.#count !== undefined) this.#count -= deleted;
    return deleted;
  }

  count(): number {
    // Counted once, then kept by commits and prunes: count(*) scans the whole log, and /metrics asks often.
    this.#count ??= this.db.prepare<[], { n: number }>('SELECT count(*) AS n FROM results').get()?.n ?? 0;
    return this.#count;
  }
}
