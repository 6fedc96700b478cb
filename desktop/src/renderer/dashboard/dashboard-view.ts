import type { MonitorView } from '../../contract/index.js';
import { formatLatency } from '../format/format.js';
import {
  countByState,
  facetsOf,
  filterMonitors,
  type MonitorFilter,
  type StateBucket,
} from './monitor-filter.js';

/** Everything the dashboard derives from the monitors and its filter. */
export interface DashboardView {
  all: MonitorView[];
  shown: MonitorView[];
  counts: Record<StateBucket, number>;
  facets: ReturnType<typeof facetsOf>;
}

/**
 * Derives a function that remembers its last answer: called again with the same arguments it
 * returns that answer without running. Kept outside React, so a render that React restarts (a
 * deferred render interrupted by scrolling) does not redo the work either.
 */
export function memoizeLast<A extends unknown[], R>(compute: (...args: A) => R): (...args: A) => R {
  let last: { args: A; result: R } | null = null;
  return (...args: A) => {
    if (
      last !== null &&
      last.args.length === args.length &&
      last.args.every((arg, i) => Object.is(arg, args[i]))
    )
      return last.result;
    const result = compute(...args);
    last = { args, result };
    return result;
  };
}

/** The dashboard's lists and counts for these monitors and this filter (recomputed only when either changes). */
export const dashboardView = memoizeLast(
  (monitors: ReadonlyMap<string, MonitorView>, filter: MonitorFilter): DashboardView => {
    const all = [...monitors.values()];
    return { all, shown: filterMonitors(all, filter), counts: countByState(all), facets: facetsOf(all) };
  },
);

/**
 * The latency column of a monitor's row: its last check's response time. A heartbeat's "latency"
 * is how long its last run took, known only when the job pinged `/start` first; otherwise a dash,
 * not a misleading 0.0 ms.
 */
export function lastLatencyText(view: MonitorView): string {
  const ms = view.last?.latencyMs;
  if (view.monitor.type === 'heartbeat' && !(ms !== undefined && ms > 0)) return '—';
  return formatLatency(ms);
}
