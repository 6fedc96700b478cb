import { bucketStart, RESOLUTION_MS } from '@vantage/shared';
import type Database from 'better-sqlite3';
import { RESOLUTIONS, ROLLUP_RETENTION_MS } from './rollup-rows.js';

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
 * hour rollups past their horizons ({@link ROLLUP_RETENTION_MS}); daily rollups are kept forever.
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
  readonly #rollups: Database.Statement<[number, number]>;

  constructor(private readonly db: Database.Database) {
    this.#rawStep = db.prepare('DELETE FROM results WHERE id >= ? AND id < ? AND ts < ?');
    this.#firstFrom = db.prepare('SELECT id, ts FROM results WHERE id >= ? ORDER BY id LIMIT 1');
    // Time-major rollups: each resolution's old rows sit together at its front.
    this.#rollups = db.prepare('DELETE FROM rollups WHERE resolution = ? AND start < ?');
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
    const minuteRollups = this.#rollups.run(
      RESOLUTIONS.indexOf('minute'),
      bucketStart(now - ROLLUP_RETENTION_MS.minute, 'minute'),
    ).changes;
    const hourRollups = this.#rollups.run(
      RESOLUTIONS.indexOf('hour'),
      bucketStart(now - ROLLUP_RETENTION_MS.hour, 'hour'),
    ).changes;
    return { rawResults, minuteRollups, hourRollups };
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
