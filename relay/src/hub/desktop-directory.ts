import { encodeMessage, type RelayToDesktopInput } from '@vantage/shared';
import type { PeerSocket } from './peer-socket.js';

/** A desktop connection past hello. */
export interface ConnectedDesktop {
  readonly sessionId: string;
  readonly peer: PeerSocket;
}

/** The connected desktops, for events every one of them gets. */
export class DesktopDirectory {
  readonly #desktops = new Map<string, ConnectedDesktop>();

  add(desktop: ConnectedDesktop): void {
    this.#desktops.set(desktop.sessionId, desktop);
  }

  remove(desktop: ConnectedDesktop): void {
    this.#desktops.delete(desktop.sessionId);
  }

  get size(): number {
    return this.#desktops.size;
  }

  /** Sends one event to every desktop (encoded once), except the session that caused it. */
  broadcast(frame: RelayToDesktopInput, exceptSessionId?: string): void {
    if (this.#desktops.size === 0) return;
    const text = encodeMessage<RelayToDesktopInput>(frame);
    for (const desktop of this.#desktops.values()) {
      if (desktop.sessionId !== exceptSessionId) desktop.peer.sendText(text);
    }
  }

  /** Every connected desktop. */
  all(): ConnectedDesktop[] {
    return [...this.#desktops.values()];
  }
}
