import { bucketStart, type CheckState, checkUptime, type MonitorType, RESOLUTION_MS } from '@vantage/shared';
import type { MonitorRepo } from './monitor-repo.js';
import type { DashboardHours, HourCounts } from './dashboard-hours.js';
import { coversFrom, RECENT_HOURS, type RecentHours } from './recent-hours.js';
import { ALL_REGIONS } from './rollup-rows.js';
import type { LastCheck, SeriesIndex } from './series-index.js';

const HOUR = RESOLUTION_MS.hour;

/** Hours in the dashboard's bar strip and uptime window. */
export const DASHBOARD_HOURS = 24;

/** One hour of the dashboard's bar strip. */
export interface HourBar {
  start: number;
  up: number;
  degraded: number;
  down: number;
  count: number;
  /** The worst state of the hour's checks; `none` when there were none. */
  state: CheckState | 'none';
}

/** A region's newest check. */
export interface RegionLastCheck extends LastCheck {
  region: string;
}

/** One monitor's line on the dashboard. */
export interface MonitorSummary {
  monitorId: string;
  name: string;
  type: MonitorType;
  paused: boolean;
  /** The newest check in any region; null before the first. */
  last: RegionLastCheck | null;
  /** The newest check in each region that reported, by region name. */
  regions: RegionLastCheck[];
  /** Check-based uptime over the bar strip's hours; null when they hold no checks. */
  uptime24h: number | null;
  /** {@link DASHBOARD_HOURS} hourly bars, oldest first, the current hour last. */
  bars: HourBar[];
}

/**
 * Builds the dashboard from memory only: monitors, each series' newest check, and the hourly
 * all-regions counts {@link DashboardHours} keeps. No raw rows, no sketch decoding.
 */
export class DashboardQuery {
  constructor(
    private readonly monitors: MonitorRepo,
    private readonly series: SeriesIndex,
    private readonly hours: DashboardHours,
    private readonly now: () => number,
  ) {}

  /**
   * Every monitor's summary (or those among `ids` that exist), in id order. The window is the
   * {@link DASHBOARD_HOURS} hourly buckets ending with the current one, so "24 h" uptime covers 23
   * full hours and the current partial one.
   */
  dashboardSummary(ids?: Iterable<string>): MonitorSummary[] {
    const first = bucketStart(this.now(), 'hour') - (DASHBOARD_HOURS - 1) * HOUR;
    const records =
      ids === undefined
        ? this.monitors.list()
        : [...new Set(ids)].sort().flatMap((id) => this.monitors.get(id) ?? []);
    return records.map(({ monitor }) => {
      // The bars straight from the `*` series' recent hours when they cover the window (nearly
      // always): no map of hours in between, which was most of a first call's cost (cold code).
      const recent = this.series.find(monitor.id, ALL_REGIONS)?.recentHours;
      const bars =
        recent != null && coversFrom(recent, first)
          ? recentBars(recent, first)
          : barsOf(this.hours.hoursOf(monitor.id, first), first);
      const regions: RegionLastCheck[] = [];
      let last: RegionLastCheck | null = null;
      for (const s of this.series.seriesOf(monitor.id)) {
        if (s.last === null) continue;
        const { ts, state, latencyMs, message } = s.last;
        const entry: RegionLastCheck = { region: s.region, ts, state, latencyMs, message };
        regions.push(entry);
        if (last === null || entry.ts > last.ts) last = entry;
      }
      regions.sort((a, b) => (a.region < b.region ? -1 : 1));
      return {
        monitorId: monitor.id,
        name: monitor.name,
        type: monitor.type,
        paused: monitor.paused,
        last,
        regions,
        uptime24h: checkUptime(bars),
        bars,
      };
    });
  }
}

function barsOf(hours: ReadonlyMap<number, HourCounts> | undefined, first: number): HourBar[] {
  const bars: HourBar[] = new Array(DASHBOARD_HOURS);
  for (let i = 0; i < DASHBOARD_HOURS; i++) {
    const start = first + i * HOUR;
    const counts = hours?.get(start);
    bars[i] =
      counts === undefined ? barOf(start, 0, 0, 0) : barOf(start, counts.up, counts.degraded, counts.down);
  }
  return bars;
}

/** The bars of the window from `first` on, read from recent hours that cover it (see `coversFrom`). */
function recentBars(recent: RecentHours, first: number): HourBar[] {
  const bars: HourBar[] = new Array(DASHBOARD_HOURS);
  const counts = recent.counts;
  for (let i = 0; i < DASHBOARD_HOURS; i++) {
    const start = first + i * HOUR;
    // The recent-hours slot of this hour; outside 0 … RECENT_HOURS − 1 (or -Infinity's NaN) it has no checks.
    const slot = RECENT_HOURS - 1 - (recent.newest - start) / HOUR;
    const has = slot >= 0 && slot < RECENT_HOURS;
    // Inline rather than through barOf: the first dashboard runs this 48,000 times as cold code.
    const up = has ? counts[3 * slot]! : 0;
    const degraded = has ? counts[3 * slot + 1]! : 0;
    const down = has ? counts[3 * slot + 2]! : 0;
    const state = down > 0 ? 'down' : degraded > 0 ? 'degraded' : up > 0 ? 'up' : 'none';
    bars[i] = { start, up, degraded, down, count: up + degraded + down, state };
  }
  return bars;
}

function barOf(start: number, up: number, degraded: number, down: number): HourBar {
  const state = down > 0 ? 'down' : degraded > 0 ? 'degraded' : up > 0 ? 'up' : 'none';
  return { start, up, degraded, down, count: up + degraded + down, state };
}
