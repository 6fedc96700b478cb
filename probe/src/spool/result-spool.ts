import { closeSync, fsync, fsyncSync, mkdirSync, openSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { CheckResult, OneOffResult } from '@vantage/shared';
import { listSegments, readSegment, scanSegment, segmentFileName } from './spool-segment.js';
import { readSpoolState, type SpoolState, writeSpoolState, writeSpoolStateSync } from './spool-state.js';

const fsyncAsync = promisify(fsync);

/** Default bounds of the spool: whichever is reached first drops the oldest results. */
export const SPOOL_DEFAULTS = {
  maxResults: 100_000,
  maxBytes: 64 * 1024 * 1024,
  segmentMaxResults: 1000,
  ackPersistMs: 5000,
} as const;

/** Where the spool lives and how much it may hold. */
export interface ResultSpoolOptions {
  dir: string;
  /** Unacknowledged results kept; past it the oldest are dropped one by one. */
  maxResults?: number;
  /** Bytes of unacknowledged segments kept; past it the oldest whole segment is dropped. */
  maxBytes?: number;
  /** Results per segment file. */
  segmentMaxResults?: number;
  /** Milliseconds after an append before it is fsynced, batching appends (default 200). */
  syncDelayMs?: number;
  /**
   * Least milliseconds between two state writes for acknowledgements (default 5000). A crash may
   * lose the acks of that window, so those results are sent again, which the relay absorbs (it
   * stores each probe id and seq once); an acked result is never lost.
   */
  ackPersistMs?: number;
  /** Told how many results were dropped and why; never called silently with 0. */
  onDrop?: (count: number, reason: 'max-results' | 'max-bytes') => void;
  /** Told about repairs on open (torn last line cut, corrupt state file) and I/O errors. */
  onProblem?: (message: string, details?: Record<string, unknown>) => void;
}

/** A result before the spool numbers it (the shape of a one-off result); what {@link ResultSpool.append} takes. */
export type UnsequencedResult = OneOffResult;

interface Segment {
  path: string;
  firstSeq: number;
  lastSeq: number;
  bytes: number;
}

interface ActiveSegment extends Segment {
  fd: number;
  /** The active segment's results stay in memory: they are the ones about to be sent. */
  records: CheckResult[];
}

/**
 * The on-disk queue of results not yet acknowledged by the relay: append-only JSONL segments
 * plus a small state file of watermarks. Each result is written with `writeSync` before anyone
 * can send it, so kill -9 loses nothing appended; `sync()` fsyncs in batches and only synced
 * results are handed out for sending, so even a power cut cannot make a sent sequence be reused.
 */
export class ResultSpool {
  readonly #dir: string;
  readonly #options: ResultSpoolOptions;
  readonly #maxResults: number;
  readonly #maxBytes: number;
  readonly #segmentMax: number;
  readonly #sealed: Segment[] = [];
  #active: ActiveSegment | undefined;
  #state: SpoolState;
  #durableSeq: number;
  #dropped = 0;
  #syncing: Promise<void> | undefined;
  #persisting: Promise<void> | undefined;
  #persistAgain = false;
  #persistedAt = -Infinity;
  #ackTimer: NodeJS.Timeout | undefined;
  #cache: { path: string; results: CheckResult[] } | undefined;
  #syncTimer: NodeJS.Timeout | undefined;
  #closed = false;

  private constructor(options: ResultSpoolOptions, state: SpoolState) {
    this.#dir = options.dir;
    this.#options = options;
    this.#maxResults = options.maxResults ?? SPOOL_DEFAULTS.maxResults;
    this.#maxBytes = options.maxBytes ?? SPOOL_DEFAULTS.maxBytes;
    this.#segmentMax = options.segmentMaxResults ?? SPOOL_DEFAULTS.segmentMaxResults;
    this.#state = state;
    this.#durableSeq = state.highSeq;
  }

  /** Opens (or creates) the spool in `dir`, repairing a torn last line left by a crash. */
  static open(options: ResultSpoolOptions): ResultSpool {
    mkdirSync(options.dir, { recursive: true });
    const { state, problem } = readSpoolState(options.dir);
    if (problem) options.onProblem?.(problem);
    const spool = new ResultSpool(options, { ...state });
    const floor = spool.floorSeq;
    for (const { path, firstSeq } of listSegments(options.dir)) {
      const scan = scanSegment(path, firstSeq);
      if (scan.tornBytes > 0)
        options.onProblem?.('cut a torn last line from a spool segment', { path, bytes: scan.tornBytes });
      spool.#state.highSeq = Math.max(spool.#state.highSeq, scan.lastSeq);
      if (scan.lastSeq <= floor) rmSync(path, { force: true });
      else spool.#sealed.push({ path, firstSeq, lastSeq: scan.lastSeq, bytes: scan.bytes });
    }
    spool.#durableSeq = spool.#state.highSeq;
    return spool;
  }

  /** Highest sequence assigned so far (0 for a fresh spool). */
  get highSeq(): number {
    return this.#state.highSeq;
  }
  /** Highest sequence known to be on stable storage; only these are handed out for sending. */
  get durableSeq(): number {
    return this.#durableSeq;
  }
  /** Highest sequence the relay acknowledged. */
  get ackedSeq(): number {
    return this.#state.ackedSeq;
  }
  /** Results at or below this sequence are gone from the spool (acknowledged or dropped). */
  get floorSeq(): number {
    return Math.max(this.#state.ackedSeq, this.#state.droppedSeq);
  }
  /** Results dropped by the bound since this spool was opened. */
  get droppedTotal(): number {
    return this.#dropped;
  }
  /** Results waiting for an acknowledgement. */
  get depth(): number {
    const floor = this.floorSeq;
    let total = 0;
    for (const segment of this.#segments())
      total += Math.max(0, segment.lastSeq - Math.max(floor, segment.firstSeq - 1));
    return total;
  }

  /** Gives a result the next sequence and appends it to disk before returning it. */
  append(result: UnsequencedResult): CheckResult {
    if (this.#closed) throw new Error('result spool is closed');
    const seq = this.#state.highSeq + 1;
    const record = { ...result, seq } as CheckResult;
    const line = `${JSON.stringify(record)}\n`;
    // A segment holds consecutive sequences only (depth and drops count by range), so a jump in
    // the sequence (see #adoptRelaySeq) starts a new one.
    const active = this.#active;
    if (!active || active.lastSeq !== seq - 1 || active.lastSeq - active.firstSeq + 1 >= this.#segmentMax)
      this.#roll(seq);
    const target = this.#active as ActiveSegment;
    writeSync(target.fd, line);
    this.#state.highSeq = seq;
    target.lastSeq = seq;
    target.bytes += Buffer.byteLength(line);
    target.records.push(record);
    this.#enforceBounds();
    // Appends are fsynced in batches whether or not anyone is sending, so a power cut while the
    // relay is away costs at most one batch.
    this.#syncTimer ??= setTimeout(() => {
      this.#syncTimer = undefined;
      this.sync().catch((error: unknown) =>
        this.#options.onProblem?.('could not fsync the spool', { error: String(error) }),
      );
    }, this.#options.syncDelayMs ?? 200);
    return record;
  }

  /** Fsyncs everything appended so far; concurrent calls share one fsync. */
  async sync(): Promise<void> {
    while (this.#syncing) await this.#syncing;
    const active = this.#active;
    const target = this.#state.highSeq;
    if (!active || this.#durableSeq >= target) {
      this.#durableSeq = Math.max(this.#durableSeq, target);
      return;
    }
    this.#syncing = fsyncAsync(active.fd).finally(() => {
      this.#syncing = undefined;
    });
    await this.#syncing;
    this.#durableSeq = Math.max(this.#durableSeq, target);
  }

  /** Up to `max` durable, unacknowledged results with a sequence above `afterSeq`, in order. */
  readAfter(afterSeq: number, max: number): CheckResult[] {
    const from = Math.max(afterSeq, this.floorSeq);
    const out: CheckResult[] = [];
    for (const segment of this.#sealed) {
      if (out.length >= max) return out;
      if (segment.lastSeq <= from || segment.firstSeq > this.#durableSeq) continue;
      for (const result of this.#readSealed(segment.path)) {
        if (result.seq > from && result.seq <= this.#durableSeq) out.push(result);
        if (out.length >= max) return out;
      }
    }
    for (const result of this.#active?.records ?? []) {
      if (out.length >= max || result.seq > this.#durableSeq) break;
      if (result.seq > from) out.push(result);
    }
    return out;
  }

  /**
   * Records the relay's cumulative acknowledgement; acknowledged segments are deleted once that is
   * persisted. An acknowledgement beyond every sequence this spool ever issued means the relay
   * already holds results under this probe id that this spool does not know (its data dir was
   * lost or its state file rebuilt): see #adoptRelaySeq.
   */
  ack(upToSeq: number): void {
    if (upToSeq > this.#state.highSeq) {
      this.#adoptRelaySeq(upToSeq);
      return;
    }
    if (upToSeq <= this.#state.ackedSeq) return;
    this.#state.ackedSeq = upToSeq;
    this.#persistAck();
  }

  /** Fsyncs, persists the watermarks and closes the files; the spool cannot be used afterwards. */
  async close(): Promise<void> {
    if (this.#closed) return;
    clearTimeout(this.#syncTimer);
    clearTimeout(this.#ackTimer);
    await this.sync();
    this.#closed = true;
    while (this.#persisting) await this.#persisting;
    writeSpoolStateSync(this.#dir, this.#state);
    this.#deleteBelow(this.floorSeq);
    if (this.#active) closeSync(this.#active.fd);
    this.#active = undefined;
  }

  /**
   * Moves the sequence past the relay's: the relay stores each `(probeId, seq)` once, so results
   * numbered at or below its high mark would be taken for copies of the ones it has and silently
   * lost. The pending results (which the relay ignored for that reason) are appended again under
   * fresh sequences, oldest first, and every later result is numbered after the relay's.
   */
  #adoptRelaySeq(relaySeq: number): void {
    const pending = this.#pending();
    this.#state.highSeq = relaySeq;
    this.#state.ackedSeq = relaySeq;
    this.#persist();
    for (const { seq: _old, ...result } of pending) this.append(result);
    this.#options.onProblem?.(
      'the relay already holds results from this probe id beyond this spool; numbering after them',
      { relaySeq, renumbered: pending.length },
    );
  }

  /** Every result not yet acknowledged or dropped, synced or not, oldest first. */
  #pending(): CheckResult[] {
    const floor = this.floorSeq;
    const out: CheckResult[] = [];
    for (const segment of this.#sealed) {
      if (segment.lastSeq <= floor) continue;
      for (const result of this.#readSealed(segment.path)) if (result.seq > floor) out.push(result);
    }
    for (const result of this.#active?.records ?? []) if (result.seq > floor) out.push(result);
    return out;
  }

  *#segments(): Iterable<Segment> {
    yield* this.#sealed;
    if (this.#active) yield this.#active;
  }

  #roll(firstSeq: number): void {
    const old = this.#active;
    if (old) {
      fsyncSync(old.fd);
      this.#durableSeq = Math.max(this.#durableSeq, old.lastSeq);
      // An fsync in flight may still hold the descriptor; close it only after that settles.
      const syncing = this.#syncing;
      if (syncing) void syncing.catch(() => undefined).finally(() => closeSync(old.fd));
      else closeSync(old.fd);
      this.#sealed.push({ path: old.path, firstSeq: old.firstSeq, lastSeq: old.lastSeq, bytes: old.bytes });
      // Its unsent tail is read next: from memory, not parsed back from disk.
      this.#cache = { path: old.path, results: old.records };
    }
    const path = join(this.#dir, segmentFileName(firstSeq));
    const fd = openSync(path, 'a');
    // The new directory entry must survive a power cut too, or the whole segment would vanish.
    const dirFd = openSync(this.#dir, 'r');
    try {
      fsyncSync(dirFd);
    } finally {
      closeSync(dirFd);
    }
    this.#active = { path, fd, firstSeq, lastSeq: firstSeq - 1, bytes: 0, records: [] };
  }

  #enforceBounds(): void {
    const excess = this.depth - this.#maxResults;
    if (excess > 0) this.#drop(excess, 'max-results');
    for (;;) {
      const floor = this.floorSeq;
      const live = this.#sealed.filter((s) => s.lastSeq > floor);
      const liveBytes = live.reduce((sum, s) => sum + s.bytes, 0) + (this.#active?.bytes ?? 0);
      const oldest = live[0];
      if (liveBytes <= this.#maxBytes || !oldest) break;
      this.#drop(oldest.lastSeq - Math.max(floor, oldest.firstSeq - 1), 'max-bytes');
    }
  }

  /** Moves the drop watermark past the `count` oldest pending results. */
  #drop(count: number, reason: 'max-results' | 'max-bytes'): void {
    let left = count;
    let floor = this.floorSeq;
    for (const segment of this.#segments()) {
      const pending = Math.max(0, segment.lastSeq - Math.max(floor, segment.firstSeq - 1));
      if (pending === 0) continue;
      const take = Math.min(pending, left);
      floor = Math.max(floor, segment.firstSeq - 1) + take;
      left -= take;
      if (left === 0) break;
    }
    this.#state.droppedSeq = floor;
    this.#dropped += count - left;
    this.#options.onDrop?.(count - left, reason);
    this.#persist();
  }

  #readSealed(path: string): CheckResult[] {
    if (this.#cache?.path === path) return this.#cache.results;
    const { results, invalid } = readSegment(path);
    if (invalid > 0)
      this.#options.onProblem?.('skipped corrupt lines in a spool segment', { path, lines: invalid });
    this.#cache = { path, results };
    return results;
  }

  /** Persists an acknowledgement now, or once the last state write is `ackPersistMs` old. */
  #persistAck(): void {
    if (this.#ackTimer) return;
    const wait =
      this.#persistedAt + (this.#options.ackPersistMs ?? SPOOL_DEFAULTS.ackPersistMs) - performance.now();
    if (wait <= 0) {
      this.#persist();
      return;
    }
    // Unref'd: an ack not yet written costs only a resend, never a lost result.
    this.#ackTimer = setTimeout(() => {
      this.#ackTimer = undefined;
      if (!this.#closed) this.#persist();
    }, wait).unref();
  }

  /** Persists the watermarks (coalesced), then deletes sealed segments wholly below the persisted floor. */
  #persist(): void {
    if (this.#persisting) {
      this.#persistAgain = true;
      return;
    }
    this.#persistedAt = performance.now();
    const snapshot = { ...this.#state };
    this.#persisting = writeSpoolState(this.#dir, snapshot)
      .then(() => this.#deleteBelow(Math.max(snapshot.ackedSeq, snapshot.droppedSeq)))
      .catch((error: unknown) =>
        this.#options.onProblem?.('could not persist spool state', { error: String(error) }),
      )
      .finally(() => {
        this.#persisting = undefined;
        if (this.#persistAgain && !this.#closed) {
          this.#persistAgain = false;
          this.#persist();
        }
      });
  }

  #deleteBelow(floor: number): void {
    while (this.#sealed.length > 0 && (this.#sealed[0] as Segment).lastSeq <= floor) {
      const segment = this.#sealed.shift() as Segment;
      if (this.#cache?.path === segment.path) this.#cache = undefined;
      rmSync(segment.path, { force: true });
    }
  }
}
