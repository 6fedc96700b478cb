import { join } from 'node:path';
import { startProbe } from '@vantage/probe';
import { startRelay } from '@vantage/relay';
import type { Logger } from 'pino';

/** The region of the probe that runs inside the desktop. */
export const LOCAL_REGION = 'local';

/** The relay and probe the desktop runs in-process when no remote relay is configured. */
export interface EmbeddedRelay {
  /** The relay's base URL on the loopback interface. */
  readonly url: string;
  /** The WebSocket address the desktop dials. */
  readonly wsUrl: string;
  /** The token this desktop authenticates with (kept in the relay's data dir). */
  readonly desktopToken: string;
  /** The local probe's region. */
  readonly region: string;
  /** Stops the probe (flushing its spool to the relay), then the relay. Idempotent. */
  stop(): Promise<void>;
}

/** Where and how to run the embedded relay. */
export interface EmbeddedRelayOptions {
  /** The desktop's data dir: the relay keeps `relay/`, the probe `probe/` in it. */
  dataDir: string;
  logger: Logger;
  now?: () => number;
}

/**
 * Starts the very relay and probe modules that run on a VPS, in this process (design principle 5):
 * the relay on 127.0.0.1 with a free port, then a probe for region `local` with the relay's local
 * probe token. If the probe cannot start the relay is stopped again, so nothing is left half up.
 */
export async function startEmbeddedRelay(options: EmbeddedRelayOptions): Promise<EmbeddedRelay> {
  const relay = await startRelay(
    { dataDir: join(options.dataDir, 'relay'), host: '127.0.0.1', port: 0 },
    { logger: options.logger.child({ embedded: 'relay' }), ...(options.now ? { now: options.now } : {}) },
  );
  let probe: Awaited<ReturnType<typeof startProbe>>;
  let desktopToken: string;
  try {
    desktopToken = relay.localDesktopToken();
    probe = await startProbe(
      {
        relay: relay.wsUrl,
        token: relay.localProbeToken(LOCAL_REGION),
        region: LOCAL_REGION,
        name: 'this computer',
        dataDir: join(options.dataDir, 'probe'),
      },
      { logger: options.logger.child({ embedded: 'probe' }), processMetrics: false },
    );
  } catch (error) {
    await relay.stop();
    throw error;
  }
  let stopping: Promise<void> | undefined;
  return {
    url: relay.url,
    wsUrl: relay.wsUrl,
    desktopToken,
    region: LOCAL_REGION,
    stop() {
      stopping ??= (async () => {
        try {
          await probe.stop();
        } finally {
          await relay.stop();
        }
      })();
      return stopping;
    },
  };
}
