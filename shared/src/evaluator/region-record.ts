import type { CheckState } from '../results/check-result.js';
import type { FailureWindow } from './failure-window.js';
import type { MonitorRecord } from './monitor-record.js';
import type { RegionHealth } from './region-health.js';
import type { RegionStatus } from './status.js';

/** How a region currently counts in its monitor's quorum; null when it does not vote. */
export type Vote = 'up' | 'degraded' | 'down' | null;

/** The evaluator's state for one monitor in one region. */
export class RegionRecord {
  state: RegionStatus = 'pending';
  consecutiveDown = 0;
  consecutiveNonDown = 0;
  /** Newest counting result time, -1 before the first. */
  lastTs = -1;
  /** Whether the newest counting result is within three intervals of the clock (rule 2). */
  fresh = false;
  vote: Vote = null;
  /** Message of the first down result of the current failure, kept while the region is down. */
  failMessage: string | null = null;
  /** Time of the result that confirmed the region down, -1 while not down. */
  downSince = -1;
  window: FailureWindow | undefined;
  /** Stale-heap key: never later than the real deadline `lastTs + staleMs`. */
  scheduledAt = 0;
  heapIndex = -1;

  constructor(
    /** Creation order across the evaluator, the tie-break that keeps the stale heap deterministic. */
    readonly seq: number,
    readonly name: string,
    readonly monitor: MonitorRecord,
    readonly health: RegionHealth,
  ) {}
}

/**
 * Rule 1, one region's state after one counting result. Returns whether the state changed.
 * 1. A down result extends the failure streak (and the failure window). A region that is not
 *    down turns down once `confirmation` down results came in a row, or, with a failure window,
 *    once `failures` down results fit within `minutes`. Before that the result changes nothing:
 *    up stays up, degraded stays degraded, and pending stays pending, so a region never goes from
 *    any state to down without the confirmation count or the failure-window rule.
 * 2. A non-down result extends the recovery streak. A down region leaves down only after
 *    `recovery` non-down results in a row, to up or to degraded after the latest result.
 * 3. A region that is not down follows its latest non-down result: up or degraded.
 * 4. The cause of a failure is the message of its first down result; a non-down result outside a
 *    down period forgets it, so the cause always belongs to the failure that confirmed.
 */
export function recordRegionResult(
  region: RegionRecord,
  state: CheckState,
  ts: number,
  message: string,
): boolean {
  const config = region.monitor.config;
  if (state === 'down') {
    region.consecutiveNonDown = 0;
    region.consecutiveDown++;
    region.window?.push(ts);
    if (region.state === 'down') return false;
    if (region.failMessage === null) region.failMessage = message;
    if (region.consecutiveDown >= config.confirmation || region.window?.isTripped(ts)) {
      region.state = 'down';
      region.downSince = ts;
      return true;
    }
    return false;
  }
  region.consecutiveDown = 0;
  region.consecutiveNonDown++;
  if (region.state === 'down' && region.consecutiveNonDown < config.recovery) return false;
  region.failMessage = null;
  region.downSince = -1;
  if (region.state === state) return false;
  region.state = state;
  return true;
}
