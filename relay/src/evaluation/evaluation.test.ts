import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CheckResult } from '@vantage/shared';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { IncidentEvent } from '../hub/index.js';
import { httpMonitor, sampleResult } from '../testing/fixtures.js';
import { startTestRelay, type TestRelay } from '../testing/test-relay-server.js';
import { TestClient } from '../testing/ws-test-client.js';

const REGIONS = ['eu-west', 'us-east', 'ap-south'] as const;
let dir: string;
let relay: TestRelay;
let clients: TestClient[] = [];
let seqs: Map<string, number>;
let tokens: Map<string, string>;

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'vantage-eval-'));
  seqs = new Map();
  tokens = new Map();
  relay = await startTestRelay({ dataDir: dir });
});
afterEach(async () => {
  await Promise.all(clients.map((c) => c.close()));
  clients = [];
  await relay.close();
  rmSync(dir, { recursive: true, force: true });
});

async function probes(): Promise<TestClient[]> {
  const connected = await Promise.all(
    REGIONS.map((region) => {
      // A probe id stays bound to its token, so a reconnecting probe keeps its token across restarts.
      if (!tokens.has(region)) tokens.set(region, relay.probeToken(region));
      return TestClient.probe(relay.url, tokens.get(region)!, region, `probe-${region}`);
    }),
  );
  clients.push(...connected);
  return connected;
}

/** One round of results for `api`: each region reports its state; resolves once all are acked. */
async function round(ps: TestClient[], states: Array<CheckResult['state']>): Promise<void> {
  await Promise.all(
    ps.map(async (p, i) => {
      const region = REGIONS[i]!;
      const probeId = `probe-${region}`;
      const seq = (seqs.get(probeId) ?? 0) + 1;
      seqs.set(probeId, seq);
      const result = { ...sampleResult(probeId, region, seq), state: states[i]! };
      if (result.state === 'down')
        Object.assign(result, { message: 'status was 503, expected 200..299', statusCode: 503 });
      const from = p.frames.length;
      p.send({ type: 'results.batch', results: [result] });
      await p.next((f) => f.type === 'results.ack' && f.upToSeq === seq, 'ack', 10_000, from);
    }),
  );
}

describe('server-side evaluation', () => {
  it('opens one incident when a quorum of regions is down, tells desktops and listeners, and resolves it', async () => {
    relay.hub.services.monitors.upsert(httpMonitor('api', 'http://127.0.0.1:1/'));
    const heard: IncidentEvent[] = [];
    relay.hub.onIncident((event) => heard.push(event));
    const desktop = await TestClient.desktop(relay.url, relay.desktopToken());
    clients.push(desktop);
    const ps = await probes();

    await round(ps, ['up', 'up', 'up']);
    await round(ps, ['down', 'up', 'up']);
    await round(ps, ['down', 'up', 'up']);
    expect(heard).toEqual([]);
    expect(relay.hub.services.status.status('api')?.status).toBe('degraded');

    await round(ps, ['down', 'down', 'up']);
    await round(ps, ['down', 'down', 'up']);
    expect(heard.map((e) => e.change)).toEqual(['opened']);
    expect(heard[0]?.incident).toMatchObject({ id: 'api:1', cause: 'status was 503, expected 200..299' });
    expect(heard[0]?.incident.regions.sort()).toEqual(['eu-west', 'us-east']);
    const opened = await desktop.next((f) => f.type === 'event.incident', 'event.incident');
    expect(opened).toMatchObject({ change: 'opened', incident: { id: 'api:1' } });
    const status = await desktop.next((f) => f.type === 'event.status' && f.status === 'down', 'down');
    expect(status).toMatchObject({ monitorId: 'api', previous: 'degraded' });
    expect(relay.storage.incidents.listOpen().map((i) => i.id)).toEqual(['api:1']);

    const snapshot = await desktop.request({ type: 'status.get', requestId: 's' });
    expect(snapshot).toMatchObject({
      monitors: [{ monitorId: 'api', status: 'down' }],
      incidents: [{ id: 'api:1' }],
    });
    expect((snapshot.probes as unknown[]).length).toBe(3);

    expect(
      await desktop.request({ type: 'incident.ack', requestId: 'a', incidentId: 'api:1', by: 'ana' }),
    ).toMatchObject({
      type: 'ok',
    });
    expect(heard.at(-1)).toMatchObject({ change: 'acknowledged', incident: { acknowledgedBy: 'ana' } });

    await round(ps, ['up', 'up', 'up']);
    await round(ps, ['up', 'up', 'up']);
    const changes = heard.map((e) => e.change);
    expect(changes.slice(0, 2)).toEqual(['opened', 'acknowledged']);
    expect(changes.at(-1)).toBe('resolved');
    expect(changes.filter((c) => c === 'opened' || c === 'resolved')).toHaveLength(2);
    expect(relay.storage.incidents.get('api:1')?.resolvedAt).toBeTypeOf('number');
    expect(relay.hub.services.status.status('api')?.status).toBe('up');
  });

  it('leaves a probe that declared itself unhealthy out of the vote', async () => {
    relay.hub.services.monitors.upsert(httpMonitor('api', 'http://127.0.0.1:1/'));
    const heard: IncidentEvent[] = [];
    relay.hub.onIncident((event) => heard.push(event));
    const ps = await probes();
    await round(ps, ['up', 'up', 'up']);
    ps[2]!.send({
      type: 'probe.health',
      healthy: false,
      ts: Date.now(),
      reason: 'every canary failed',
      canaries: [],
    });
    // Two of three regions down would be a majority, but ap-south's probe is blind: 1 of 2 votes.
    for (let i = 0; i < 4; i++) await round(ps, ['down', 'up', 'down']);
    expect(heard).toEqual([]);
    const probe = relay.hub.services.status.probes().find((p) => p.region === 'ap-south');
    expect(probe).toMatchObject({ healthy: false, connected: true, reason: 'every canary failed' });
  });

  it('keeps daily aggregates of every stored result, per region', async () => {
    relay.hub.services.monitors.upsert(httpMonitor('api', 'http://127.0.0.1:1/'));
    const ps = await probes();
    await round(ps, ['up', 'down', 'up']);
    await round(ps, ['degraded', 'up', 'up']);
    const day = relay.storage.aggregates.read('api', Date.now() - 86_400_000, Date.now() + 86_400_000);
    expect(day.map((b) => [b.region, b.up, b.degraded, b.down])).toEqual([
      ['ap-south', 2, 0, 0],
      ['eu-west', 1, 1, 0],
      ['us-east', 1, 0, 1],
    ]);
  });
});

