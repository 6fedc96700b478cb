import { bucketStart, emptyBucket, type RollupBucket } from '@vantage/shared';
import type Database from 'better-sqlite3';
import {
  ALL_REGIONS,
  bucketFromRow,
  isPlain,
  PLAIN_ARITY,
  PLAIN_COLUMNS,
  QUANTILE_ARITY,
  QUANTILE_COLUMNS,
  RESOLUTIONS,
  type StoredRollupRow,
  writeRollupArgs,
} from './rollup-rows.js';
import { lineKey, type SeriesEntry, type SeriesIndex } from './series-index.js';

/** Index of a resolution in {@link RESOLUTIONS}: 0 minute, 1 hour, 2 day. */
export type ResolutionIndex = 0 | 1 | 2;

/** The rollups of one series (a monitor in one region, or in all), as ingest sees them. */
export interface RollupLine {
  readonly series: SeriesEntry;
  /** The `line` column of its rows. */
  readonly key: number;
  /** Per resolution: the newest bucket, kept in memory across batches so it is never re-read. */
  readonly hot: Array<RollupBucket | undefined>;
  /** Per resolution: start of the newest bucket that can exist; nothing after it is on disk. */
  readonly newest: number[];
  /** Per resolution: the buckets this batch touched. */
  readonly touched: Array<Map<number, RollupBucket>>;
  /** Per resolution: the bucket returned last (consecutive results mostly share it). */
  readonly last: Array<RollupBucket | undefined>;
  /** True while the current batch has touched this line. */
  inBatch: boolean;
}

/** A monitor's lines: one per region and the all-regions line. */
export interface MonitorLines {
  readonly star: RollupLine;
  readonly regions: Map<string, RollupLine>;
}

/** Told of each bucket a committed batch wrote, with its resolution index and line key. */
export type CommitListener = (bucket: RollupBucket, r: ResolutionIndex, key: number) => void;

/** Rows per multi-row statement: one call instead of fifty (the per-call cost dominates). */
const CHUNK = 50;

interface Writer {
  arity: number;
  one: Database.Statement;
  chunk: Database.Statement;
  args: unknown[];
  pending: number;
}

/**
 * Read-modify-write of rollup rows for ingest. A batch asks for buckets with {@link bucket} and
 * folds results into them in place; {@link flush} writes every touched bucket once.
 *
 * No read is needed for a bucket past a line's frontier, the newest check time its series holds
 * (saved in the same transaction as the rollups): a bucket starting after it was never written.
 * The newest bucket of each line stays in memory. Mutation is in place, so after a rolled-back
 * transaction the caller must reload the series index and then {@link reset} this cache.
 */
export class RollupCache {
  readonly #monitors = new Map<string, MonitorLines>();
  // Parallel arrays rather than a tuple per bucket: this runs for every bucket a batch touches.
  #dirty: RollupBucket[] = [];
  #dirtyKey: number[] = [];
  #dirtyRes: ResolutionIndex[] = [];
  #lines: RollupLine[] = [];
  readonly #load: Database.Statement<[number, number, number], StoredRollupRow>;
  readonly #plain: Writer;
  readonly #quantiles: Writer;
  readonly #listeners: CommitListener[] = [];

