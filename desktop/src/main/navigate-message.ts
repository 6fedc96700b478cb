import type { NotificationView } from '../contract/index.js';

/** A request to show one monitor, as the renderer's `readNavigateMessage` reads it. */
export interface NavigateMessage {
  type: 'navigate';
  monitorId: string;
}

/** The message a notification click sends the renderer (`{ type: 'navigate', monitorId }`), or null to just show the window. */
export function navigateMessageFor(
  notification: Pick<NotificationView, 'monitorId'>,
): NavigateMessage | null {
  return notification.monitorId ? { type: 'navigate', monitorId: notification.monitorId } : null;
}
