import { bucketStart, RESOLUTION_MS, type RollupBucket } from '@vantage/shared';
import type Database from 'better-sqlite3';
import { coversFrom, type HourCounts, hoursFrom } from './recent-hours.js';
import {
  ALL_REGIONS,
  RESOLUTIONS,
  type ResolutionIndex,
  RUN_MS,
  type RunRow,
  runEntries,
  runStart,
} from './rollup-rows.js';
import type { SeriesIndex } from './series-index.js';

export type { HourCounts } from './recent-hours.js';

const HOUR = RESOLUTION_MS.hour;
const HOUR_INDEX = RESOLUTIONS.indexOf('hour') as ResolutionIndex;

/**
 * The all-regions hourly counts of every monitor over the dashboard's window, in memory. Read from
 * the rollups once (the `*` hour runs of the window's days: two per monitor, whose counts are read
 * without decoding sketches), then
 * kept current by ingest, which reports every hourly `*` bucket it commits: ingest is the only
 * writer of rollups and retention only deletes hours far older than the window, so the copy
 * stays exact and a dashboard refresh reads nothing.
 */
export class DashboardHours {
  readonly #byMonitor = new Map<string, Map<number, HourCounts>>();
  #loadedFrom: number | undefined;
  readonly #read: Database.Statement<[number, number], RunRow>;

  constructor(
    db: Database.Database,
    private readonly series: SeriesIndex,
    /** Makes the rollup rows current (ingest writes them at checkpoints); called before reading them. */
    private readonly settle: () => void,
  ) {
    // `*` lines have negative keys, so each day's all-regions hour runs are one range of the primary key.
    const day = RUN_MS[HOUR_INDEX]!;
    this.#read = db
      .prepare(
        `WITH RECURSIVE days(start) AS (SELECT ? UNION ALL SELECT start + ${day} FROM days WHERE start + ${day} < ?)
         SELECT r.line, r.start, r.buckets
         FROM days CROSS JOIN rollup_runs r ON r.resolution = ${HOUR_INDEX} AND r.start = days.start AND r.line < 0`,
      )
      .raw(true) as unknown as Database.Statement<[number, number], RunRow>;
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

  /**
   * The counts of a monitor's hours from `first` on, by hour start: from its `*` series' recent
   * hours when they cover the window (always, unless the clock is behind the data or the store
   * predates them), else from the hour runs, read once for every monitor and kept current.
   */
  hoursOf(monitorId: string, first: number): ReadonlyMap<number, HourCounts> | undefined {
    const recent = this.series.find(monitorId, ALL_REGIONS)?.recentHours;
    if (recent != null && coversFrom(recent, first)) return hoursFrom(recent, first);
    this.#loadFrom(first);
    return this.#byMonitor.get(monitorId);
  }

  /** Makes memory hold every hour from `first` on, and forgets hours before it. */
  #loadFrom(first: number): void {
    const start = bucketStart(first, 'hour');
    if (this.#loadedFrom === undefined || start < this.#loadedFrom) {
      const end = this.#loadedFrom ?? Number.MAX_SAFE_INTEGER;
      // Up to the loaded part (or far ahead, so a clock behind the data still sees it all).
      const until = Math.min(end, start + 1_000 * HOUR);
      this.settle();
      for (const [line, day, bytes] of this.#read.all(runStart(start, HOUR_INDEX), until)) {
        const monitorId = this.series.byId(-line)?.monitorId;
        if (monitorId === undefined) continue;
        // A run that does not decode reads as empty, as charts read it.
        for (const { index, up, degraded, down } of runEntries(bytes, HOUR_INDEX) ?? []) {
          const hour = day + index * HOUR;
          if (hour >= start && hour < until) this.#hours(monitorId).set(hour, { up, degraded, down });
        }
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
