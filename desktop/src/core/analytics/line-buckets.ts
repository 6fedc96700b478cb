import { bucketStart, type Resolution, RESOLUTION_MS, type RollupBucket } from '@vantage/shared';
import { type DesktopStore, ROLLUP_RETENTION_MS } from '../store/index.js';

/**
 * Bound once: a package's re-exported binding is a getter chain per access under CommonJS, and
 * {@link bucketEnd} runs for every bucket of every monitor of the overview.
 */
const SIZE_MS: Readonly<Record<Resolution, number>> = RESOLUTION_MS;
const HOUR = RESOLUTION_MS.hour;
const DAY = RESOLUTION_MS.day;
/**
 * The store's `rangeBuckets` picks the resolution from the range asked (shared's chooseResolution
 * wants 90 points): 90 days or more read days, 90 hours or more read hours.
 */
const DAILY_RANGE_MS = 90 * DAY;
const HOURLY_RANGE_MS = 90 * HOUR;

/** One line (a monitor in a region, or in all) to read over [from, to). */
export interface LineQuery {
  monitorId: string;
  /** Absent: all regions together. */
  region?: string;
  from: number;
  to: number;
}

/** Which day or hour buckets to read again at the next finer resolution. */
export type RefinePredicate = (bucket: RollupBucket) => boolean;

/** Reads a line's buckets of one resolution that start within [line.from, line.to), oldest first. */
export type BucketReader = (line: LineQuery, resolution: Resolution) => RollupBucket[];

/**
 * The range the store's `rangeBuckets` is asked for to read buckets of `resolution` starting within
 * [from, to): it picks the resolution from the range (see above), so the range is widened. An hour
 * read that reaches `now` is widened on the side without history (hours before it would be decoded
 * only to be dropped), the others towards the past but not before {@link hourHorizonOf}.
 */
export function readWindow(resolution: Resolution, from: number, to: number, now: number): [number, number] {
  if (resolution === 'day') return [Math.min(from, to - DAILY_RANGE_MS), to];
  if (resolution === 'minute') return [from, to];
  return to >= now
    ? [from, Math.max(to, from + HOURLY_RANGE_MS)]
    : [Math.max(hourHorizonOf(now), Math.min(from, to - HOURLY_RANGE_MS)), to];
}

/**
 * The store's {@link BucketReader}: `rangeBuckets` over the {@link readWindow}, the buckets of
 * other resolutions or outside the range dropped (none are left when the window reads another
 * resolution, as one before a resolution's horizon does).
 */
export function storeBucketReader(store: Pick<DesktopStore, 'rangeBuckets'>, now: number): BucketReader {
  return (line, resolution) => {
    const { monitorId, region, from, to } = line;
    const [start, end] = readWindow(resolution, from, to, now);
    const read = store.rangeBuckets({
      monitorId,
      ...(region === undefined ? {} : { region }),
      from: start,
      to: end,
    }).buckets;
    return read.filter((b) => b.resolution === resolution && b.start >= from && b.start < to);
  };
}

/** The first day whose hours {@link lineBuckets} reads: a day's margin clear of rows retention is about to drop. */
export function hourHorizonOf(now: number): number {
  return Math.ceil((now - ROLLUP_RETENTION_MS.hour) / DAY) * DAY + DAY;
}

/** Where a bucket ends. */
export function bucketEnd(bucket: RollupBucket): number {
  return bucket.start + SIZE_MS[bucket.resolution];
}

/** Whether a bucket is worth reading finer: it holds a failure or maintenance. */
export function worthRefining(bucket: RollupBucket): boolean {
  return bucket.down > 0 || (bucket.maintenance ?? 0) > 0;
}

/** The key {@link refinedBy} uses for a refined bucket. */
const keyOf = (resolution: string, start: number) => `${resolution}:${start}`;

/**
 * A predicate that refines exactly the days and hours that `buckets` (a line read by
 * {@link lineBuckets}) were refined at: lines compared slot by slot (regions voting on an outage)
 * must be read alike. A region's failure is always its monitor's `*` line's failure too, so
 * following the `*` line refines every region where it needs it.
 */
export function refinedBy(buckets: readonly RollupBucket[]): RefinePredicate {
  const keys = new Set<string>();
  for (const b of buckets) {
    if (b.resolution === 'hour') keys.add(keyOf('day', bucketStart(b.start, 'day')));
    if (b.resolution === 'minute') {
      keys.add(keyOf('hour', bucketStart(b.start, 'hour')));
      keys.add(keyOf('day', bucketStart(b.start, 'day')));
    }
  }
  return (bucket) => keys.has(keyOf(bucket.resolution, bucket.start));
}

/**
 * A line's rollup buckets over a range, coarse where nothing happened and fine where something did,
 * through `source` (a {@link BucketReader}, or the store's, see {@link storeBucketReader}):
 * 1. days over the whole range (kept forever; a healthy 90-day range is 90 buckets);
 * 2. each run of days that `refine` picks (by default those with a failure or maintenance) is read
 *    again by the hour, within the hour rollups' horizon (100 days);
 * 3. each hour that `refine` picks is read again by the minute, within the minute rollups'
 *    horizon (2 days), so an outage's start and end are known to the minute where the store can.
 * Buckets come back oldest first, of mixed resolution, none overlapping; the first may start
 * before `from` (buckets are whole).
 */
export function lineBuckets(
  source: Pick<DesktopStore, 'rangeBuckets'> | BucketReader,
  query: LineQuery,
  now: number,
  refine: RefinePredicate = worthRefining,
): RollupBucket[] {
  const { monitorId, region, from, to } = query;
  const reader = typeof source === 'function' ? source : storeBucketReader(source, now);
  const read = (resolution: Resolution, start: number, end: number) =>
    reader({ monitorId, ...(region === undefined ? {} : { region }), from: start, to: end }, resolution);
  // A margin of a day (an hour) keeps clear of rows retention is about to drop.
  const hourHorizon = hourHorizonOf(now);
  const minuteHorizon = Math.ceil((now - ROLLUP_RETENTION_MS.minute) / HOUR) * HOUR + HOUR;
  const firstDay = bucketStart(from, 'day');
  const days = read('day', firstDay, to);

  const out: RollupBucket[] = [];
  const refineHours = (hours: RollupBucket[]) => {
    for (const hour of hours) {
      if (hour.resolution !== 'hour' || hour.start < minuteHorizon || !refine(hour)) {
        out.push(hour);
        continue;
      }
      const minutes = read('minute', hour.start, bucketEnd(hour));
      // The minutes were pruned meanwhile: keep the hour.
      out.push(...(minutes.length === 0 ? [hour] : minutes));
    }
  };
  for (let i = 0; i < days.length;) {
    const day = days[i]!;
    if (day.resolution !== 'day' || day.start < hourHorizon || !refine(day)) {
      out.push(day);
      i++;
      continue;
    }
    // A run of consecutive days to refine, read in one call.
    let j = i + 1;
    while (j < days.length && days[j]!.start === bucketEnd(days[j - 1]!) && refine(days[j]!)) j++;
    const hours = read('hour', day.start, bucketEnd(days[j - 1]!));
    if (hours.length === 0) out.push(...days.slice(i, j));
    else refineHours(hours);
    i = j;
  }
  return out.filter((b) => bucketEnd(b) > from && b.start < to);
}
