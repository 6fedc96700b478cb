import { Notification } from 'electron';
import type { NotificationView } from '../contract/index.js';
import { type NavigateMessage, navigateMessageFor } from './navigate-message.js';

/**
 * Shows the core's notifications as OS notifications (the core already applied the user's
 * settings and mute); a click opens the window at the notification's monitor.
 */
export class OsNotifications {
  // Electron drops a notification's click handler once the object is garbage-collected, so each
  // shown one is held until it is clicked or closed.
  readonly #shown = new Set<Notification>();

  constructor(private readonly openAt: (message: NavigateMessage | null) => void) {}

  /** Shows one notification, if the OS supports them. */
  show(notification: NotificationView): void {
    if (!Notification.isSupported()) return;
    const shown = new Notification({ title: notification.title, body: notification.body });
    const forget = () => this.#shown.delete(shown);
    shown.on('click', () => {
      forget();
      this.openAt(navigateMessageFor(notification));
    });
    shown.on('close', forget);
    this.#shown.add(shown);
    shown.show();
  }

  /** Closes every notification still on screen (the app is quitting). */
  closeAll(): void {
    for (const shown of this.#shown) shown.close();
    this.#shown.clear();
  }
}