describe('evaluation across a crash', () => {
  it('restores the evaluator and replays the log, without announcing the same incident twice', async () => {
    relay.hub.services.monitors.upsert(httpMonitor('api', 'http://127.0.0.1:1/'));
    const ps = await probes();
    for (let i = 0; i < 3; i++) await round(ps, ['down', 'down', 'down']);
    expect(relay.storage.incidents.listOpen().map((i) => i.id)).toEqual(['api:1']);
    // Crash: no hub.close(), so the last snapshot is the one taken at start, before any result.
    for (const c of clients) c.socket.terminate();
    clients = [];
    await relay.app.close();
    relay.storage.close();

    relay = await startTestRelay({ dataDir: dir });
    const heard: IncidentEvent[] = [];
    relay.hub.onIncident((event) => heard.push(event));
    expect(relay.hub.services.status.status('api')?.status).toBe('down');
    expect(relay.hub.services.status.snapshot().incidents.map((i) => i.id)).toEqual(['api:1']);
    expect(heard).toEqual([]);

    const again = await probes();
    for (let i = 0; i < 2; i++) await round(again, ['up', 'up', 'up']);
    expect(heard.map((e) => [e.change, e.incident.id])).toContainEqual(['resolved', 'api:1']);
  });

  it('closes a stored open incident that the restored evaluator does not hold, and never reuses its id', async () => {
    relay.hub.services.monitors.upsert(httpMonitor('api', 'http://127.0.0.1:1/'));
    await relay.close();
    const { openSqliteStorage } = await import('../storage/sqlite/open-sqlite-storage.js');
    const storage = openSqliteStorage(join(dir, 'relay.db'));
    storage.incidents.save({
      id: 'api:7',
      monitorId: 'api',
      openedAt: 1,
      cause: 'x',
      regions: [],
      timeline: [],
    });
    storage.close();

    relay = await startTestRelay({ dataDir: dir });
    const orphan = relay.storage.incidents.get('api:7');
    expect(orphan?.resolvedAt).toBeTypeOf('number');
    expect(orphan?.timeline.at(-1)?.message).toMatch(/relay restarted/);
    const ps = await probes();
    for (let i = 0; i < 3; i++) await round(ps, ['down', 'down', 'down']);
    expect(relay.storage.incidents.listOpen().map((i) => i.id)).toEqual(['api:8']);
  });
});
