import { z } from 'zod';

/** Rollup granularities, finest first. */
export const Resolution = z.enum(['minute', 'hour', 'day']);
/** A rollup granularity: `minute`, `hour` or `day`. */
export type Resolution = z.infer<typeof Resolution>;

/**
 * Length of one bucket of each resolution in milliseconds. Epoch time has no leap seconds, so
 * every UTC day is exactly 86,400,000 ms and minute and hour buckets nest exactly inside days.
 */
export const RESOLUTION_MS: Readonly<Record<Resolution, number>> = Object.freeze({
  minute: 60_000,
  hour: 3_600_000,
  day: 86_400_000,
});

/** The start (epoch ms, UTC) of the `resolution` bucket that contains `ts`. */
export function bucketStart(ts: number, resolution: Resolution): number {
  const size = RESOLUTION_MS[resolution];
  return Math.floor(ts / size) * size;
}

/** True when buckets of `finer` nest inside buckets of `coarser` (or are the same resolution). */
export function nestsIn(finer: Resolution, coarser: Resolution): boolean {
  return RESOLUTION_MS[finer] <= RESOLUTION_MS[coarser];
}

/**
 * The fewest points a chart should get. "About 100", set to 90 on purpose: a 90-day range then
 * lands on 90 daily points (the familiar status-page strip) instead of 2,160 hourly ones.
 */
export const MIN_CHART_POINTS = 90;

/**
 * The resolution a chart of `rangeMs` should read. Rule: the coarsest resolution that still gives
 * at least {@link MIN_CHART_POINTS} points; ranges too short for that (under 90 minutes) use
 * minutes, the finest rollup. So 1 h → minute (60 points), 24 h → minute (1,440; hours would give
 * 24), 7 d → hour (168), 30 d → hour (720), 90 d → day (90), 1 y → day (365).
 */
export function chooseResolution(rangeMs: number): Resolution {
  if (!(rangeMs >= 0))
    throw new RangeError(`chart range must be a non-negative number of ms, got ${rangeMs}`);
  for (const resolution of ['day', 'hour'] as const) {
    if (rangeMs / RESOLUTION_MS[resolution] >= MIN_CHART_POINTS) return resolution;
  }
  return 'minute';
}
