import { bucketStart, RESOLUTION_MS, type RollupBucket } from '@vantage/shared';
import type Database from 'better-sqlite3';
import type { ResolutionIndex } from './rollup-cache.js';
import { RESOLUTIONS } from './rollup-rows.js';
import type { SeriesIndex } from './series-index.js';

/** One hour of all-regions check counts. */
export interface HourCounts {
  up: number;
  degraded: number;
  down: number;
}

const HOUR = RESOLUTION_MS.hour;
const HOUR_INDEX = RESOLUTIONS.indexOf('hour') as ResolutionIndex;

type HourRow = [line: number, start: number, up: number, degraded: number, down: number];

/**
 * The all-regions hourly counts of every monitor over the dashboard's window, in memory. Read from
 * the rollups once (24 time-major ranges; ~50 µs a monitor here, mostly building JS rows), then
 * kept current by ingest, which reports every hourly `*` bucket it commits: ingest is the only
 * writer of rollups and retention only deletes hours far older than the window, so the copy
 * stays exact and a dashboard refresh reads nothing.
 */
export class DashboardHours {
  readonly #byMonitor = new Map<string, Map<number, HourCounts>>();
  #loadedFrom: number | undefined;
  readonly #read: Database.Statement<[number, number], HourRow>;

  constructor(
    db: Database.Database,
    private readonly series: SeriesIndex,
  ) {
    // `*` lines have negative keys, so each hour's all-regions rows are one range of the primary key.
    this.#read = db
      .prepare(
        `WITH RECURSIVE hours(start) AS (SELECT ? UNION ALL SELECT start + ${HOUR} FROM hours WHERE start + ${HOUR} < ?)
         SELECT r.line, r.start, r.up, r.degraded, r.down
         FROM hours CROSS JOIN rollups r ON r.resolution = ${HOUR_INDEX} AND r.start = hours.start AND r.line < 0`,
      )
      .raw(true) as unknown as Database.Statement<[number, number], HourRow>;
  }

  /** Ingest's commit listener: keeps the hourly `*` buckets it wrote. */
  readonly note = (bucket: RollupBucket, r: ResolutionIndex, key: number): void => {
    if (r !== HOUR_INDEX || key >= 0 || this.#loadedFrom === undefined || bucket.start < this.#loadedFrom)
      return;
    this.#hours(bucket.monitorId).set(bucket.start, {
      up: bucket.up,
      degraded: bucket.degraded,
      down: bucket.down,
    });
  };

  /** The counts of a monitor's hours from `first` on, by hour start; reads what memory does not hold yet. */
  hoursOf(monitorId: string, first: number): ReadonlyMap<number, HourCounts> | undefined {
    this.#loadFrom(first);
    return this.#byMonitor.get(monitorId);
  }

  /** Makes memory hold every hour from `first` on, and forgets hours before it. */
  #loadFrom(first: number): void {
    const start = bucketStart(first, 'hour');
    if (this.#loadedFrom === undefined || start < this.#loadedFrom) {
      const end = this.#loadedFrom ?? Number.MAX_SAFE_INTEGER;
      // Up to the loaded part (or far ahead, so a clock behind the data still sees it all).
      for (const [line, hour, up, degraded, down] of this.#read.all(
        start,
        Math.min(end, start + 1_000 * HOUR),
      )) {
        const monitorId = this.series.byId(-line)?.monitorId;
        if (monitorId !== undefined) this.#hours(monitorId).set(hour, { up, degraded, down });
      }
      this.#loadedFrom = start;
    } else if (start > this.#loadedFrom + HOUR) {
      for (const hours of this.#byMonitor.values())
        for (const h of hours.keys()) if (h < start) hours.delete(h);
      this.#loadedFrom = start;
    }
  }

  #hours(monitorId: string): Map<number, HourCounts> {
    let hours = this.#byMonitor.get(monitorId);
    if (hours === undefined) {
      hours = new Map();
      this.#byMonitor.set(monitorId, hours);
    }
    return hours;
  }
}
