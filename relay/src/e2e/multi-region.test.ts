import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually } from '../testing/eventually.js';
import { httpMonitor } from '../testing/fixtures.js';
import { type ProcessCluster, startProcessCluster, THREE_REGIONS } from '../testing/process-cluster.js';
import { type RegionalTarget, startRegionalTarget } from '../testing/regional-target.js';
import { type Frame, TestClient } from '../testing/ws-test-client.js';

const [EU, US, AP] = THREE_REGIONS.map((r) => r.sourceAddress) as [string, string, string];

let cluster: ProcessCluster;
let target: RegionalTarget;
let desktop: TestClient;
let requests = 0;

beforeAll(async () => {
  target = await startRegionalTarget();
  cluster = await startProcessCluster(THREE_REGIONS);
  desktop = await TestClient.desktop(cluster.relay.url, cluster.desktopToken);
  await desktop.request({ type: 'monitor.upsert', requestId: 'm', monitor: httpMonitor('api', target.url) });
  for (const { region } of THREE_REGIONS) cluster.startProbe(region);
}, 60_000);
afterAll(async () => {
  await desktop?.close();
  await cluster?.close();
  await target?.close();
});

async function status(): Promise<Frame> {
  return desktop.request({ type: 'status.get', requestId: `s${++requests}` });
}
function monitorOf(snapshot: Frame) {
  return (
    snapshot.monitors as Array<{ status: string; regions: Array<{ region: string; status: string }> }>
  )[0]!;
}
function regionStates(snapshot: Frame): Record<string, string> {
  return Object.fromEntries(monitorOf(snapshot).regions.map((r) => [r.region, r.status]));
}
const incidents = (change: string) =>
  desktop.frames.filter((f) => f.type === 'event.incident' && f.change === change) as Array<
    Frame & { incident: { id: string; cause: string; regions: string[] } }
  >;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('three probe processes in three regions', () => {
  it('see the target up from every region', async () => {
    await eventually(
      async () => {
        const snapshot = await status();
        expect(regionStates(snapshot)).toEqual({ 'eu-west': 'up', 'us-east': 'up', 'ap-south': 'up' });
        expect(monitorOf(snapshot).status).toBe('up');
      },
      30_000,
      250,
    );
  }, 40_000);

  it('open no incident when the target fails for one region only', async () => {
    target.failFor([EU]);
    await eventually(async () => expect(regionStates(await status())['eu-west']).toBe('down'), 15_000, 250);
    await sleep(3000);
    const snapshot = await status();
    expect(monitorOf(snapshot).status).toBe('degraded');
    expect(snapshot.incidents).toEqual([]);
    expect(incidents('opened')).toEqual([]);
  }, 30_000);

  it('open exactly one incident with the right cause when it fails everywhere, and resolve it on recovery', async () => {
    target.failFor([EU, US, AP]);
    await eventually(() => expect(incidents('opened')).toHaveLength(1), 15_000, 100);
    await sleep(3000);
    expect(incidents('opened')).toHaveLength(1);
    const opened = incidents('opened')[0]!.incident;
    expect(opened.cause).toBe('status was 503, expected 200..299');
    expect(opened.regions.length).toBeGreaterThanOrEqual(2);
    expect(monitorOf(await status()).status).toBe('down');

    target.failFor([]);
    await eventually(() => expect(incidents('resolved')).toHaveLength(1), 15_000, 100);
    expect(incidents('resolved')[0]!.incident.id).toBe(opened.id);
    await eventually(async () => expect(monitorOf(await status()).status).toBe('up'), 10_000, 250);
  }, 40_000);

  it('leave a probe that declares itself unhealthy out of the vote', async () => {
    // ap-south's probe restarts with a canary that cannot connect: it reports itself unhealthy.
    await cluster.probes.get('ap-south')!.kill('SIGTERM');
    cluster.startProbe('ap-south', ['--canary', '127.0.0.1:1', '--canary-interval', '0.5']);
    await eventually(
      async () => {
        const probes = (await status()).probes as Array<{
          region: string;
          healthy: boolean;
          connected: boolean;
        }>;
        expect(probes.find((p) => p.region === 'ap-south')).toMatchObject({
          healthy: false,
          connected: true,
        });
      },
      20_000,
      250,
    );
    const openedBefore = incidents('opened').length;
    // Failing for eu-west and ap-south would be two of three regions down, a majority, were
    // ap-south trusted; with its probe blind it is one of two.
    const apHits = target.hits.get(AP) ?? 0;
    target.failFor([EU, AP]);
    await eventually(async () => expect(regionStates(await status())['eu-west']).toBe('down'), 15_000, 250);
    await sleep(4000);
    expect(incidents('opened').length).toBe(openedBefore);
    expect(monitorOf(await status()).status).toBe('degraded');
    // The blind probe kept checking (and failing) all along; its results just did not vote.
    expect(target.hits.get(AP) ?? 0).toBeGreaterThan(apHits + 3);
  }, 60_000);
});
