import { bucketStart, RESOLUTION_MS, type Resolution, type RollupBucket } from '@vantage/shared';
import type Database from 'better-sqlite3';
import { type ChartQuery, chartResolution } from './history-queries.js';
import { ALL_REGIONS, RESOLUTIONS, type ResolutionIndex } from './rollup-rows.js';
import { RunReader } from './run-reader.js';
import { lineKey, type SeriesIndex } from './series-index.js';

/** The rollup buckets of one line over a range, decoded with their sketches, for figures that merge them. */
export interface RangeBuckets {
  monitorId: string;
  /** The region, or `*` for all regions together. */
  region: string;
  resolution: Resolution;
  /** The range, widened to whole buckets. */
  from: number;
  to: number;
  /** Buckets that hold results, oldest first. */
  buckets: RollupBucket[];
}

/**
 * Reads whole rollup buckets (sketch included) of one line over a range, at the resolution charts
 * use for it, so that callers can merge them with shared's rollup functions: percentiles over a
 * range come from merged sketches, never from averaging per-bucket percentiles.
 */
export class RangeRollups {
  readonly #runs: RunReader;

  constructor(
    db: Database.Database,
    private readonly series: SeriesIndex,
    private readonly now: () => number,
  ) {
    this.#runs = new RunReader(db);
  }

  /** The decoded buckets of a monitor (one region, or all) over [from, to). */
  buckets(query: ChartQuery): RangeBuckets {
    const resolution = chartResolution(query.from, query.to, this.now());
    const size = RESOLUTION_MS[resolution];
    const from = bucketStart(query.from, resolution);
    const to = bucketStart(query.to - 1, resolution) + size;
    const region = query.region ?? ALL_REGIONS;
    const series = this.series.find(query.monitorId, region);
    const r = RESOLUTIONS.indexOf(resolution) as ResolutionIndex;
    const buckets =
      series === undefined ? [] : this.#runs.buckets(lineKey(series), r, from, to, query.monitorId, region);
    return { monitorId: query.monitorId, region, resolution, from, to, buckets };
  }
}
