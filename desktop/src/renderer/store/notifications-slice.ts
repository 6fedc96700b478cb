import type { NotificationView } from '../../contract/index.js';
import type { SliceCreator } from './store-types.js';

/** A message at the corner of the window: a core notification, or the outcome of something the user did. */
export interface Toast {
  id: string;
  tone: 'info' | 'success' | 'error' | 'down' | 'up' | 'degraded';
  title: string;
  body: string;
  /** The monitor a click opens. */
  monitorId: string | null;
}

/** In-app notifications and the log of what the core notified. */
export interface NotificationsSlice {
  toasts: Toast[];
  /** Notifications the core sent while this page was open, newest first. */
  notificationLog: NotificationView[];
  /** Shows a core notification: a toast here and, in web mode and unless muted, a browser notification. */
  showNotification(notification: NotificationView): void;
  /** Shows the outcome of a user action. */
  toast(tone: Toast['tone'], title: string, body?: string): void;
  dismissToast(id: string): void;
}

const MAX_TOASTS = 4;
const TOAST_MS = 8000;

/** A toast's tone from the kind of notification (`incident.opened` is bad news, `incident.resolved` good). */
export function toneOf(kind: string): Toast['tone'] {
  if (kind === 'incident.resolved') return 'up';
  if (kind === 'incident.opened' || kind === 'probe.unhealthy') return 'down';
  if (kind.includes('degraded')) return 'degraded';
  return 'info';
}

/** Whether notifications outside the page are off or muted now. */
export function isMuted(
  settings: { notifications: boolean; notificationsMutedUntil: number | null } | null,
  now: number,
): boolean {
  if (settings === null) return false;
  return !settings.notifications || (settings.notificationsMutedUntil ?? 0) > now;
}

/** The notifications slice. */
export const createNotificationsSlice: SliceCreator<NotificationsSlice> = (set, get, deps) => {
  let counter = 0;
  const push = (toast: Omit<Toast, 'id'>) => {
    const id = `t${++counter}`;
    set({ toasts: [{ ...toast, id }, ...get().toasts].slice(0, MAX_TOASTS) });
    setTimeout(() => get().dismissToast(id), TOAST_MS);
  };
  return {
    toasts: [],
    notificationLog: [],

    showNotification(notification) {
      set({ notificationLog: [notification, ...get().notificationLog].slice(0, 200) });
      const monitorId = notification.monitorId ?? null;
      push({
        tone: toneOf(notification.kind),
        title: notification.title,
        body: notification.body,
        monitorId,
      });
      if (deps.notifyOutside !== undefined && !isMuted(get().settings, deps.now())) {
        deps.notifyOutside(notification, () => {
          if (monitorId !== null) get().navigate({ screen: 'monitor', monitorId });
        });
      }
    },

    toast(tone, title, body = '') {
      push({ tone, title, body, monitorId: null });
    },

    dismissToast(id) {
      const toasts = get().toasts;
      if (toasts.some((toast) => toast.id === id)) set({ toasts: toasts.filter((toast) => toast.id !== id) });
    },
  };
};
