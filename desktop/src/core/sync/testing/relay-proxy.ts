import type { AddressInfo } from 'node:net';
import WebSocket, { WebSocketServer } from 'ws';

/**
 * A WebSocket relay between the sync and a real relay, for faults the relay itself never makes:
 * frames injected towards the desktop (garbage, frames of the wrong direction), connections cut,
 * and the relay made unreachable while it keeps running. Records what the desktop sent.
 */
export interface RelayProxy {
  /** `ws://127.0.0.1:<port>/ws` */
  readonly wsUrl: string;
  /** Text frames the desktop sent, in order, across connections. */
  readonly sent: string[];
  /** Connections currently open. */
  readonly open: number;
  /** Sends raw text to every connected desktop, as if the relay had sent it. */
  inject(text: string): void;
  /** Drops frames from the relay that match, until `swallow(null)`. */
  swallow(match: ((text: string) => boolean) | null): void;
  /** Cuts every connection; with `block`, refuses new ones until `unblock`. */
  cut(options?: { block?: boolean }): void;
  unblock(): void;
  close(): Promise<void>;
}

/** Starts a proxy on 127.0.0.1 (port 0) in front of the relay at `targetWsUrl()` (read on each connection). */
export async function startRelayProxy(targetWsUrl: () => string): Promise<RelayProxy> {
  const server = new WebSocketServer({ host: '127.0.0.1', port: 0 });
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  const { port } = server.address() as AddressInfo;
  const pairs = new Set<{ down: WebSocket; up: WebSocket }>();
  const sent: string[] = [];
  let blocked = false;
  let swallowed: ((text: string) => boolean) | null = null;

  server.on('connection', (down) => {
    if (blocked) {
      down.terminate();
      return;
    }
    const up = new WebSocket(targetWsUrl(), { maxPayload: 256 * 1024 * 1024 });
    const pair = { down, up };
    pairs.add(pair);
    const early: string[] = [];
    down.on('message', (data: Buffer) => {
      const text = data.toString();
      sent.push(text);
      if (up.readyState === WebSocket.OPEN) up.send(text);
      else early.push(text);
    });
    up.on('open', () => {
      for (const text of early.splice(0)) up.send(text);
    });
    up.on('message', (data: Buffer) => {
      const text = data.toString();
      if (swallowed?.(text) === true) return;
      if (down.readyState === WebSocket.OPEN) down.send(text);
    });
    const end = () => {
      pairs.delete(pair);
      up.terminate();
      down.terminate();
    };
    up.on('close', end);
    down.on('close', end);
    up.on('error', end);
    down.on('error', () => {});
  });

  return {
    wsUrl: `ws://127.0.0.1:${port}/ws`,
    sent,
    get open() {
      return pairs.size;
    },
    inject(text) {
      for (const { down } of pairs) if (down.readyState === WebSocket.OPEN) down.send(text);
    },
    swallow(match) {
      swallowed = match;
    },
    cut(options = {}) {
      blocked = options.block === true;
      for (const { up, down } of [...pairs]) {
        up.terminate();
        down.terminate();
      }
    },
    unblock() {
      blocked = false;
    },
    async close() {
      for (const { up, down } of [...pairs]) {
        up.terminate();
        down.terminate();
      }
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
