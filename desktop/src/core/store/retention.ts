import { bucketStart, joinRunEntries, RESOLUTION_MS, type Resolution } from '@vantage/shared';
import type Database from 'better-sqlite3';
import {
  RESOLUTIONS,
  type ResolutionIndex,
  ROLLUP_RETENTION_MS,
  RUN_MS,
  runEntries,
  runStart,
} from './rollup-rows.js';

/** What one pruning pass deleted. */
export interface PruneOutcome {
  rawResults: number;
  minuteRollups: number;
  hourRollups: number;
}

/** Rows deleted per statement, so the app never stalls on one long delete. */
const STEP = 20_000;

/**
 * Deletes raw results older than the raw retention (a setting, 30 days by default) and minute and
 * hour rollup buckets past their horizons ({@link ROLLUP_RETENTION_MS}); daily rollups are kept
 * forever.
 * Pruning never changes a rollup that stays: results were folded when they arrived.
 *
 * Raw rows have no time index (see the migrations), but ids grow with arrival, which follows
 * check time closely: a binary search over ids finds where old rows end, and deletes walk the id
 * range below it in steps, removing only rows whose time is past retention. A result that arrived
 * late (a relay backlog) sits above that point and goes in a later pass. Probes' high-water marks
 * stay, so a resent pruned result is not stored again.
 */
export class Retention {
  readonly #rawStep: Database.Statement<[number, number, number]>;
  readonly #firstFrom: Database.Statement<[number], { id: number; ts: number }>;
  readonly #expiredRuns: Database.Statement<[number, number], { buckets: Uint8Array }>;
  readonly #straddling: Database.Statement<[number, number], { line: number; buckets: Uint8Array }>;
  readonly #rewriteRun: Database.Statement<[Uint8Array, number, number, number]>;
  readonly #deleteRun: Database.Statement<[number, number, number]>;

  constructor(private readonly db: Database.Database) {
    this.#rawStep = db.prepare('DELETE FROM results WHERE id >= ? AND id < ? AND ts < ?');
    this.#firstFrom = db.prepare('SELECT id, ts FROM results WHERE id >= ? ORDER BY id LIMIT 1');
    // Time-major runs: each resolution's old runs sit together at its front.
    this.#expiredRuns = db.prepare(
      'DELETE FROM rollup_runs WHERE resolution = ? AND start <= ? RETURNING buckets',
    );
    this.#straddling = db.prepare('SELECT line, buckets FROM rollup_runs WHERE resolution = ? AND start = ?');
    this.#rewriteRun = db.prepare(
      'UPDATE rollup_runs SET buckets = ? WHERE resolution = ? AND start = ? AND line = ?',
    );
    this.#deleteRun = db.prepare('DELETE FROM rollup_runs WHERE resolution = ? AND start = ? AND line = ?');
  }

  /** Prunes everything older than its horizon at `now`. */
  prune(now: number, rawRetentionMs: number): PruneOutcome {
    const before = now - rawRetentionMs;
    let rawResults = 0;
    const first = this.#firstFrom.get(0);
    if (first !== undefined) {
      const end = this.#firstNewId(first.id, before);
      for (let from = first.id; from < end; from += STEP) {
        rawResults += this.#rawStep.run(from, Math.min(from + STEP, end), before).changes;
      }
    }
    const minuteRollups = this.#pruneRuns('minute', now);
    const hourRollups = this.#pruneRuns('hour', now);
    return { rawResults, minuteRollups, hourRollups };
  }

  /**
   * Deletes the buckets of a resolution that start before its horizon; returns how many. Runs
   * wholly before it go in one statement; the one run a horizon can cut through is rewritten per
   * line without its expired entries (entries are self-contained bytes: nothing is decoded).
   */
  #pruneRuns(resolution: Resolution, now: number): number {
    const r = RESOLUTIONS.indexOf(resolution) as ResolutionIndex;
    const horizon = bucketStart(now - ROLLUP_RETENTION_MS[resolution], resolution);
    let deleted = 0;
    for (const { buckets } of this.#expiredRuns.all(r, horizon - RUN_MS[r]!)) {
      deleted += runEntries(buckets, r)?.length ?? 1;
    }
    const cut = runStart(horizon, r);
    if (cut === horizon) return deleted;
    const firstKept = (horizon - cut) / RESOLUTION_MS[resolution];
    for (const { line, buckets } of this.#straddling.all(r, cut)) {
      const entries = runEntries(buckets, r);
      // A run that does not decode is left for a later pass, once wholly past the horizon.
      if (entries === null) continue;
      const kept = entries.filter((e) => e.index >= firstKept);
      if (kept.length === entries.length) continue;
      deleted += entries.length - kept.length;
      if (kept.length === 0) this.#deleteRun.run(r, cut, line);
      else this.#rewriteRun.run(joinRunEntries(kept.map((e) => e.bytes)), r, cut, line);
    }
    return deleted;
  }

  /** The first id whose row is not older than `before`, searching as if times grew with ids. */
  #firstNewId(low: number, before: number): number {
    const last =
      this.db.prepare<[], { id: number | null }>('SELECT max(id) AS id FROM results').get()?.id ?? low;
    let lo = low;
    let hi = last + 1;
    while (lo < hi) {
      const mid = Math.floor((lo + hi) / 2);
      const row = this.#firstFrom.get(mid);
      if (row === undefined || row.ts >= before) hi = mid;
      else lo = row.id + 1;
    }
    return lo;
  }
}

/** Days as ms. */
export function daysToMs(days: number): number {
  return days * RESOLUTION_MS.day;
}
