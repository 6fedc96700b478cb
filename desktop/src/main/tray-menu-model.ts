import type { MonitorStatus } from '@vantage/shared';
import { type StateCounts, STATES_WORST_FIRST, type TrayState, worstState } from './monitor-tally.js';

/** What a tray menu item does when clicked. */
export type TrayAction = 'open' | 'mute-hour' | 'unmute' | 'quit';

/** One line of the tray menu: a label (disabled when it has no action) or a separator. */
export type TrayMenuItem = { type: 'separator' } | { type: 'item'; label: string; action?: TrayAction };

/** Everything the tray shows: its icon's state, its tooltip and its menu. */
export interface TrayModel {
  state: TrayState;
  tooltip: string;
  items: TrayMenuItem[];
}

/** Minutes "pause notifications for an hour" mutes for (`notifications.mute`). */
export const MUTE_MINUTES = 60;

const STATE_WORDS: Record<MonitorStatus, string> = {
  down: 'down',
  dependency_down: 'down with a dependency',
  degraded: 'degraded',
  unknown: 'unknown',
  pending: 'waiting for a first check',
  maintenance: 'in maintenance',
  paused: 'paused',
  up: 'up',
};

/** "2 down, 1 degraded, 5 up", worst first; the words for an empty list when there are no monitors. */
export function describeCounts(counts: StateCounts): string {
  const parts = STATES_WORST_FIRST.filter((state) => (counts[state] ?? 0) > 0).map(
    (state) => `${counts[state]} ${STATE_WORDS[state]}`,
  );
  return parts.length === 0 ? 'no monitors yet' : parts.join(', ');
}

/** What the tray needs to know. */
export interface TrayFacts {
  counts: StateCounts;
  /** Epoch ms until which notifications are muted; null when not muted. */
  mutedUntil: number | null;
  now: number;
  /** Formats a time of day for "paused until 14:05" (the OS locale in the app). */
  formatTime: (epochMs: number) => string;
}

/**
 * The tray's icon state, tooltip and menu: counts by state (worst first), Open, pause or resume
 * notifications, Quit. Pure, so the Electron glue only draws it.
 */
export function trayMenuModel({ counts, mutedUntil, now, formatTime }: TrayFacts): TrayModel {
  const state = worstState(counts);
  const muted = mutedUntil !== null && mutedUntil > now;
  const total = Object.values(counts).reduce((sum, n) => sum + (n ?? 0), 0);
  const summary = state === 'up' ? `all ${total} up` : describeCounts(counts);
  const countLines: TrayMenuItem[] =
    state === 'empty'
      ? [{ type: 'item', label: 'No monitors yet' }]
      : STATES_WORST_FIRST.filter((s) => (counts[s] ?? 0) > 0).map((s) => ({
          type: 'item',
          label: `${counts[s]} ${STATE_WORDS[s]}`,
        }));
  const muteLines: TrayMenuItem[] = muted
    ? [
        { type: 'item', label: `Notifications paused until ${formatTime(mutedUntil)}` },
        { type: 'item', label: 'Resume notifications', action: 'unmute' },
      ]
    : [{ type: 'item', label: 'Pause notifications for an hour', action: 'mute-hour' }];
  return {
    state,
    tooltip: `Vantage: ${summary}${muted ? ' (notifications paused)' : ''}`,
    items: [
      ...countLines,
      { type: 'separator' },
      { type: 'item', label: 'Open Vantage', action: 'open' },
      ...muteLines,
      { type: 'separator' },
      { type: 'item', label: 'Quit Vantage', action: 'quit' },
    ],
  };
}
