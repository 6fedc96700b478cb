import { bucketStart, RESOLUTION_MS } from '@vantage/shared';
import { type BulkLines, chartResolution, type DesktopStore } from '../store/index.js';
import { type BucketReader, hourHorizonOf, readWindow } from './line-buckets.js';

const DAY = RESOLUTION_MS.day;

/** The overview's range: [from, to), judged at `now`. */
export interface OverviewRange {
  from: number;
  to: number;
  now: number;
}

/**
 * A {@link BucketReader} for many monitors over one range, through the store's bulk reads (sketches
 * decoded only if used; figures tally them from their bytes). What every monitor's figures ask the
 * same way (see lineBuckets) is read for all of them at once: the days of each `*` line over the
 * range, and the hours of the range's first and last day when the range cuts them. The rest
 * (hours and minutes around a monitor's failures, region lines) is read line by line. Each read
 * gives the buckets the store's reader gives: those of the resolution asked, or none when
 * `rangeBuckets` would read the window at another resolution.
 */
export function overviewReader(
  store: Pick<DesktopStore, 'bulkBuckets'>,
  monitorIds: readonly string[],
  range: OverviewRange,
): BucketReader {
  const { from, to, now } = range;
  const firstDay = bucketStart(from, 'day');
  const days = store.bulkBuckets({ monitorIds, resolution: 'day', from: firstDay, to });
  // Days a range cuts are read by the hour in every line (monitor-figures' refine rule).
  const lastDay = bucketStart(to - 1, 'day');
  const cut = new Set([from > firstDay ? [firstDay] : [], lastDay + DAY > to ? [lastDay] : []].flat());
  const hours = new Map<number, BulkLines>();
  for (const day of cut) {
    if (day < hourHorizonOf(now)) continue;
    hours.set(day, store.bulkBuckets({ monitorIds, resolution: 'hour', from: day, to: day + DAY }));
  }
  return (line, resolution) => {
    const { monitorId, region } = line;
    if (chartResolution(...readWindow(resolution, line.from, line.to, now), now) !== resolution) return [];
    if (region === undefined) {
      if (resolution === 'day' && line.from === firstDay && line.to === to) return days.buckets(monitorId);
      const day = resolution === 'hour' && line.to === line.from + DAY ? hours.get(line.from) : undefined;
      if (day !== undefined) return day.buckets(monitorId);
    }
    const read = store.bulkBuckets({
      monitorIds: [monitorId],
      ...(region === undefined ? {} : { region }),
      resolution,
      from: line.from,
      to: line.to,
    });
    return read.buckets(monitorId);
  };
}
