import type { MonitorStatus } from '@vantage/shared';
import type { ApiEvent, MonitorView } from '../contract/index.js';

/** Monitor states from worst to best: the order the tray reports them in. */
export const STATES_WORST_FIRST: readonly MonitorStatus[] = [
  'down',
  'dependency_down',
  'degraded',
  'unknown',
  'pending',
  'maintenance',
  'paused',
  'up',
];

/** The tray's summary state: the worst monitor state, or `empty` without monitors. */
export type TrayState = MonitorStatus | 'empty';

/** How many monitors are in each state. */
export type StateCounts = Partial<Record<MonitorStatus, number>>;

/** The worst state among the counts (`empty` when there is no monitor). */
export function worstState(counts: StateCounts): TrayState {
  return STATES_WORST_FIRST.find((state) => (counts[state] ?? 0) > 0) ?? 'empty';
}

/**
 * Each monitor's current state, kept from the monitor list and then from live events, so the tray
 * can count monitors by state without asking the core on every change.
 */
export class MonitorTally {
  readonly #states = new Map<string, MonitorStatus>();

  /** Replaces everything with a full monitor list. */
  reset(views: readonly MonitorView[]): void {
    this.#states.clear();
    for (const view of views) this.#states.set(view.monitor.id, view.status);
  }

  /** Applies a live event; true when a count may have changed. */
  apply(event: ApiEvent): boolean {
    if (event.type === 'monitors.changed') {
      let changed = false;
      for (const view of event.monitors) {
        changed ||= this.#states.get(view.monitor.id) !== view.status;
        this.#states.set(view.monitor.id, view.status);
      }
      return changed;
    }
    if (event.type === 'monitors.removed') {
      let changed = false;
      for (const id of event.monitorIds) changed = this.#states.delete(id) || changed;
      return changed;
    }
    return false;
  }

  /** Monitors by state. */
  counts(): StateCounts {
    const counts: StateCounts = {};
    for (const state of this.#states.values()) counts[state] = (counts[state] ?? 0) + 1;
    return counts;
  }
}
