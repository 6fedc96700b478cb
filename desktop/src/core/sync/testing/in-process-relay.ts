import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type RelayHandle, startRelay } from '@vantage/relay';
import pino from 'pino';

/** A real relay (`startRelay`, as the desktop embeds it) in a temporary data dir, restartable. */
export interface InProcessRelay {
  handle: RelayHandle;
  readonly dataDir: string;
  /** The WebSocket address of the running relay (it changes on restart unless the port is kept). */
  readonly wsUrl: string;
  /** The HTTP base of the running relay. */
  readonly url: string;
  /** A desktop token (the embedding desktop's, kept in the data dir and valid across restarts). */
  desktopToken(): string;
  /** A probe token for a region. */
  probeToken(region: string): string;
  /** Stops the relay, keeping its data dir. */
  stop(): Promise<void>;
  /** Starts it again on the same data dir, on the same port unless `port` is given (0: a new one). */
  start(port?: number): Promise<void>;
  /** Stops the relay and removes its data dir. */
  dispose(): Promise<void>;
}

/** Starts a relay on 127.0.0.1 (port 0) with silent logs unless VANTAGE_TEST_LOG is set. */
export async function startInProcessRelay(): Promise<InProcessRelay> {
  const dataDir = mkdtempSync(join(tmpdir(), 'vantage-sync-relay-'));
  const launch = (port: number) =>
    startRelay(
      { host: '127.0.0.1', port, dataDir, logLevel: 'silent' },
      { logger: pino({ level: process.env.VANTAGE_TEST_LOG ?? 'silent' }), hub: { tickMs: 200 } },
    );
  let running: RelayHandle | null = await launch(0);
  let port = running.port;
  // Kept in the data dir: the same token across restarts, readable while the relay is down.
  const desktopToken = running.localDesktopToken();
  const relay: InProcessRelay = {
    get handle() {
      if (running === null) throw new Error('the relay is stopped');
      return running;
    },
    dataDir,
    get wsUrl() {
      return `ws://127.0.0.1:${port}/ws`;
    },
    get url() {
      return `http://127.0.0.1:${port}`;
    },
    desktopToken: () => desktopToken,
    probeToken: (region) => relay.handle.localProbeToken(region),
    async stop() {
      const handle = running;
      running = null;
      await handle?.stop();
    },
    async start(next = port) {
      if (running !== null) return;
      running = await launch(next);
      port = running.port;
    },
    async dispose() {
      await relay.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
  return relay;
}
