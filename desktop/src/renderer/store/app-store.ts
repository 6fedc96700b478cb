import { createStore, type StoreApi } from 'zustand/vanilla';
import type { ApiEvent, Unsubscribe } from '../../contract/index.js';
import { readNavigateMessage } from '../routing/navigate-message.js';
import { type AnalyticsSlice, createAnalyticsSlice } from './analytics-slice.js';
import { type AlertingSlice, createAlertingSlice } from './alerting-slice.js';
import { createHeartbeatsSlice, type HeartbeatsSlice } from '../heartbeats/heartbeats-slice.js';
import { createDetailSlice, type DetailSlice } from './detail-slice.js';
import { createIncidentsSlice, type IncidentsSlice } from './incidents-slice.js';
import { createMonitorsSlice, type MonitorsSlice } from './monitors-slice.js';
import { createNotificationsSlice, type NotificationsSlice } from './notifications-slice.js';
import { createProbesSlice, type ProbesSlice } from './probes-slice.js';
import { createSettingsSlice, type SettingsSlice } from './settings-slice.js';
import { createStatusPagesSlice, type StatusPagesSlice } from './status-pages-slice.js';
import type { StoreDeps } from './store-types.js';
import { createSyncSlice, type SyncSlice } from './sync-slice.js';
import { createUiSlice, type UiSlice } from './ui-slice.js';

/** What ties the slices to the core: loading everything and following live events. */
export interface LifecycleSlice {
  /** Subscribes to live events and loads everything; returns the unsubscribe. */
  start(): Unsubscribe;
  /** Loads every slice again (after the page's socket reopened, events may have been missed). */
  reloadAll(): Promise<void>;
  /** Routes one live event to the slice it belongs to. */
  applyEvent(event: ApiEvent): void;
  /** Follows a `navigate` message (Electron's main process); false when the message is not one. */
  applyNavigateMessage(message: unknown): boolean;
}

/** The whole renderer state: one store, feature slices side by side. */
export type AppState = MonitorsSlice &
  IncidentsSlice &
  ProbesSlice &
  SyncSlice &
  SettingsSlice &
  NotificationsSlice &
  UiSlice &
  DetailSlice &
  StatusPagesSlice &
  AlertingSlice &
  HeartbeatsSlice &
  AnalyticsSlice &
  LifecycleSlice;

/** The renderer's store, bound to one transport. */
export type AppStore = StoreApi<AppState>;

/** Creates the store; nothing is loaded until `start()`. */
export function createAppStore(deps: StoreDeps): AppStore {
  return createStore<AppState>()((set, get) => ({
    ...createMonitorsSlice(set, get, deps),
    ...createIncidentsSlice(set, get, deps),
    ...createProbesSlice(set, get, deps),
    ...createSyncSlice(set, get, deps),
    ...createSettingsSlice(set, get, deps),
    ...createNotificationsSlice(set, get, deps),
    ...createUiSlice(set, get, deps),
    ...createDetailSlice(set, get, deps),
    ...createStatusPagesSlice(set, get, deps),
    ...createAlertingSlice(set, get, deps),
    ...createHeartbeatsSlice(set, get, deps),
    ...createAnalyticsSlice(set, get, deps),

    start() {
      const unsubscribe = deps.transport.subscribe((event) => {
        // Electron's main process may send `navigate` (a tray or OS notification was clicked)
        // down the same stream; it is not an API event.
        if (!get().applyNavigateMessage(event)) get().applyEvent(event);
      });
      void get().reloadAll();
      return unsubscribe;
    },

    async reloadAll() {
      const state = get();
      await Promise.all([
        state.loadSettings(),
        state.loadSync(),
        state.loadMonitors(),
        state.loadIncidents(),
        state.loadProbes(),
        state.refreshDetail(),
      ]);
    },

    applyNavigateMessage(message) {
      const route = readNavigateMessage(message);
      if (route === null) return false;
      get().navigate(route);
      return true;
    },

    applyEvent(event) {
      const state = get();
      switch (event.type) {
        case 'monitors.changed':
          return state.applyMonitors(event.monitors);
        case 'monitors.removed':
          return state.removeMonitors(event.monitorIds);
        case 'checks':
          return state.applyChecks(event.checks);
        case 'incident':
          return state.applyIncident(event.incident);
        case 'probe':
          return state.applyProbe(event.probe);
        case 'sync':
          return state.applySync(event.sync);
        case 'notification':
          return state.showNotification(event.notification);
        case 'settings':
          return state.applySettings(event.settings);
      }
    },
  }));
}
