import type { ApiResult, MonitorView, OneOffView } from '../../contract/index.js';
import { failed, IDLE, type LoadState, READY, reloading } from './load-state.js';
import type { SliceCreator } from './store-types.js';

/** Every monitor with its live state, and what can be done to monitors. */
export interface MonitorsSlice {
  /** Monitors by id, as the core last described them (a Map: copying it per event stays cheap at 10,000). */
  monitors: ReadonlyMap<string, MonitorView>;
  monitorsLoad: LoadState;
  loadMonitors(): Promise<void>;
  /** Takes whole views from a `monitors.changed` event or an action's answer. */
  applyMonitors(views: readonly MonitorView[]): void;
  removeMonitors(ids: readonly string[]): void;
  /** Creates a monitor (`existingId` null) or replaces one. */
  saveMonitor(input: Record<string, unknown>, existingId: string | null): Promise<ApiResult<MonitorView>>;
  deleteMonitor(id: string): Promise<ApiResult<{ deleted: true }>>;
  setPaused(id: string, paused: boolean): Promise<ApiResult<MonitorView>>;
  runNow(id: string, region?: string): Promise<ApiResult<OneOffView[]>>;
  /** Runs an unsaved configuration once in one region. */
  testMonitor(input: Record<string, unknown>, region: string): Promise<ApiResult<OneOffView>>;
}

/** The monitors slice. */
export const createMonitorsSlice: SliceCreator<MonitorsSlice> = (set, get, { transport }) => ({
  monitors: new Map(),
  monitorsLoad: IDLE,

  async loadMonitors() {
    set({ monitorsLoad: reloading(get().monitorsLoad) });
    const result = await transport.call('monitors.list', {});
    if (!result.ok) {
      set({ monitorsLoad: failed(result.error.message) });
      return;
    }
    set({
      monitors: new Map(result.value.map((view) => [view.monitor.id, view])),
      monitorsLoad: READY,
    });
  },

  applyMonitors(views) {
    if (views.length === 0) return;
    const monitors = new Map(get().monitors);
    for (const view of views) monitors.set(view.monitor.id, view);
    set({ monitors });
  },

  removeMonitors(ids) {
    const monitors = new Map(get().monitors);
    for (const id of ids) monitors.delete(id);
    set({ monitors });
  },

  async saveMonitor(input, existingId) {
    const result =
      existingId === null
        ? await transport.call('monitors.create', { monitor: input })
        : await transport.call('monitors.update', { monitorId: existingId, monitor: input });
    if (result.ok) get().applyMonitors([result.value]);
    return result;
  },

  async deleteMonitor(id) {
    const result = await transport.call('monitors.delete', { monitorId: id });
    if (result.ok) get().removeMonitors([id]);
    return result;
  },

  async setPaused(id, paused) {
    const result = await transport.call('monitors.pause', { monitorId: id, paused });
    if (result.ok) get().applyMonitors([result.value]);
    return result;
  },

  runNow(id, region) {
    return transport.call(
      'monitors.runNow',
      region === undefined ? { monitorId: id } : { monitorId: id, region },
    );
  },

  testMonitor(input, region) {
    return transport.call('monitors.test', { monitor: input, region });
  },
});
