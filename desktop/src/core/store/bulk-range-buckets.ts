import {
  emptyScannedEntry,
  RESOLUTION_MS,
  type Resolution,
  type ScanOptions,
  type ScannedEntry,
  scanRun,
} from '@vantage/shared';
import type Database from 'better-sqlite3';
import { BulkLines } from './bulk-lines.js';
import {
  ALL_REGIONS,
  RESOLUTIONS,
  type ResolutionIndex,
  RUN_BUCKETS,
  RUN_MS,
  runStart,
} from './rollup-rows.js';
import { lineKey, type SeriesIndex } from './series-index.js';

/** Many monitors' lines in one region (all by default) at one resolution, over [from, to). */
export interface BulkBucketsQuery {
  monitorIds: readonly string[];
  /** Absent: all regions together (`*`). */
  region?: string;
  resolution: Resolution;
  from: number;
  to: number;
}

/** Filled by each entry's scan, then copied into the read's columns. */
const scanned: ScannedEntry = emptyScannedEntry();

type StoredRuns = [lines: string | null, lengths: string | null, bytes: Uint8Array | null];

/**
 * Reads the rollup buckets of many monitors' lines at once, for figures over every monitor (the SLA
 * overview): one statement per run start instead of one per monitor, and bucket sketches left
 * undecoded until used (see {@link LazyBucket}).
 */
export class BulkRangeBuckets {
  readonly #runs: Database.Statement<[number, number, number, number], StoredRuns>;

  constructor(
    db: Database.Database,
    private readonly series: SeriesIndex,
  ) {
    // A run start's rows are in line order (`*` lines are the negative keys, every monitor's
    // together), so the lines asked for are read as one key range, others skipped. They come back
    // as one row of three concatenations: better-sqlite3 spends about 2 µs on each row it returns
    // (a month of days of 2,000 monitors is 60,000 rows), and group_concat joins blobs byte for
    // byte in a UTF-8 database. The three aggregates step through the same rows in the same order,
    // so the lists line up.
    this.#runs = db
      .prepare(
        `SELECT group_concat(line), group_concat(length(buckets)), CAST(group_concat(buckets, '') AS BLOB)
         FROM rollup_runs WHERE resolution = ? AND start = ? AND line BETWEEN ? AND ?`,
      )
      .raw(true) as unknown as Database.Statement<[number, number, number, number], StoredRuns>;
  }

  /**
   * Each monitor's buckets at the query's resolution starting within [from, to), oldest first,
   * equal to those `rangeBuckets` reads for its line at that resolution (a run or entry that does
   * not decode reads as empty).
   */
  read(query: BulkBucketsQuery): BulkLines {
    const region = query.region ?? ALL_REGIONS;
    const lines: number[] = [];
    const seen = new Set<number>();
    const ids: string[] = [];
    let lowest = Number.POSITIVE_INFINITY;
    let highest = Number.NEGATIVE_INFINITY;
    for (const monitorId of query.monitorIds) {
      const entry = this.series.find(monitorId, region);
      if (entry === undefined) continue;
      const line = lineKey(entry);
      // A monitor asked for twice is read once.
      if (seen.has(line)) continue;
      seen.add(line);
      lines.push(line);
      ids.push(monitorId);
      lowest = Math.min(lowest, line);
      highest = Math.max(highest, line);
    }
    const out = new BulkLines(ids, region, query.resolution);
    if (ids.length === 0 || query.to <= query.from) return out;
    // Each line key's monitor (its index in ids, + 1; 0 for lines not asked for), by key − lowest:
    // keys are series ids, a few thousand at most.
    const indexOf = new Int32Array(highest - lowest + 1);
    lines.forEach((line, i) => {
      if (indexOf[line - lowest] === 0) indexOf[line - lowest] = i + 1;
    });
    const r = RESOLUTIONS.indexOf(query.resolution) as ResolutionIndex;
    const size = RESOLUTION_MS[query.resolution];
    // One options object and one visitor for the whole read, fed through these: a closure per run
    // and monitor costs more than the scan of a day's entry.
    const options: ScanOptions = { fromIndex: 0, toIndex: 0, tally: null };
    let m = 0;
    let start = 0;
    let blobIndex = 0;
    const visit = (entry: ScannedEntry) => {
      if (entry.spoiled) out.spoil(m);
      if (entry.decodes) out.add(m, start + entry.index * size, entry, blobIndex);
    };
    for (start = runStart(query.from, r); start < query.to; start += RUN_MS[r]!) {
      const [lineTexts, lengthTexts, blob] = this.#runs.get(r, start, lowest, highest)!;
      if (lineTexts === null || lengthTexts === null || blob === null) continue;
      // A plain view of the Buffer: a Buffer's subarray costs far more.
      const bytes = new Uint8Array(blob.buffer, blob.byteOffset, blob.byteLength);
      blobIndex = out.addBlob(bytes);
      const lineList = { text: lineTexts, at: 0 };
      const lengthList = { text: lengthTexts, at: 0 };
      // The entries within [from, to); a run start off its resolution's boundary decodes as
      // nothing (decodeRunEntry refuses the key).
      const aligned = start % size === 0;
      options.fromIndex = Math.max(0, Math.ceil((query.from - start) / size));
      options.toIndex = Math.ceil((query.to - start) / size);
      let at = 0;
      while (lineList.at < lineTexts.length) {
        const end = at + nextInteger(lengthList);
        const index = indexOf[nextInteger(lineList) - lowest]! - 1;
        if (index >= 0 && aligned) {
          m = index;
          const mark = out.mark(m);
          options.tally = out.tallyOf(m);
          // A run that does not split reads as empty, whatever came before the break.
          if (!scanRun(bytes, at, end, RUN_BUCKETS[r]!, scanned, options, visit)) out.truncate(m, mark);
        }
        at = end;
      }
      if (at !== bytes.length) {
        throw new Error('bulk rollup read: run lengths do not add up to the bytes read');
      }
    }
    return out;
  }
}

/**
 * The next integer of a comma-separated list (group_concat's), moving past it and its comma:
 * read from the character codes, without a string per number (a month of days of 2,000 monitors
 * lists 120,000 of them).
 */
function nextInteger(list: { text: string; at: number }): number {
  const { text } = list;
  let at = list.at;
  const negative = text.charCodeAt(at) === 45;
  if (negative) at += 1;
  let value = 0;
  for (; at < text.length; at++) {
    const code = text.charCodeAt(at);
    if (code === 44) break;
    value = value * 10 + (code - 48);
  }
  list.at = at + 1;
  return negative ? -value : value;
}
