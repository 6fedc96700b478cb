import { DEFAULT_FILTER, type MonitorFilter } from '../dashboard/monitor-filter.js';
import { DASHBOARD, formatRoute, type Route, sameRoute } from '../routing/routes.js';
import type { SliceCreator } from './store-types.js';

/** Where the user is and how the dashboard is set up. */
export interface UiSlice {
  route: Route;
  /** Goes to a route (and writes it to the address bar). */
  navigate(route: Route): void;
  /** Takes a route the address bar already shows (hash change, back button). */
  setRoute(route: Route): void;
  filter: MonitorFilter;
  setFilter(patch: Partial<MonitorFilter>): void;
  /** The dashboard row the keyboard is on. */
  selectedMonitorId: string | null;
  selectMonitor(id: string | null): void;
  shortcutsOpen: boolean;
  setShortcutsOpen(open: boolean): void;
}

/** The UI slice. */
export const createUiSlice: SliceCreator<UiSlice> = (set, get, { setHash }) => ({
  route: DASHBOARD,
  navigate(route) {
    if (!sameRoute(route, get().route)) set({ route });
    setHash(formatRoute(route));
  },
  setRoute(route) {
    if (!sameRoute(route, get().route)) set({ route });
  },
  filter: DEFAULT_FILTER,
  setFilter(patch) {
    set({ filter: { ...get().filter, ...patch } });
  },
  selectedMonitorId: null,
  selectMonitor(id) {
    set({ selectedMonitorId: id });
  },
  shortcutsOpen: false,
  setShortcutsOpen(open) {
    set({ shortcutsOpen: open });
  },
});
