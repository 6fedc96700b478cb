import { useEffect } from 'react';
import type { AppStore } from '../store/app-store.js';
import { isTyping, resolveShortcut } from './shortcut-keys.js';

/** The id of the dashboard's search box, which `/` focuses. */
export const SEARCH_INPUT_ID = 'monitor-search';

/** Listens for the global shortcuts (see SHORTCUTS) while the app is mounted. */
export function useGlobalShortcuts(store: AppStore): void {
  useEffect(() => {
    let previous: string | null = null;
    let previousAt = 0;
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.metaKey || event.ctrlKey || event.altKey || isTyping(event.target))
        return;
      const recent = previous !== null && event.timeStamp - previousAt < 1200 ? previous : null;
      const action = resolveShortcut(event.key, recent);
      previous = event.key;
      previousAt = event.timeStamp;
      if (action === null) return;
      const state = store.getState();
      if (action.kind === 'prefix') return;
      event.preventDefault();
      previous = null;
      if (action.kind === 'navigate') state.navigate(action.route);
      else if (action.kind === 'toggle-help') state.setShortcutsOpen(!state.shortcutsOpen);
      else {
        if (state.route.screen !== 'dashboard') state.navigate({ screen: 'dashboard' });
        // The search box mounts with the dashboard; focus it once it is there.
        requestAnimationFrame(() => document.getElementById(SEARCH_INPUT_ID)?.focus());
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [store]);
}
