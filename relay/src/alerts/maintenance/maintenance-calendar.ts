import { Cron } from 'croner';
import { type MaintenanceWindow, maintenanceActive, maintenanceCovers } from '@vantage/shared';
import type { MaintenanceSubject } from './maintenance-scheduler.js';

/** How far back from now spans are worked out: probes upload spooled results hours late. */
const LOOKBACK_MS = 24 * 3_600_000;
/** How far ahead spans are worked out, so they stay valid between refreshes. */
const AHEAD_MS = 3_600_000;
/** Most runs of one recurring window kept; a window firing more often covers less of the past. */
const MAX_RUNS = 2000;

/** When a window was in effect within [from, to): exact there, {@link maintenanceActive} outside. */
interface Spans {
  from: number;
  to: number;
  /** Start times in ascending order; each span lasts `durationMs`. */
  starts: number[];
  durationMs: number;
}

/**
 * Which monitors were in a maintenance window at a given time, for marking results by when they
 * were taken rather than when they arrived (a probe uploads its spool after an outage).
 * 1. `refresh` (the scheduler's check, every few seconds and after a window changes) lists per
 *    monitor the windows covering it; a monitor with none costs one map lookup per result;
 * 2. each window's active spans around now are worked out once per window version and reused
 *    until now nears their end, so a result in the last day costs a scan of a few numbers;
 * 3. a result older than that (a spool of days) asks the window itself.
 */
export class MaintenanceCalendar {
  #byMonitor = new Map<string, MaintenanceWindow[]>();
  readonly #spans = new WeakMap<MaintenanceWindow, Spans>();
  #now = 0;

  /** Takes the current windows and monitors (their ids and tags) as of `now`. */
  refresh(windows: readonly MaintenanceWindow[], monitors: readonly MaintenanceSubject[], now: number): void {
    const byMonitor = new Map<string, MaintenanceWindow[]>();
    if (windows.length > 0)
      for (const monitor of monitors) {
        const covering = windows.filter((w) => maintenanceCovers(w, monitor));
        if (covering.length > 0) byMonitor.set(monitor.id, covering);
      }
    this.#byMonitor = byMonitor;
    this.#now = now;
  }

  /** Whether a window covering the monitor was in effect at `at`. */
  covers(monitorId: string, at: number): boolean {
    const windows = this.#byMonitor.get(monitorId);
    if (windows === undefined) return false;
    return windows.some((window) => this.#activeAt(window, at));
  }

  #activeAt(window: MaintenanceWindow, at: number): boolean {
    let spans = this.#spans.get(window);
    if (spans === undefined || spans.to < this.#now + AHEAD_MS / 2) {
      spans = spansOf(window, this.#now);
      this.#spans.set(window, spans);
    }
    if (at < spans.from || at >= spans.to) return maintenanceActive(window, at);
    // The latest start at or before `at` decides, as in maintenanceActive (all spans last as long).
    const { starts } = spans;
    let [low, high] = [0, starts.length];
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (starts[mid]! <= at) low = mid + 1;
      else high = mid;
    }
    return low > 0 && at < starts[low - 1]! + spans.durationMs;
  }
}

/** A window's spans around `now`, clipped to where they are known complete. */
function spansOf(window: MaintenanceWindow, now: number): Spans {
  const to = now + AHEAD_MS;
  if (window.kind === 'once')
    return {
      from: -Infinity,
      to: Infinity,
      starts: [window.startsAt],
      durationMs: window.endsAt - window.startsAt,
    };
  const durationMs = window.durationMinutes * 60_000;
  const cron = new Cron(window.cron, { timezone: window.timeZone, paused: true });
  const starts: number[] = [];
  let from = now - LOOKBACK_MS;
  for (let cursor = new Date(to); ;) {
    const [run] = cron.previousRuns(1, cursor);
    if (run === undefined || run.getTime() + durationMs <= from) break;
    if (starts.length === MAX_RUNS) {
      // Runs before the oldest one listed end before it does: from there on the list is complete.
      from = starts[starts.length - 1]! + durationMs;
      break;
    }
    starts.push(run.getTime());
    cursor = run;
  }
  return { from, to, starts: starts.reverse(), durationMs };
}
