import type { NotificationView } from '../../contract/index.js';

/** The browser's notification permission, or `unsupported` (no API, or an insecure origin). */
export type BrowserPermission = NotificationPermission | 'unsupported';

/** Whether this browser may show notifications for this page, and whether it has been asked. */
export function browserPermission(): BrowserPermission {
  return typeof Notification === 'undefined' ? 'unsupported' : Notification.permission;
}

/** Asks for permission; browsers only allow this from a click, so call it from one. */
export async function requestBrowserPermission(): Promise<BrowserPermission> {
  if (typeof Notification === 'undefined') return 'unsupported';
  return Notification.requestPermission();
}

/** Shows a core notification as a browser notification when allowed; clicking it focuses the page and runs `open`. */
export function showBrowserNotification(notification: NotificationView, open: () => void): void {
  if (browserPermission() !== 'granted') return;
  const shown = new Notification(notification.title, {
    body: notification.body,
    // One notification per incident: an update replaces the older one instead of stacking.
    tag: notification.incidentId ?? `vantage-${notification.id}`,
  });
  shown.onclick = () => {
    window.focus();
    open();
    shown.close();
  };
}
