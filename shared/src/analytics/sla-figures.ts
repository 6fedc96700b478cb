import type { TimeSpan } from '../rollups/time-spans.js';
import {
  downtimePeriods,
  meanTimeBetweenFailuresMs,
  meanTimeToRecoveryMs,
  timeWeightedUptime,
  type UptimeWindow,
} from '../rollups/uptime.js';
import type { Outage } from './outages.js';

/** A range to report on, with the outages that may touch it. Epoch ms. */
export interface SlaWindow {
  from: number;
  to: number;
  now: number;
  outages: readonly Pick<Outage, 'start' | 'end' | 'open'>[];
  /** Planned maintenance: neither downtime nor observed time. */
  maintenance?: readonly TimeSpan[];
}

/** The SLA figures of a range. */
export interface SlaFigures {
  /** Time-weighted uptime 0 … 1 (shared's one definition), null when nothing was observed. */
  uptime: number | null;
  /** Downtime inside the range, maintenance excluded, in seconds. */
  downtimeS: number;
  /** Mean time to recovery of the outages that ended in the range, seconds; null when none did. */
  mttrS: number | null;
  /** Mean up time between outages that began in the range, seconds; null when none began. */
  mtbfS: number | null;
}

/**
 * Uptime, downtime, MTTR and MTBF of a range from its outages, by the rules of shared's uptime
 * functions (an outage is an "incident" span to them): the range ends at min(to, now), overlapping
 * outages count once, maintenance is removed from both downtime and observed time.
 */
export function slaFigures(window: SlaWindow): SlaFigures {
  const uptimeWindow: UptimeWindow = {
    from: window.from,
    to: window.to,
    now: window.now,
    incidents: window.outages.map((o) => ({ openedAt: o.start, resolvedAt: o.open ? null : o.end })),
    maintenance: window.maintenance ?? [],
  };
  const downMs = downtimePeriods(uptimeWindow).reduce((sum, p) => sum + p.durationMs, 0);
  const mttr = meanTimeToRecoveryMs(uptimeWindow);
  const mtbf = meanTimeBetweenFailuresMs(uptimeWindow);
  return {
    uptime: timeWeightedUptime(uptimeWindow),
    downtimeS: downMs / 1000,
    mttrS: mttr === null ? null : mttr / 1000,
    mtbfS: mtbf === null ? null : mtbf / 1000,
  };
}
