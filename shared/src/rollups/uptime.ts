import type { RollupBucket } from './rollup-bucket.js';
import { clipSpans, subtractSpans, type TimeSpan, totalLength, unionSpans } from './time-spans.js';

/** The part of an incident uptime needs: when it opened and, once over, when it resolved. */
export interface IncidentSpan {
  openedAt: number;
  /** Absent or null while the incident is open: it then lasts until `now`. */
  resolvedAt?: number | null;
}

/** A window [from, to) to measure, with the incidents and maintenance that may touch it. All epoch ms. */
export interface UptimeWindow {
  from: number;
  to: number;
  /** The current time: open incidents last until it, and a window still in progress ends at it. */
  now: number;
  incidents: readonly IncidentSpan[];
  /** Planned maintenance: neither downtime nor observed time. */
  maintenance?: readonly TimeSpan[];
}

/** One stretch of downtime inside a window. */
export interface DowntimePeriod {
  start: number;
  end: number;
  durationMs: number;
}

interface WindowAnalysis {
  /** min(to, now): the end of the part of the window that has happened. */
  end: number;
  /** Elapsed window minus maintenance. */
  observedMs: number;
  /** Sorted, disjoint downtime inside the observed time. */
  downtime: TimeSpan[];
}

function analyzeWindow(window: UptimeWindow): WindowAnalysis {
  const end = Math.min(window.to, window.now);
  if (end <= window.from) return { end, observedMs: 0, downtime: [] };
  const maintenance = clipSpans(unionSpans(window.maintenance ?? []), window.from, end);
  const incidents = clipSpans(unionSpans(outageSpans(window)), window.from, end);
  return {
    end,
    observedMs: end - window.from - totalLength(maintenance),
    downtime: subtractSpans(incidents, maintenance),
  };
}

function outageSpans(window: UptimeWindow): TimeSpan[] {
  return window.incidents.map((incident) => ({
    start: incident.openedAt,
    end: incident.resolvedAt ?? window.now,
  }));
}

/**
 * Time-weighted uptime of a window, as a fraction 0 … 1, or null when nothing of the window could
 * be observed. This is Vantage's one definition of uptime:
 * 1. the window ends at min(to, now): a window still in progress counts only its elapsed part;
 * 2. each incident covers [openedAt, resolvedAt), or [openedAt, now) while open;
 * 3. downtime is the union of those intervals, so overlapping incidents count once, clipped to
 *    the window;
 * 4. maintenance intervals are removed from both the downtime and the window;
 * 5. uptime = 1 − downtime / (window − maintenance). When that denominator is 0 (a window that has
 *    not started, or that maintenance covers entirely) the answer is null — unknown, not 100 %.
 */
export function timeWeightedUptime(window: UptimeWindow): number | null {
  const { observedMs, downtime } = analyzeWindow(window);
  if (observedMs <= 0) return null;
  return 1 - totalLength(downtime) / observedMs;
}

/** The downtime inside a window by the rules of {@link timeWeightedUptime}, in time order. */
export function downtimePeriods(window: UptimeWindow): DowntimePeriod[] {
  return analyzeWindow(window).downtime.map((span) => ({ ...span, durationMs: span.end - span.start }));
}

/**
 * Check-based uptime: the share of checks that were up or degraded, (up + degraded) / count, over
 * any number of buckets; null when they hold no checks. It weights every check equally, so a
 * burst of retried checks during an outage weighs more than in {@link timeWeightedUptime}.
 */
export function checkUptime(
  buckets: Iterable<Pick<RollupBucket, 'up' | 'degraded' | 'count'>>,
): number | null {
  let answered = 0;
  let count = 0;
  for (const bucket of buckets) {
    answered += bucket.up + bucket.degraded;
    count += bucket.count;
  }
  return count === 0 ? null : answered / count;
}

interface Outage extends TimeSpan {
  open: boolean;
}

/** Incidents joined into outages (overlapping or back-to-back incidents are one outage), unclipped. */
function outages(window: UptimeWindow): Outage[] {
  const openStarts = window.incidents
    .filter((i) => i.resolvedAt == null && i.openedAt < window.now)
    .map((i) => i.openedAt);
  return unionSpans(outageSpans(window)).map((span) => ({
    ...span,
    open: openStarts.some((start) => start >= span.start && start <= span.end),
  }));
}

/**
 * Mean time to recovery in ms: the mean full length of the outages that recovered within the
 * window's elapsed part (from, min(to, now)], including any part before `from`, since recovery
 * time belongs to the outage. Overlapping incidents form one outage; maintenance is not subtracted.
 * Null when no outage recovered in the window.
 */
export function meanTimeToRecoveryMs(window: UptimeWindow): number | null {
  const end = Math.min(window.to, window.now);
  const recovered = outages(window).filter((o) => !o.open && o.end > window.from && o.end <= end);
  if (recovered.length === 0) return null;
  return totalLength(recovered) / recovered.length;
}

/**
 * Mean time between failures in ms: the window's up time (observed time minus downtime, as in
 * {@link timeWeightedUptime}) divided by the number of outages that began within [from, min(to, now)).
 * Null when none began (no failure seen: MTBF is unbounded, not a number) or nothing was observed.
 */
export function meanTimeBetweenFailuresMs(window: UptimeWindow): number | null {
  const { end, observedMs, downtime } = analyzeWindow(window);
  if (observedMs <= 0) return null;
  const failures = outages(window).filter((o) => o.start >= window.from && o.start < end).length;
  if (failures === 0) return null;
  return (observedMs - totalLength(downtime)) / failures;
}
