import type { Route } from '../routing/routes.js';

/** What a global key press does. */
export type ShortcutAction =
  | { kind: 'navigate'; route: Route }
  | { kind: 'focus-search' }
  | { kind: 'toggle-help' }
  | { kind: 'prefix' };

/** The global shortcuts, as the help dialog lists them. */
export const SHORTCUTS: { keys: string; what: string }[] = [
  { keys: 'n', what: 'New monitor' },
  { keys: '/', what: 'Search monitors' },
  { keys: 'j / k  or  ↓ / ↑', what: 'Move through the monitor list' },
  { keys: 'Enter', what: 'Open the selected monitor' },
  { keys: 'e', what: 'Edit the selected or open monitor' },
  { keys: 'g d', what: 'Go to monitors' },
  { keys: 'g i', what: 'Go to incidents' },
  { keys: 'g r', what: 'Go to reports' },
  { keys: 'g a', what: 'Go to alerting' },
  { keys: 'g u', what: 'Go to status pages' },
  { keys: 'g p', what: 'Go to probes' },
  { keys: 'g s', what: 'Go to settings' },
  { keys: 'Esc', what: 'Close, or leave the editor' },
  { keys: '?', what: 'Show these shortcuts' },
];

const GO: Record<string, Route> = {
  d: { screen: 'dashboard' },
  i: { screen: 'incidents', incidentId: null },
  r: { screen: 'analytics', monitorId: null },
  a: { screen: 'alerting', tab: 'channels' },
  u: { screen: 'status-pages', pageId: null },
  p: { screen: 'probes' },
  s: { screen: 'settings' },
};

/** What a key does given the key before it (`g` starts a two-key "go to"); null: nothing. */
export function resolveShortcut(key: string, previous: string | null): ShortcutAction | null {
  if (previous === 'g') {
    const route = GO[key];
    return route === undefined ? null : { kind: 'navigate', route };
  }
  switch (key) {
    case 'g':
      return { kind: 'prefix' };
    case 'n':
      return { kind: 'navigate', route: { screen: 'editor', monitorId: null } };
    case '/':
      return { kind: 'focus-search' };
    case '?':
      return { kind: 'toggle-help' };
    default:
      return null;
  }
}

/** Whether a key press happened while typing (in a field), where shortcuts must stay quiet. */
export function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}
