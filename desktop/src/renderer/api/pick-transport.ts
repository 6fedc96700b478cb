import type { ApiTransport } from '../../contract/index.js';
import { createWebTransport, type WebTransport } from './web-transport.js';

declare global {
  interface Window {
    /** The preload's bridge to the core, present only inside Electron. */
    vantage?: ApiTransport;
  }
}

/** The transport this page talks through, and the web socket's own state when there is one. */
export interface Connection {
  transport: ApiTransport;
  shell: 'electron' | 'web';
  /** The web transport (for its link state and reconnects); null inside Electron. */
  web: WebTransport | null;
}

/** Electron's preload bridge when the page runs in the app, else a WebSocket to this page's own server. */
export function pickTransport(): Connection {
  const bridge = window.vantage;
  if (bridge !== undefined && typeof bridge.call === 'function' && typeof bridge.subscribe === 'function')
    return { transport: bridge, shell: 'electron', web: null };
  const web = createWebTransport();
  return { transport: web, shell: 'web', web };
}
