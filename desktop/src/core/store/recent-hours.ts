import { RESOLUTION_MS } from '@vantage/shared';

const HOUR = RESOLUTION_MS.hour;

/** Hours a {@link RecentHours} covers: the newest and the 24 before it, one more than the dashboard's 24. */
export const RECENT_HOURS = 25;

/**
 * The hourly check counts of one series over its newest {@link RECENT_HOURS} hours, kept on the
 * series row so that the dashboard's first call after opening reads nothing: the series are read
 * at open anyway, while the hour runs holding the same counts are megabytes of sketches.
 *
 * Exact by construction: ingest applies every hourly bucket it writes, in the same transaction,
 * and `newest` is the newest hour any bucket of the series ever had, so no hour inside
 * [newest − 24 h, newest] can be on disk without being here.
 */
export interface RecentHours {
  /** Start of the newest hour with results; -Infinity while there is none. */
  newest: number;
  /** up, degraded, down per hour, oldest first: hour i starts at newest − (24 − i) h. */
  counts: number[];
}

/** Counts of one hour. */
export interface HourCounts {
  up: number;
  degraded: number;
  down: number;
}

/** A series with no hours yet. */
export function emptyRecentHours(): RecentHours {
  return { newest: Number.NEGATIVE_INFINITY, counts: new Array<number>(3 * RECENT_HOURS).fill(0) };
}

/** Records the full counts of the hour starting at `start` (an hour bucket ingest just wrote). */
export function applyHour(recent: RecentHours, start: number, counts: HourCounts): void {
  if (start > recent.newest) {
    const shift = recent.newest === Number.NEGATIVE_INFINITY ? RECENT_HOURS : (start - recent.newest) / HOUR;
    const kept = Math.max(0, RECENT_HOURS - shift);
    recent.counts.copyWithin(0, 3 * (RECENT_HOURS - kept));
    recent.counts.fill(0, 3 * kept);
    recent.newest = start;
  }
  const slot = RECENT_HOURS - 1 - (recent.newest - start) / HOUR;
  if (slot < 0) return;
  recent.counts[3 * slot] = counts.up;
  recent.counts[3 * slot + 1] = counts.degraded;
  recent.counts[3 * slot + 2] = counts.down;
}

/** True when `recent` holds every hour from `first` on that the series has results for. */
export function coversFrom(recent: RecentHours, first: number): boolean {
  return recent.newest === Number.NEGATIVE_INFINITY || first >= recent.newest - (RECENT_HOURS - 1) * HOUR;
}

/** The counts of the hours with results from `first` on, by hour start. */
export function hoursFrom(recent: RecentHours, first: number): Map<number, HourCounts> {
  const out = new Map<number, HourCounts>();
  for (let slot = 0; slot < RECENT_HOURS; slot++) {
    const start = recent.newest - (RECENT_HOURS - 1 - slot) * HOUR;
    const up = recent.counts[3 * slot]!;
    const degraded = recent.counts[3 * slot + 1]!;
    const down = recent.counts[3 * slot + 2]!;
    if (start >= first && up + degraded + down > 0) out.set(start, { up, degraded, down });
  }
  return out;
}

/** The series-row column value: JSON, `[newest, ...counts]`, small and readable by hand. */
export function encodeRecentHours(recent: RecentHours): string {
  return JSON.stringify([
    recent.newest === Number.NEGATIVE_INFINITY ? null : recent.newest,
    ...recent.counts,
  ]);
}

/** Reads {@link encodeRecentHours}' text; null (unknown: read the runs instead) when absent or malformed. */
export function decodeRecentHours(text: string | null): RecentHours | null {
  if (text === null) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return null;
  }
  if (!Array.isArray(parsed) || parsed.length !== 1 + 3 * RECENT_HOURS) return null;
  const [newest, ...counts] = parsed as unknown[];
  if (newest !== null && !(Number.isSafeInteger(newest) && (newest as number) % HOUR === 0)) return null;
  if (!counts.every((n) => Number.isSafeInteger(n) && (n as number) >= 0)) return null;
  return {
    newest: newest === null ? Number.NEGATIVE_INFINITY : (newest as number),
    counts: counts as number[],
  };
}
