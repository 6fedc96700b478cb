import type { SyncView } from '../../contract/index.js';
import type { LinkStatus } from '../api/web-transport.js';

/** What the banner above every screen says about the connections, or null when all is well. */
export interface BannerState {
  tone: 'down' | 'degraded' | 'info';
  title: string;
  detail: string;
  /** What the banner's button does: reconnect the relay, reopen this page's socket, open Settings. */
  action: 'retry-relay' | 'retry-link' | 'settings' | null;
  /** Catch-up progress 0..1, when catching up. */
  progress: number | null;
}

/**
 * The banner for the current connection state, worst problem first: this page's own socket to
 * Vantage (web mode), then the relay's link (refused, unreachable, connecting), then catch-up.
 */
export function bannerState(sync: SyncView | null, link: LinkStatus | null, now: number): BannerState | null {
  if (link !== null && (link.state === 'closed' || (link.state === 'connecting' && link.failures > 0))) {
    return {
      tone: 'down',
      title: 'Lost the connection to Vantage',
      detail: `${retryIn(link.nextAttemptAt, now)} Showing what was last received.`,
      action: 'retry-link',
      progress: null,
    };
  }
  if (sync === null) return null;
  const where = sync.mode === 'remote' && sync.relayUrl !== null ? ` at ${sync.relayUrl}` : '';
  switch (sync.connection) {
    case 'unauthorized':
      return {
        tone: 'down',
        title: `The relay${where} refused this desktop's token`,
        detail: `${sync.lastError ?? 'Check the token in Settings.'} Monitoring continues on the relay; changes made here wait.`,
        action: 'settings',
        progress: null,
      };
    case 'disconnected':
      return {
        tone: 'down',
        title: `Relay unreachable${where}`,
        detail: [
          sync.lastError,
          retryIn(sync.nextAttemptAt, now),
          sync.pendingChanges > 0 ? `${sync.pendingChanges} change(s) will be sent when it is back.` : '',
        ]
          .filter((part) => part !== null && part !== '')
          .join(' '),
        action: 'retry-relay',
        progress: null,
      };
    case 'connecting':
      return {
        tone: 'info',
        title: `Connecting to the relay${where}…`,
        detail: '',
        action: null,
        progress: null,
      };
    case 'connected':
      if (sync.catchUp.live) return null;
      return {
        tone: 'info',
        title: 'Catching up with the relay',
        detail:
          sync.catchUp.remaining > 0
            ? `${sync.catchUp.received.toLocaleString()} of ${(sync.catchUp.received + sync.catchUp.remaining).toLocaleString()} results received`
            : `${sync.catchUp.received.toLocaleString()} results received`,
        action: null,
        progress: sync.catchUp.fraction,
      };
  }
}

function retryIn(nextAttemptAt: number | null, now: number): string {
  if (nextAttemptAt === null) return 'Reconnecting…';
  const seconds = Math.max(0, Math.ceil((nextAttemptAt - now) / 1000));
  return seconds === 0 ? 'Reconnecting…' : `Retrying in ${seconds} s.`;
}
