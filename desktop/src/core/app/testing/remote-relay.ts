import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type ProbeHandle, startProbe } from '@vantage/probe';
import { type RelayHandle, startRelay } from '@vantage/relay';
import pino from 'pino';

/** A relay started in this process standing in for one on a VPS, with one probe in `region`. */
export interface RemoteRelay {
  readonly relay: RelayHandle;
  /** A desktop token of this relay. */
  readonly desktopToken: string;
  /** The ids of the monitors the relay holds, read over its REST API. */
  monitorIds(): Promise<string[]>;
  stop(): Promise<void>;
}

/** Starts a relay on 127.0.0.1:0 in a temporary data dir, and a probe for `region`. */
export async function startRemoteRelay(region = 'eu-west'): Promise<RemoteRelay> {
  const dir = mkdtempSync(join(tmpdir(), 'vantage-remote-relay-'));
  const logger = pino({ level: 'silent' });
  const relay = await startRelay({ dataDir: join(dir, 'relay'), host: '127.0.0.1', port: 0 }, { logger });
  let probe: ProbeHandle | undefined;
  try {
    probe = await startProbe(
      {
        relay: relay.wsUrl,
        token: relay.localProbeToken(region),
        region,
        name: `probe ${region}`,
        dataDir: join(dir, 'probe'),
      },
      { logger },
    );
  } catch (error) {
    await relay.stop();
    throw error;
  }
  const desktopToken = relay.localDesktopToken();
  return {
    relay,
    desktopToken,
    async monitorIds() {
      const response = await fetch(`${relay.url}/api/v1/monitors`, {
        headers: { authorization: `Bearer ${desktopToken}` },
      });
      const body = (await response.json()) as { monitors: Array<{ id: string }> };
      return body.monitors.map((m) => m.id).sort();
    },
    async stop() {
      await probe?.stop();
      await relay.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
