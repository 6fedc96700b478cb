import type { RollupBucket } from '@vantage/shared';
import type Database from 'better-sqlite3';
import { type ResolutionIndex, RUN_MS, runBuckets, runStart } from './rollup-rows.js';

type StoredRun = [start: number, buckets: Uint8Array];

/** Reads the rollup buckets of one line over a range, from the runs that hold them. */
export class RunReader {
  readonly #runs: Database.Statement<[number, number, number, number, number, number], StoredRun>;

  constructor(db: Database.Database) {
    // Runs are time-major, so a line's runs are one primary-key seek each: the CTE lists the run
    // starts and CROSS JOIN keeps it the outer loop (31 seeks for a 30-day hourly chart).
    this.#runs = db
      .prepare(
        `WITH RECURSIVE starts(start) AS (SELECT ? UNION ALL SELECT start + ? FROM starts WHERE start + ? < ?)
         SELECT r.start, r.buckets
         FROM starts CROSS JOIN rollup_runs r ON r.resolution = ? AND r.start = starts.start AND r.line = ?`,
      )
      .raw(true) as unknown as Database.Statement<
      [number, number, number, number, number, number],
      StoredRun
    >;
  }

  /**
   * The buckets of line `line` (of `monitorId` in `region`) at resolution index `r` starting within
   * [from, to), oldest first. A run that does not decode reads as empty (see `runBuckets`).
   */
  buckets(
    line: number,
    r: ResolutionIndex,
    from: number,
    to: number,
    monitorId: string,
    region: string,
  ): RollupBucket[] {
    const span = RUN_MS[r]!;
    const runs = this.#runs.all(runStart(from, r), span, span, to, r, line);
    runs.sort((a, b) => a[0] - b[0]);
    const out: RollupBucket[] = [];
    for (const [start, bytes] of runs) {
      for (const bucket of runBuckets(bytes, r, start, monitorId, region, from, to)) out.push(bucket);
    }
    return out;
  }
}
