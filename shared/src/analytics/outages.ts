import type { TimeSpan } from '../rollups/time-spans.js';
import type { DownRun } from './down-runs.js';

/** The part of an incident an outage list reads. */
export interface OutageIncident {
  id: string;
  openedAt: number;
  /** Absent or null while open. */
  resolvedAt?: number | null;
  cause: string;
  regions: readonly string[];
}

/** One outage: incidents and failed-check runs that overlap or touch, joined. Times in epoch ms. */
export interface Outage extends TimeSpan {
  /** Still going at `now` (an open incident, or a run reaching `now`). */
  open: boolean;
  durationS: number;
  /** The incidents' causes, or the regions whose checks failed when no incident covers it. */
  cause: string;
  /** Ids of the incidents inside it (empty: seen in the rollups only). */
  incidentIds: string[];
  regions: string[];
}

/** The cause line of an outage seen only in the rollups. */
export function downRunCause(regions: readonly string[]): string {
  return regions.length === 0 ? 'Checks failed' : `Checks failed in ${regions.join(', ')}`;
}

/**
 * The outages of a monitor up to `now`, oldest first:
 * 1. each incident spans [openedAt, resolvedAt ?? now); each down run its own span;
 * 2. spans that overlap or touch join into one outage (an incident is usually preceded by the
 *    failed checks that confirmed it: one outage, not two);
 * 3. an outage's cause is its incidents' causes (distinct, in order), else the failing regions.
 * Spans are not clipped to a range: an outage's duration is its whole length.
 */
export function mergeOutages(
  incidents: readonly OutageIncident[],
  runs: readonly DownRun[],
  now: number,
): Outage[] {
  type Part = {
    start: number;
    end: number;
    open: boolean;
    incident?: OutageIncident;
    regions: readonly string[];
  };
  const all: Part[] = [
    ...incidents
      .filter((i) => i.openedAt < now)
      .map((i) => ({
        start: i.openedAt,
        end: i.resolvedAt == null ? now : Math.min(i.resolvedAt, now),
        open: i.resolvedAt == null || i.resolvedAt > now,
        incident: i,
        regions: i.regions,
      })),
    ...runs
      .filter((r) => r.start < now)
      .map((r) => ({ start: r.start, end: Math.min(r.end, now), open: r.end >= now, regions: r.regions })),
  ];
  const parts = all
    .filter((p) => p.end > p.start || p.incident !== undefined)
    .sort((a, b) => a.start - b.start || b.end - a.end);
  const groups: Part[][] = [];
  let end = Number.NEGATIVE_INFINITY;
  for (const part of parts) {
    const group = groups.at(-1);
    if (group !== undefined && part.start <= end) {
      group.push(part);
      end = Math.max(end, part.end);
    } else {
      groups.push([part]);
      end = part.end;
    }
  }
  return groups.map((group) => {
    const start = group[0]!.start;
    const stop = Math.max(...group.map((p) => p.end));
    const incidentsIn = group.flatMap((p) => (p.incident === undefined ? [] : [p.incident]));
    const regions = [...new Set(group.flatMap((p) => p.regions))].sort();
    const causes = [...new Set(incidentsIn.map((i) => i.cause).filter((c) => c !== ''))];
    return {
      start,
      end: stop,
      open: group.some((p) => p.open),
      durationS: (stop - start) / 1000,
      cause: causes.length > 0 ? causes.join('; ') : downRunCause(regions),
      incidentIds: incidentsIn.map((i) => i.id),
      regions,
    };
  });
}
