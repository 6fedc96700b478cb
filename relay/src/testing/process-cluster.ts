import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openSqliteStorage } from '../storage/sqlite/open-sqlite-storage.js';
import { type ChildRun, type RelayProcess, spawnProbe, spawnRelay } from './child-processes.js';

/** One region of the cluster: its name, the address its probe binds to and its token. */
export interface RegionSpec {
  region: string;
  sourceAddress: string;
}

/** A relay process, a desktop token and one probe process per region, sharing a temp dir. */
export interface ProcessCluster {
  dir: string;
  relay: RelayProcess;
  desktopToken: string;
  probes: Map<string, ChildRun>;
  /** Starts (or restarts) the probe of a region with extra flags. */
  startProbe(region: string, extra?: string[]): ChildRun;
  /** Restarts the relay on the same port and data dir (after a crash or a stop). */
  restartRelay(): Promise<RelayProcess>;
  /** Stops every process (probes gracefully) and removes the temp dir. */
  close(): Promise<void>;
}

/** The three regions e2e tests use; 127.0.0.0/8 is all loopback on Linux. */
export const THREE_REGIONS: RegionSpec[] = [
  { region: 'eu-west', sourceAddress: '127.0.0.2' },
  { region: 'us-east', sourceAddress: '127.0.0.3' },
  { region: 'ap-south', sourceAddress: '127.0.0.4' },
];

/** Creates tokens in a fresh data dir, then starts the relay process (probes start on demand). */
export async function startProcessCluster(regions: RegionSpec[]): Promise<ProcessCluster> {
  const dir = mkdtempSync(join(tmpdir(), 'vantage-cluster-'));
  const dataDir = join(dir, 'relay');
  const storage = openSqliteStorage(join(dataDir, 'relay.db'));
  const desktopToken = storage.tokens.create({ name: 'desktop', role: 'desktop' }, Date.now()).token;
  const probeTokens = new Map(
    regions.map((r) => [
      r.region,
      storage.tokens.create({ name: r.region, role: 'probe', region: r.region }, Date.now()).token,
    ]),
  );
  storage.close();
  const probes = new Map<string, ChildRun>();
  const cluster: ProcessCluster = {
    dir,
    relay: await spawnRelay(dataDir),
    desktopToken,
    probes,
    startProbe(region, extra = []) {
      const spec = regions.find((r) => r.region === region)!;
      const probe = spawnProbe([
        ...['--relay', cluster.relay.url, '--token', probeTokens.get(region)!, '--region', region],
        ...['--name', `probe-${region}`, '--data-dir', join(dir, `probe-${region}`)],
        ...['--source-address', spec.sourceAddress, '--per-host', '64', '--log-level', 'warn', ...extra],
      ]);
      probes.set(region, probe);
      return probe;
    },
    async restartRelay() {
      cluster.relay = await spawnRelay(dataDir, cluster.relay.port);
      return cluster.relay;
    },
    async close() {
      await Promise.all([...probes.values()].map((p) => p.kill('SIGTERM')));
      await cluster.relay.kill('SIGTERM');
      rmSync(dir, { recursive: true, force: true });
    },
  };
  return cluster;
}
