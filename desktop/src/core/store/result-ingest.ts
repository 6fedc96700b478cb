import { addSample, type CheckResult, type FoldSample, foldSample, type LoggedResult } from '@vantage/shared';
import type Database from 'better-sqlite3';
import { RawReplay } from './raw-replay.js';
import { RESULT_COLUMNS, writeResultArgs } from './result-row.js';
import type { MonitorLines, ResolutionIndex, RollupCache } from './rollup-cache.js';
import type { ProbeEntry, SeriesEntry, SeriesIndex } from './series-index.js';
import { sqliteCode } from './store-errors.js';

/** Which relay's log a batch comes from, and how far in it the batch reaches. */
export interface IngestPosition {
  /** The relay's URL (or another stable name of it): cursors are per relay. */
  relay: string;
  /** The log position the page reaches (`results.page.cursor`), when beyond its last result. */
  cursor?: number;
}

/** What one ingest call did. */
export interface IngestOutcome {
  /** Results stored by this call. */
  inserted: number;
  /** Results skipped because they were already stored. */
  duplicates: number;
  /** The relay's sync cursor after this call. */
  cursor: number;
}

/**
 * When ingest writes what it derives from raw rows (rollup runs, series heads, probe marks): at
 * the first batch `everyMs` after the last checkpoint, or once `maxUnwrittenBuckets` buckets wait
 * in memory (a long catch-up), whichever comes first.
 */
export interface CheckpointPolicy {
  everyMs: number;
  maxUnwrittenBuckets: number;
}

/**
 * Two minutes: a line's runs are then rewritten once per two minutes rather than with every
 * batch (a batch a second when live), and a crash folds at most two minutes of rows again at the
 * next open. 50,000 buckets bound the memory a catch-up holds (a few MB).
 */
export const DEFAULT_CHECKPOINT: CheckpointPolicy = { everyMs: 120_000, maxUnwrittenBuckets: 50_000 };

/** Rows per multi-row INSERT. */
const CHUNK = 50;
const ARITY = RESULT_COLUMNS.length;

/**
 * Stores pages of the relay's result log exactly once and keeps the rollups and the sync cursor
 * in step with them. One call is one transaction:
 * 1. results above their probe's high-water mark are new for sure and go in by multi-row INSERT;
 *    the rest are looked up in one range read of the (probe, seq) index per probe, and those not
 *    found go one by one, doing nothing on a conflict of that UNIQUE key, except those older than raw
 *    retention, which were stored and pruned already;
 * 2. only the results actually inserted are folded, with shared's `addSample` (what `addResult`
 *    folds with; each result's latency worked out once for its six buckets), into the minute,
 *    hour and day buckets of their region and of `*`, leaving out unhealthy-probe results as
 *    shared's `foldResults` does; each series' newest check, chain head and each probe's
 *    high-water mark move on in memory;
 * 3. the relay's cursor is saved with the raw rows.
 *
 * What step 2 derives is written at checkpoints (see {@link CheckpointPolicy}), together with
 * `fold_state.folded_through`, the raw id up to which it counts every row. Raw ids only grow, so
 * the rows after that mark are exactly those the disk's rollups miss: opening the store after a
 * kill -9, or recovering from a rolled-back batch, reads the derived state back as of the last
 * checkpoint and folds those rows again (see {@link RawReplay}). So raw rows, rollups and cursor
 * always agree: the relay resends from the cursor and step 1 drops whatever was already in.
 * Reads of rollups call {@link checkpoint} first, so they never see the lag.
 */
export class ResultIngest {
  readonly #args: unknown[] = new Array(CHUNK * ARITY);
  readonly #one: unknown[] = new Array(ARITY);
  // Each result is folded into six buckets: its latency converted and binned once, here.
  readonly #sample: FoldSample = { kind: 'up', us: 0, bin: 0 };
  readonly #insertChunk: Database.Statement;
  readonly #insertOne: Database.Statement;
  readonly #saveCursor: Database.Statement<[string, number, number], { cursor: number }>;
  readonly #seqsIn: Database.Statement<[number, number, number], number>;
  readonly #saveFolded: Database.Statement<[number]>;
  readonly #replay: RawReplay;
  #nextId = 1;
  /** The highest raw id folded in memory, and the highest written with the derived state. */
  #foldedThrough = 0;
  #savedThrough = 0;
  #lastCheckpoint = performance.now();
  /** Set while memory may not match the disk plus the rows after the mark (a failed recovery). */
  #stale = true;

