import { bucketStart, emptyBucket, RESOLUTION_MS, type RollupBucket } from '@vantage/shared';
import type Database from 'better-sqlite3';
import {
  type CachedRun,
  closeOlderBuckets,
  dropWritten,
  newRun,
  restoreBytes,
  rewrite,
  runCounts,
  storedRun,
  unwritten,
} from './cached-run.js';
import { applyHour, emptyRecentHours, RECENT_HOURS, type RecentHours } from './recent-hours.js';
import {
  ALL_REGIONS,
  entryBucket,
  RESOLUTIONS,
  type ResolutionIndex,
  runEntries,
  runStart,
} from './rollup-rows.js';
import { lineKey, type SeriesEntry, type SeriesIndex } from './series-index.js';

const HOUR_INDEX: ResolutionIndex = 1;
/** Each resolution's bucket length, by resolution index. */
const BUCKET_MS: readonly number[] = RESOLUTIONS.map((r) => RESOLUTION_MS[r]);

export type { ResolutionIndex } from './rollup-rows.js';

/** The rollups of one series (a monitor in one region, or in all), as ingest sees them. */
export interface RollupLine {
  readonly series: SeriesEntry;
  /** The `line` column of its rows. */
  readonly key: number;
  /** Per resolution: the newest run, kept in memory across batches so it is never re-read. */
  readonly hot: Array<CachedRun | undefined>;
  /** Per resolution: start of the newest run that can exist; nothing after it is on disk. */
  readonly newest: number[];
  /** Per resolution: the runs folded into since they were last written, by start. */
  readonly held: Array<Map<number, CachedRun>>;
  /** Per resolution: the run used last (consecutive results mostly share it). */
  readonly last: Array<CachedRun | undefined>;
  /** Per resolution: the bucket {@link RollupCache.bucketAt} gave last, marked in this batch. */
  readonly hit: Array<RollupBucket | undefined>;
  /** True while the current batch has touched this line. */
  inBatch: boolean;
  /** True while it holds unwritten runs. */
  holding: boolean;
}

/** A monitor's lines: one per region and the all-regions line. */
export interface MonitorLines {
  readonly star: RollupLine;
  readonly regions: Map<string, RollupLine>;
}

/** Told of each bucket a committed batch changed, with its resolution index and line key. */
export type CommitListener = (bucket: RollupBucket, r: ResolutionIndex, key: number) => void;

/** Rows per multi-row statement: one call instead of fifty (the per-call cost dominates). */
const CHUNK = 50;
const ARITY = 4;

/**
 * Read-modify-write of rollup runs for ingest. A batch asks for buckets with {@link bucket} and
 * folds results into them in place. Runs are written by {@link write}, which the caller runs at a
 * checkpoint rather than every batch: between two, a run folded into by many batches stays in
 * memory (its changed buckets decoded) and is written once. Until then the rows on disk lag; the
 * caller keeps what lets it fold the missing results again after a crash (see ResultIngest).
 *
 * No read is needed for a run past a line's frontier, the newest check time its series held when
 * the line was first used: a run starting after it was never written. The newest run of each line
 * stays in memory. Mutation is in place, so after a rolled-back transaction the caller must reload
 * the series index, {@link reset} this cache and fold again what it had not written.
 */
export class RollupCache {
  readonly #monitors = new Map<string, MonitorLines>();
  // Parallel arrays rather than a tuple per bucket: this runs for every bucket a batch touches.
  #dirty: RollupBucket[] = [];
  #dirtyKey: number[] = [];
  #dirtyRes: ResolutionIndex[] = [];
  /** Lines this batch touched, and the runs. */
  #batchLines: RollupLine[] = [];
  #batchRuns: CachedRun[] = [];
  /** Lines holding unwritten runs. */
  #holding: RollupLine[] = [];
  #unwritten = 0;
  #batch = 1;
  readonly #load: Database.Statement<[number, number, number], { buckets: Uint8Array }>;
  readonly #one: Database.Statement;
  readonly #chunk: Database.Statement;
  readonly #args: unknown[] = new Array(CHUNK * ARITY);
  #pending = 0;
  readonly #listeners: CommitListener[] = [];

