import type { CheckResult } from '@vantage/shared';
import type Database from 'better-sqlite3';
import { type ResultRow, resultFromRow } from './result-row.js';
import type { SeriesEntry, SeriesIndex } from './series-index.js';

/** One page of raw rows read back for folding. */
export interface ReplayPage {
  results: CheckResult[];
  /** The region series of each result, in step with `results`. */
  series: SeriesEntry[];
  /** The id of the page's last row. */
  lastId: number;
}

/** Rows per page: a page is folded before the next is read (the fold may itself read runs). */
const PAGE = 5000;

/**
 * Reads raw results above an id back in id order, a page at a time, as ingest stored them, and
 * moves the series index on as ingest did when it inserted them: each probe's high-water mark and
 * each series' chain head. What ingest derives from raw rows can so be rebuilt from the rows alone.
 */
export class RawReplay {
  readonly #page: Database.Statement<[number, number], ResultRow>;

  constructor(
    db: Database.Database,
    private readonly index: SeriesIndex,
  ) {
    this.#page = db.prepare('SELECT * FROM results WHERE id > ? ORDER BY id LIMIT ?');
  }

  /** The rows with ids above `after`, in pages; throws when a row names a series or probe the store does not have. */
  *after(after: number): Generator<ReplayPage> {
    let from = after;
    for (;;) {
      const rows = this.#page.all(from, PAGE);
      if (rows.length === 0) return;
      const page: ReplayPage = { results: [], series: [], lastId: from };
      for (const row of rows) {
        const series = this.index.byId(row.series);
        const probe = this.index.probeById(row.probe);
        if (series === undefined || probe === undefined) {
          throw new Error(`raw result ${row.id} names a series or probe this store does not have`);
        }
        if (row.seq > probe.maxSeq) {
          probe.maxSeq = row.seq;
          this.index.markChanged(probe);
        }
        series.lastId = row.id;
        this.index.markChanged(series);
        page.results.push(resultFromRow(row, probe.probeId, series.monitorId, series.region));
        page.series.push(series);
        page.lastId = row.id;
      }
      yield page;
      from = page.lastId;
    }
  }
}