  constructor(
    db: Database.Database,
    private readonly series: SeriesIndex,
  ) {
    this.#load = db.prepare('SELECT * FROM rollups WHERE resolution = ? AND start = ? AND line = ?');
    this.#plain = writer(db, PLAIN_COLUMNS, PLAIN_ARITY);
    this.#quantiles = writer(db, QUANTILE_COLUMNS, QUANTILE_ARITY);
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

  /** The bucket of `line` at resolution `r` starting at `start` (aligned), loaded or created, marked for writing. */
  bucket(line: RollupLine, r: ResolutionIndex, start: number): RollupBucket {
    const last = line.last[r];
    if (last !== undefined && last.start === start) return last;
    const touched = line.touched[r]!;
    let bucket = touched.get(start);
    if (bucket === undefined) {
      bucket = this.#fetch(line, r, start);
      if (!line.inBatch) {
        line.inBatch = true;
        this.#lines.push(line);
      }
      touched.set(start, bucket);
      this.#dirty.push(bucket);
      this.#dirtyKey.push(line.key);
      this.#dirtyRes.push(r);
    }
    line.last[r] = bucket;
    return bucket;
  }

  #fetch(line: RollupLine, r: ResolutionIndex, start: number): RollupBucket {
    const hot = line.hot[r];
    if (hot !== undefined && hot.start === start) return hot;
    const { monitorId, region } = line.series;
    const newest = line.newest[r]!;
    let bucket: RollupBucket | undefined;
    if (start <= newest) {
      const row = this.#load.get(r, start, line.key);
      if (row !== undefined) bucket = bucketFromRow(row, monitorId, region);
    }
    bucket ??= emptyBucket({ monitorId, region, resolution: RESOLUTIONS[r]!, start });
    if (start >= newest) {
      line.newest[r] = start;
      line.hot[r] = bucket;
    }
    return bucket;
  }

  /** Writes every bucket touched since the last {@link endBatch}; returns how many rows. */
  flush(): number {
    for (let i = 0; i < this.#dirty.length; i++) {
      const bucket = this.#dirty[i]!;
      const w = isPlain(bucket) ? this.#plain : this.#quantiles;
      writeRollupArgs(w.args, w.pending * w.arity, bucket, this.#dirtyRes[i]!, this.#dirtyKey[i]!);
      if (++w.pending === CHUNK) {
        w.chunk.run(w.args);
        w.pending = 0;
      }
    }
    for (const w of [this.#plain, this.#quantiles]) {
      for (let i = 0; i < w.pending; i++) w.one.run(w.args.slice(i * w.arity, (i + 1) * w.arity));
      w.pending = 0;
    }
    return this.#dirty.length;
  }

  /** Calls `listener` with every bucket a committed batch wrote (read it synchronously: it keeps changing). */
  onCommit(listener: CommitListener): void {
    this.#listeners.push(listener);
  }

  /** Reports the batch's buckets to the commit listeners and forgets what it touched. Call after commit. */
  endBatch(): void {
    for (const listener of this.#listeners) {
      for (let i = 0; i < this.#dirty.length; i++)
        listener(this.#dirty[i]!, this.#dirtyRes[i]!, this.#dirtyKey[i]!);
    }
    for (const line of this.#lines) {
      for (let r = 0; r < 3; r++) {
        line.touched[r]!.clear();
        line.last[r] = undefined;
      }
      line.inBatch = false;
    }
    this.#lines = [];
    this.#dirty = [];
    this.#dirtyKey = [];
    this.#dirtyRes = [];
  }

  /** Drops everything held in memory: after a rollback, or after rows were changed underneath. */
  reset(): void {
    this.#monitors.clear();
    this.#lines = [];
    this.#dirty = [];
    this.#dirtyKey = [];
    this.#dirtyRes = [];
    this.#plain.pending = 0;
    this.#quantiles.pending = 0;
  }
}

function writer(db: Database.Database, columns: string, arity: number): Writer {
  const values = `(${new Array(arity).fill('?').join(', ')})`;
  return {
    arity,
    one: db.prepare(`INSERT OR REPLACE INTO rollups ${columns} VALUES ${values}`),
    chunk: db.prepare(
      `INSERT OR REPLACE INTO rollups ${columns} VALUES ${new Array(CHUNK).fill(values).join(', ')}`,
    ),
    args: new Array(CHUNK * arity),
    pending: 0,
  };
}

function newLine(series: SeriesEntry): RollupLine {
  const frontier = series.last?.ts;
  return {
    series,
    key: lineKey(series),
    hot: [undefined, undefined, undefined],
    newest: RESOLUTIONS.map((res) =>
      frontier === undefined ? Number.NEGATIVE_INFINITY : bucketStart(frontier, res),
    ),
    touched: [new Map(), new Map(), new Map()],
    last: [undefined, undefined, undefined],
    inBatch: false,
  };
}