  constructor(
    db: Database.Database,
    private readonly series: SeriesIndex,
  ) {
    this.#load = db.prepare(
      'SELECT buckets FROM rollup_runs WHERE resolution = ? AND start = ? AND line = ?',
    );
    const sql = 'INSERT OR REPLACE INTO rollup_runs (resolution, start, line, buckets) VALUES ';
    this.#one = db.prepare(`${sql}(?, ?, ?, ?)`);
    this.#chunk = db.prepare(sql + new Array(CHUNK).fill('(?, ?, ?, ?)').join(', '));
  }

  /** Buckets folded into and not written yet (each counted once, however many results it took). */
  get unwrittenBuckets(): number {
    return this.#unwritten;
  }

  /** The lines of a monitor; call before this batch moves the monitor's newest check. */
  monitor(monitorId: string): MonitorLines {
    let lines = this.#monitors.get(monitorId);
    if (lines === undefined) {
      lines = { star: newLine(this.series.series(monitorId, ALL_REGIONS)), regions: new Map() };
      this.#monitors.set(monitorId, lines);
    }
    return lines;
  }

  /** The line of one region series of a monitor; like {@link monitor}, before the batch moves its newest check. */
  region(lines: MonitorLines, series: SeriesEntry): RollupLine {
    let line = lines.regions.get(series.region);
    if (line === undefined) {
      line = newLine(series);
      lines.regions.set(series.region, line);
    }
    return line;
  }

  /**
   * The bucket of `line` at resolution `r` that holds time `ts`, as {@link bucket} gives it. The
   * line remembers the bucket it gave last for the rest of the batch: an hour or a day holds many
   * results in a row, and then no start is computed and nothing looked up.
   */
  bucketAt(line: RollupLine, r: ResolutionIndex, ts: number): RollupBucket {
    const hit = line.hit[r];
    if (hit !== undefined && ts >= hit.start && ts < hit.start + BUCKET_MS[r]!) return hit;
    const bucket = this.bucket(line, r, bucketStart(ts, RESOLUTIONS[r]!));
    line.hit[r] = bucket;
    return bucket;
  }

  /** The bucket of `line` at resolution `r` starting at `start` (aligned), loaded or created, marked for writing. */
  bucket(line: RollupLine, r: ResolutionIndex, start: number): RollupBucket {
    const first = runStart(start, r);
    let run = line.last[r];
    if (run === undefined || run.start !== first) {
      run = line.held[r]!.get(first) ?? this.#fetch(line, r, first);
      line.last[r] = run;
    }
    const index = (start - first) / BUCKET_MS[r]!;
    let bucket = run.open[index];
    if (bucket === undefined) {
      bucket = this.#decode(line, r, run, index);
      run.open[index] = bucket;
    }
    if (run.marks[index] !== this.#batch) {
      if (!unwritten(run, index)) this.#unwritten++;
      run.marks[index] = this.#batch;
      this.#dirty.push(bucket);
      this.#dirtyKey.push(line.key);
      this.#dirtyRes.push(r);
      if (run.touchedIn !== this.#batch) {
        run.touchedIn = this.#batch;
        this.#batchRuns.push(run);
      }
      if (!line.inBatch) {
        line.inBatch = true;
        this.#batchLines.push(line);
      }
    }
    return bucket;
  }

  #decode(line: RollupLine, r: ResolutionIndex, run: CachedRun, index: number): RollupBucket {
    const { monitorId, region } = line.series;
    const begin = run.begin[index]!;
    if (begin < 0) {
      const start = run.start + index * BUCKET_MS[r]!;
      return emptyBucket({ monitorId, region, resolution: RESOLUTIONS[r]!, start });
    }
    const entry = this.#bytes(line, r, run).subarray(begin, run.end[index]);
    const bucket = entryBucket(entry, index, r, run.start, monitorId, region);
    if (bucket === null) {
      // Folding into a bucket we cannot read would silently lose its counts.
      throw new Error(
        `rollup run ${monitorId}/${region}/${RESOLUTIONS[r]}@${run.start} does not decode at bucket ${index}`,
      );
    }
    return bucket;
  }

  /** A run's bytes, read back from its row if they were let go after writing. */
  #bytes(line: RollupLine, r: ResolutionIndex, run: CachedRun): Uint8Array {
    if (run.bytes !== null) return run.bytes;
    const row = this.#load.get(r, run.start, line.key);
    return restoreBytes(
      run,
      row?.buckets,
      `${line.series.monitorId}/${line.series.region}/${RESOLUTIONS[r]}`,
    );
  }

  /** The run of `line` at `start` when it is not held: the hot one, or read, or new; held from now on. */
  #fetch(line: RollupLine, r: ResolutionIndex, start: number): CachedRun {
    const hot = line.hot[r];
    let run: CachedRun | undefined = hot !== undefined && hot.start === start ? hot : undefined;
    if (run === undefined) {
      const newest = line.newest[r]!;
      const row = start <= newest ? this.#load.get(r, start, line.key) : undefined;
      run =
        row === undefined
          ? newRun(start, r)
          : storedRun(start, r, row.buckets, `${line.series.monitorId}/${line.series.region}`);
      if (start >= newest) {
        line.newest[r] = start;
        line.hot[r] = run;
      }
    }
    line.held[r]!.set(start, run);
    if (!line.holding) {
      line.holding = true;
      this.#holding.push(line);
    }
    return run;
  }

  /**
   * Applies the hour buckets this batch changed to the `*` series' recent hours (which the series
   * index saves with the runs at the next checkpoint). Call once per batch, after folding.
   */
  keepRecentHours(): void {
    for (const line of this.#batchLines) {
      if (line.key >= 0) continue;
      const series = line.series;
      const hours: RollupBucket[] = [];
      for (const run of line.held[HOUR_INDEX]!.values()) {
        if (run.touchedIn !== this.#batch) continue;
        run.open.forEach((bucket, i) => {
          if (bucket !== undefined && run.marks[i] === this.#batch) hours.push(bucket);
        });
      }
      if (hours.length === 0) continue;
      if (series.recentHours === null) series.recentHours = this.#readRecentHours(line, hours);
      else for (const bucket of hours) applyHour(series.recentHours, bucket.start, bucket);
      this.series.markChanged(series);
    }
  }

  /** The recent hours of a line whose series row had none (a store from before they existed), from its runs. */
  #readRecentHours(line: RollupLine, changed: readonly RollupBucket[]): RecentHours {
    const recent = emptyRecentHours();
    const newest = Math.max(...changed.map((b) => b.start));
    const size = RESOLUTION_MS.hour;
    for (const day of new Set([
      runStart(newest - (RECENT_HOURS - 1) * size, HOUR_INDEX),
      runStart(newest, HOUR_INDEX),
    ])) {
      // An unwritten run's counts are in memory only; a written one reads the same either way.
      const held = line.held[HOUR_INDEX]!.get(day);
      if (held !== undefined) {
        this.#bytes(line, HOUR_INDEX, held);
        for (const [index, counts] of runCounts(held, HOUR_INDEX))
          applyHour(recent, day + index * size, counts);
        continue;
      }
      const row = this.#load.get(HOUR_INDEX, day, line.key);
      for (const entry of (row === undefined ? null : runEntries(row.buckets, HOUR_INDEX)) ?? []) {
        applyHour(recent, day + entry.index * size, entry);
      }
    }
    return recent;
  }

  /** Writes every run folded into since it was last written (inside the caller's transaction); returns how many rows. */
  write(): number {
    let rows = 0;
    for (const line of this.#holding) {
      for (let r = 0 as ResolutionIndex; r < 3; r++) {
        const held = line.held[r]!;
        for (const run of held.values()) {
          this.#bytes(line, r, run);
          rewrite(run, this.#batch);
          closeOlderBuckets(run);
          const at = this.#pending * ARITY;
          this.#args[at] = r;
          this.#args[at + 1] = run.start;
          this.#args[at + 2] = line.key;
          this.#args[at + 3] = run.bytes;
          // The statement holds them until it runs; the line's newest run then keeps only offsets.
          dropWritten(run);
          if (++this.#pending === CHUNK) {
            // Spread for the same reason as ingest's inserts: binding an array's items is slow.
            this.#chunk.run(...this.#args);
            this.#pending = 0;
          }
          rows++;
        }
        held.clear();
      }
      line.holding = false;
    }
    for (let i = 0; i < this.#pending; i++) {
      const at = i * ARITY;
      this.#one.run(this.#args[at], this.#args[at + 1], this.#args[at + 2], this.#args[at + 3]);
    }
    this.#pending = 0;
    this.#holding.length = 0;
    this.#unwritten = 0;
    return rows;
  }

  /** Calls `listener` with every bucket a committed batch changed (read it synchronously: it keeps changing). */
  onCommit(listener: CommitListener): void {
    this.#listeners.push(listener);
  }

  /** Reports the batch's buckets to the commit listeners and forgets what the batch touched. Call after commit. */
  endBatch(): void {
    for (const listener of this.#listeners) {
      for (let i = 0; i < this.#dirty.length; i++)
        listener(this.#dirty[i]!, this.#dirtyRes[i]!, this.#dirtyKey[i]!);
    }
    for (const run of this.#batchRuns) closeOlderBuckets(run);
    for (const line of this.#batchLines) {
      for (let r = 0; r < 3; r++) {
        line.last[r] = undefined;
        line.hit[r] = undefined;
      }
      line.inBatch = false;
    }
    // Emptied, not replaced: they grow to a few thousand items every batch.
    this.#batchLines.length = 0;
    this.#batchRuns.length = 0;
    this.#dirty.length = 0;
    this.#dirtyKey.length = 0;
    this.#dirtyRes.length = 0;
    this.#batch++;
  }

  /** Drops everything held in memory, written or not: after a rollback, or after rows were changed underneath. */
  reset(): void {
    this.#monitors.clear();
    this.#batchLines = [];
    this.#batchRuns = [];
    this.#holding = [];
    this.#unwritten = 0;
    this.#dirty = [];
    this.#dirtyKey = [];
    this.#dirtyRes = [];
    this.#pending = 0;
    this.#batch++;
  }
}

function newLine(series: SeriesEntry): RollupLine {
  const frontier = series.last?.ts;
  return {
    series,
    key: lineKey(series),
    hot: [undefined, undefined, undefined],
    newest: ([0, 1, 2] as const).map((r) =>
      frontier === undefined ? Number.NEGATIVE_INFINITY : runStart(frontier, r),
    ),
    held: [new Map(), new Map(), new Map()],
    last: [undefined, undefined, undefined],
    hit: [undefined, undefined, undefined],
    inBatch: false,
    holding: false,
  };
}
