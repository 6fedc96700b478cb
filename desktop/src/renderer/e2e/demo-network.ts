import { join } from 'node:path';
import { type ProbeHandle, startProbe } from '@vantage/probe';
import { type RelayHandle, startRelay } from '@vantage/relay';
import pino from 'pino';

/** A probe region of the demo network and the loopback address its probe connects from. */
export interface DemoRegion {
  region: string;
  name: string;
  /** Each probe binds its own 127.0.0.x, so demo targets can answer each region at its own speed. */
  sourceAddress: string;
}

/** Three regions, as a small team would run them. */
export const DEMO_REGIONS: readonly DemoRegion[] = [
  { region: 'eu-west', name: 'fra-1', sourceAddress: '127.0.0.2' },
  { region: 'us-east', name: 'nyc-1', sourceAddress: '127.0.0.3' },
  { region: 'ap-south', name: 'bom-1', sourceAddress: '127.0.0.4' },
];

/** A relay with one probe per region, all in this process on 127.0.0.1, as they would run on VPSes. */
export interface DemoNetwork {
  readonly relay: RelayHandle;
  /** The token a desktop connects with. */
  readonly desktopToken: string;
  stop(): Promise<void>;
}

/** Starts the relay (free port) and a probe per region, each with its own data dir under `dataDir`. */
export async function startDemoNetwork(dataDir: string, regions = DEMO_REGIONS): Promise<DemoNetwork> {
  const logger = pino({ level: 'warn' }, pino.destination({ fd: 2, sync: true }));
  const relay = await startRelay({ dataDir: join(dataDir, 'relay'), host: '127.0.0.1', port: 0 }, { logger });
  const probes: ProbeHandle[] = [];
  try {
    for (const region of regions) {
      probes.push(
        await startProbe(
          {
            relay: relay.wsUrl,
            token: relay.localProbeToken(region.region),
            region: region.region,
            name: region.name,
            dataDir: join(dataDir, `probe-${region.region}`),
            sourceAddress: region.sourceAddress,
          },
          { logger },
        ),
      );
    }
  } catch (error) {
    await Promise.all(probes.map((probe) => probe.stop()));
    await relay.stop();
    throw error;
  }
  return {
    relay,
    desktopToken: relay.localDesktopToken(),
    async stop() {
      await Promise.all(probes.map((probe) => probe.stop()));
      await relay.stop();
    },
  };
}
