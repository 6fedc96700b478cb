/**
 * Alert latency: 100 monitors go down in one probe batch (confirmation 1), opening 100 incidents
 * at once in an in-process relay; each monitor's rule routes to its own webhook channel, served by
 * one local HTTP receiver. The figure is the time from the batch leaving this process to each
 * channel's first request arriving, so it includes ingest and evaluation as well as the outbox
 * (an upper bound on "incident opened → first channel request"). A second row routes all 100 to
 * one channel: they go as one grouped message.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import type { BenchRow } from '../../scripts/bench.js';
import { startRelay } from '../src/server.js';
import { openRelayDatabase } from '../src/storage/sqlite/open-database.js';
import { SqliteTokenStore } from '../src/storage/sqlite/sqlite-token-store.js';
import { httpMonitor } from '../src/testing/fixtures.js';
import { TestClient } from '../src/testing/ws-test-client.js';

const INCIDENTS = 100;

function quantile(samples: number[], q: number): number {
  const sorted = Float64Array.from(samples).sort();
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN;
}

function batch(probeId: string, seq: number, state: 'up' | 'down', revision: number, prefix: string): string {
  const ts = Date.now();
  const results = Array.from({ length: INCIDENTS }, (_, i) =>
    JSON.stringify({
      probeId,
      seq: seq + i,
      monitorId: `${prefix}${i}`,
      region: 'bench',
      ts,
      state,
      latencyMs: 5,
      message: state === 'down' ? 'HTTP 503' : '',
      statusCode: state === 'down' ? 503 : 200,
      attempts: 1,
      probeHealthy: true,
      revision,
    }),
  );
  return `{"type":"results.batch","results":[${results.join(',')}]}`;
}

/** Runs one round; returns each first request's latency in ms. */
async function round(sharedChannel: boolean): Promise<number[]> {
  const dir = mkdtempSync(join(tmpdir(), 'vantage-alert-bench-'));
  const arrivals = new Map<string, number>();
  const receiver = createServer((req, res) => {
    if (!arrivals.has(req.url ?? '')) arrivals.set(req.url ?? '', performance.now());
    req.resume();
    req.on('end', () => res.writeHead(200).end('ok'));
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  const receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}`;
  const dataDir = join(dir, 'relay');
  const relay = await startRelay(
    { host: '127.0.0.1', port: 0, dataDir, messagesPerSecond: 100_000, messageBurst: 100_000 },
    { logger: pino({ level: process.env.VANTAGE_BENCH_LOG ?? 'silent' }) },
  );
  try {
    const desktop = readFileSync(join(dataDir, 'desktop-token'), 'utf8').trim();
    const db = openRelayDatabase(join(dataDir, 'relay.db'));
    const probeToken = new SqliteTokenStore(db).create(
      { name: 'bench', role: 'probe', region: 'bench' },
      Date.now(),
    ).token;
    db.close();
    const put = (path: string, body: unknown) =>
      fetch(`${relay.url}/api/v1${path}`, {
        method: path.startsWith('/monitors') ? 'POST' : 'PUT',
        headers: { authorization: `Bearer ${desktop}`, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      }).then((r) => r.json() as Promise<{ revision?: number }>);
    let revision = 0;
    for (let i = 0; i < INCIDENTS; i++) {
      const channel = sharedChannel ? 'c0' : `c${i}`;
      if (!sharedChannel || i === 0)
        await put(`/alert-channels/${channel}`, {
          kind: 'webhook',
          id: channel,
          name: channel,
          url: `${receiverUrl}/${channel}`,
          secret: 'bench-secret-0123456789',
        });
      await put(`/alert-rules/r${i}`, {
        id: `r${i}`,
        name: `r${i}`,
        monitorIds: [`m${i}`],
        channels: [channel],
      });
      revision =
        (
          await put(
            '/monitors',
            httpMonitor(`m${i}`, 'http://127.0.0.1:9/', { interval: 60, confirmation: 1 }),
          )
        ).revision ?? revision;
    }
    const probe = await TestClient.probe(relay.wsUrl, probeToken, 'bench');
    probe.sendRaw(batch('probe-bench', 1, 'up', revision, 'm'));
    await new Promise((resolve) => setTimeout(resolve, 500));
    const sentAt = performance.now();
    probe.sendRaw(batch('probe-bench', 1 + INCIDENTS, 'down', revision, 'm'));
    const expected = sharedChannel ? 1 : INCIDENTS;
    const deadline = Date.now() + 10_000;
    while (arrivals.size < expected && Date.now() < deadline)
      await new Promise((resolve) => setTimeout(resolve, 5));
    await probe.close();
    return [...arrivals.values()].map((at) => at - sentAt);
  } finally {
    await relay.stop();
    await new Promise((resolve) => receiver.close(resolve));
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The alert latency rows. */
export default async function alertLatencyBench(): Promise<BenchRow[]> {
  const separate = await round(false);
  const shared = await round(true);
  return [
    {
      figure: `alert latency p50, ${INCIDENTS} simultaneous incidents, one channel each`,
      value: Math.round(quantile(separate, 0.5)),
      unit: 'ms',
    },
    {
      figure: `alert latency p99, ${INCIDENTS} simultaneous incidents, one channel each (${separate.length} received)`,
      value: Math.round(quantile(separate, 0.99)),
      unit: 'ms',
      target: '< 1000 ms',
    },
    {
      figure: `alert latency, ${INCIDENTS} simultaneous incidents grouped into one message on one channel`,
      value: Math.round(quantile(shared, 0.5)),
      unit: 'ms',
      target: '< 1000 ms',
    },
  ];
}