  constructor(
    private readonly db: Database.Database,
    private readonly series: SeriesIndex,
    private readonly rollups: RollupCache,
    private readonly clock: { now(): number; rawRetentionMs(): number },
    private readonly policy: CheckpointPolicy = DEFAULT_CHECKPOINT,
  ) {
    const values = `(${new Array(ARITY).fill('?').join(', ')})`;
    const columns = `(${RESULT_COLUMNS.join(', ')})`;
    this.#insertChunk = db.prepare(
      `INSERT INTO results ${columns} VALUES ${new Array(CHUNK).fill(values).join(', ')}`,
    );
    // Not OR IGNORE: that would also skip a row breaking NOT NULL and report it as a duplicate.
    this.#insertOne = db.prepare(
      `INSERT INTO results ${columns} VALUES ${values} ON CONFLICT (probe, seq) DO NOTHING`,
    );
    this.#saveCursor = db.prepare(
      `INSERT INTO sync_state (relay, cursor, updated_at) VALUES (?, ?, ?)
       ON CONFLICT (relay) DO UPDATE SET cursor = max(cursor, excluded.cursor), updated_at = excluded.updated_at
       RETURNING cursor`,
    );
    this.#seqsIn = db
      .prepare('SELECT seq FROM results WHERE probe = ? AND seq BETWEEN ? AND ?')
      .pluck() as unknown as Database.Statement<[number, number, number], number>;
    this.#saveFolded = db.prepare('UPDATE fold_state SET folded_through = ?');
    this.#replay = new RawReplay(db, series);
    this.#recover();
  }

  /** Stores a page of results from `position.relay` exactly once; see the class comment. */
  ingestResults(results: readonly LoggedResult[], position: IngestPosition): IngestOutcome {
    if (this.#stale) this.#recover();
    const now = this.clock.now();
    let outcome: IngestOutcome;
    try {
      outcome = this.db.transaction(() => this.#ingest(results, position, now))();
    } catch (error) {
      // The transaction rolled back; memory was changed in place and no longer matches the disk.
      this.#recover();
      throw error;
    }
    this.rollups.endBatch();
    return outcome;
  }

  /** Writes the derived state folded since the last checkpoint, if any, in a transaction of its own. */
  checkpoint(): void {
    if (this.#stale) this.#recover();
    if (this.#foldedThrough === this.#savedThrough) return;
    try {
      this.db.transaction(() => this.#checkpoint())();
    } catch (error) {
      this.#recover();
      throw error;
    }
    // Folding after a write must count as a later batch: a bucket marked in the batch of its
    // run's last write would pass for written.
    this.rollups.endBatch();
  }

  /** Writes rollups, series and probes as memory holds them, and the raw id they count through. */
  #checkpoint(): void {
    this.rollups.write();
    this.series.saveChanges();
    this.#saveFolded.run(this.#foldedThrough);
    this.#savedThrough = this.#foldedThrough;
    this.#lastCheckpoint = performance.now();
  }

  /**
   * Makes memory match the disk plus the rows after the checkpoint's mark: reads series and probes
   * back as of the last checkpoint, drops every cached run, and folds those rows again, writing a
   * checkpoint whenever the policy's bucket bound is reached (a long replay stays within it).
   */
  #recover(): void {
    this.#stale = true;
    this.series.reload();
    this.rollups.reset();
    this.#savedThrough = this.#readFoldedThrough();
    this.#foldedThrough = this.#savedThrough;
    this.#nextId = this.#readNextId();
    for (const page of this.#replay.after(this.#savedThrough)) {
      this.#fold(page.results, page.series);
      this.rollups.keepRecentHours();
      this.#foldedThrough = page.lastId;
      if (this.rollups.unwrittenBuckets >= this.policy.maxUnwrittenBuckets) {
        this.db.transaction(() => this.#checkpoint())();
      }
      this.rollups.endBatch();
    }
    this.#stale = false;
  }

  #readFoldedThrough(): number {
    return this.db.prepare<[], number>('SELECT folded_through FROM fold_state').pluck().get() ?? 0;
  }

  // Ids only grow, even once retention emptied the table: a chain link must never meet a reused id.
  #readNextId(): number {
    const row = this.db
      .prepare<[], { r: number | null; s: number | null }>(
        'SELECT (SELECT max(id) FROM results) AS r, (SELECT max(last_id) FROM series) AS s',
      )
      .get();
    return Math.max(row?.r ?? 0, row?.s ?? 0, this.#savedThrough) + 1;
  }

  #ingest(results: readonly LoggedResult[], position: IngestPosition, now: number): IngestOutcome {
    const fresh: LoggedResult[] = [];
    const freshProbe: ProbeEntry[] = [];
    const freshSeries: SeriesEntry[] = [];
    const later: LoggedResult[] = [];
    let cursor = position.cursor ?? 0;
    for (const r of results) {
      if (r.cursor > cursor) cursor = r.cursor;
      const probe = this.series.probe(r.probeId);
      if (r.seq > probe.maxSeq) {
        fresh.push(r);
        freshProbe.push(probe);
        freshSeries.push(this.series.series(r.monitorId, r.region));
        probe.maxSeq = r.seq;
        this.series.markChanged(probe);
      } else later.push(r);
    }
    const inserted: CheckResult[] = [];
    const insertedSeries: SeriesEntry[] = [];
    let at = 0;
    for (; at + CHUNK <= fresh.length; at += CHUNK) {
      const all = this.#insertChunkAt(fresh, freshProbe, freshSeries, at);
      for (let i = at; i < at + CHUNK; i++) {
        // A row above the high-water mark already stored means a hand-edited file: row by row then.
        if (all || this.#insert(fresh[i]!, freshProbe[i]!, freshSeries[i]!)) {
          inserted.push(fresh[i]!);
          insertedSeries.push(freshSeries[i]!);
        }
      }
    }
    for (; at < fresh.length; at++) {
      if (this.#insert(fresh[at]!, freshProbe[at]!, freshSeries[at]!)) {
        inserted.push(fresh[at]!);
        insertedSeries.push(freshSeries[at]!);
      }
    }
    // After the fresh rows, so a result repeated inside one batch finds its first copy stored.
    const pruned = now - this.clock.rawRetentionMs();
    const known = this.#storedSeqs(later);
    for (const r of later) {
      if (r.ts < pruned) continue;
      const probe = this.series.probe(r.probeId);
      if (known.get(probe.id)?.has(r.seq) === true) continue;
      const series = this.series.series(r.monitorId, r.region);
      if (this.#insert(r, probe, series)) {
        inserted.push(r);
        insertedSeries.push(series);
      }
    }
    this.#fold(inserted, insertedSeries);
    this.rollups.keepRecentHours();
    this.#foldedThrough = this.#nextId - 1;
    if (this.#checkpointDue()) this.#checkpoint();
    const stored = this.#saveCursor.get(position.relay, cursor, now)!.cursor;
    return { inserted: inserted.length, duplicates: results.length - inserted.length, cursor: stored };
  }

  #checkpointDue(): boolean {
    if (this.#foldedThrough === this.#savedThrough) return false;
    return (
      this.rollups.unwrittenBuckets >= this.policy.maxUnwrittenBuckets ||
      performance.now() - this.#lastCheckpoint >= this.policy.everyMs
    );
  }

  /**
   * The seqs already stored among results at or below their probe's high-water mark, by probe key:
   * one range read of the (probe, seq) index per probe instead of one failed insert per result, so
   * a resent page costs little. Left out (and so tried row by row) when a probe's seqs are too
   * sparse for a range read to pay.
   */
  #storedSeqs(later: readonly LoggedResult[]): Map<number, Set<number>> {
    const ranges = new Map<number, { min: number; max: number; n: number }>();
    for (const r of later) {
      const id = this.series.probe(r.probeId).id;
      const range = ranges.get(id);
      if (range === undefined) ranges.set(id, { min: r.seq, max: r.seq, n: 1 });
      else {
        range.min = Math.min(range.min, r.seq);
        range.max = Math.max(range.max, r.seq);
        range.n++;
      }
    }
    const stored = new Map<number, Set<number>>();
    for (const [id, { min, max, n }] of ranges) {
      if (max - min > 4 * n + 64) continue;
      stored.set(id, new Set(this.#seqsIn.all(id, min, max)));
    }
    return stored;
  }

  /** Inserts CHUNK fresh rows in one statement; false (and nothing written or linked) on a conflict. */
  #insertChunkAt(fresh: CheckResult[], probes: ProbeEntry[], series: SeriesEntry[], at: number): boolean {
    const heads: Array<number | null> = new Array(CHUNK);
    for (let i = 0; i < CHUNK; i++) {
      const s = series[at + i]!;
      const id = this.#nextId + i;
      heads[i] = s.lastId;
      writeResultArgs(this.#args, i * ARITY, fresh[at + i]!, id, probes[at + i]!.id, s.id, s.lastId);
      s.lastId = id;
    }
    try {
      // Spread, not one array: better-sqlite3 reads an array's items through the generic
      // Object::Get, which cost about as much as the insert itself; arguments it reads directly.
      this.#insertChunk.run(...this.#args);
    } catch (error) {
      if (sqliteCode(error) !== 'SQLITE_CONSTRAINT_UNIQUE') throw error;
      for (let i = CHUNK - 1; i >= 0; i--) series[at + i]!.lastId = heads[i]!;
      return false;
    }
    this.#nextId += CHUNK;
    for (let i = 0; i < CHUNK; i++) this.series.markChanged(series[at + i]!);
    return true;
  }

  #insert(r: CheckResult, probe: ProbeEntry, series: SeriesEntry): boolean {
    const id = this.#nextId;
    writeResultArgs(this.#one, 0, r, id, probe.id, series.id, series.lastId);
    if (this.#insertOne.run(...this.#one).changes !== 1) return false;
    this.#nextId++;
    series.lastId = id;
    this.series.markChanged(series);
    return true;
  }

  #fold(inserted: readonly CheckResult[], insertedSeries: readonly SeriesEntry[]): void {
    const rollups = this.rollups;
    const sample = this.#sample;
    let lines: MonitorLines | undefined;
    for (let i = 0; i < inserted.length; i++) {
      const r = inserted[i]!;
      if (r.probeHealthy === false) continue;
      if (lines === undefined || lines.star.series.monitorId !== r.monitorId)
        lines = rollups.monitor(r.monitorId);
      // Lines read their series' newest check as their frontier: get them before moving it.
      const line = rollups.region(lines, insertedSeries[i]!);
      foldSample(r, sample);
      for (let res = 0 as ResolutionIndex; res < 3; res++) {
        addSample(rollups.bucketAt(line, res, r.ts), sample);
        addSample(rollups.bucketAt(lines.star, res, r.ts), sample);
      }
      this.#advance(line.series, r);
      this.#advance(lines.star.series, r);
    }
  }

  #advance(series: SeriesEntry, r: CheckResult): void {
    const last = series.last;
    if (last === null) {
      series.last = { ts: r.ts, state: r.state, latencyMs: r.latencyMs, message: r.message };
    } else if (r.ts >= last.ts) {
      // In place: this runs twice per result, and a fresh object each time is measurable garbage.
      last.ts = r.ts;
      last.state = r.state;
      last.latencyMs = r.latencyMs;
      last.message = r.message;
    } else return;
    this.series.markChanged(series);
  }
}
