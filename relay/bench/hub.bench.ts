/**
 * Hub figures, each against the relay CLI bundled to plain JavaScript and run as a child process
 * (one Node thread, SQLite with synchronous=FULL), driven from this process over 127.0.0.1:
 * - results stored and acked per second, from 8 probe connections streaming 1000-result batches
 *   with up to 4 unacked batches each (the probe's own flow-control window is 10);
 * - live latency from a probe's batch leaving this process to a subscribed desktop receiving each
 *   result, at 5,000 results/s (50 batches of 100 per second from 5 probes), p50 and p99;
 * - RSS of the relay holding 1,000 idle probe connections past hello, and before them.
 */
import type { BenchRow } from '../../scripts/bench.js';
import { httpMonitor } from '../src/testing/fixtures.js';
import { TestClient } from '../src/testing/ws-test-client.js';
import { startBenchRelay } from './bench-relay.js';

const REGIONS = ['eu-west', 'us-east', 'ap-south', 'sa-east'];
const MONITORS = 200;
const fast = ['--messages-per-second', '100000', '--message-burst', '100000'];

function quantile(samples: number[], q: number): number {
  const sorted = Float64Array.from(samples).sort();
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN;
}

/** A `results.batch` frame of `count` results from `seq` on, built as text (cheap for the sender). */
function batchFrame(probeId: string, region: string, seq: number, count: number): string {
  const ts = Date.now();
  const parts: string[] = [];
  for (let i = 0; i < count; i++) {
    const s = seq + i;
    const state = s % 50 === 0 ? 'degraded' : 'up';
    parts.push(
      `{"probeId":"${probeId}","seq":${s},"monitorId":"m${s % MONITORS}","region":"${region}","ts":${ts},"state":"${state}","latencyMs":${(s % 97) + 3.5},"phases":{"dnsMs":1.2,"connectMs":2.5,"ttfbMs":12.25,"transferMs":0.75},"message":"","statusCode":200,"attempts":1,"probeHealthy":true,"revision":${MONITORS}}`,
    );
  }
  return `{"type":"results.batch","results":[${parts.join(',')}]}`;
}

async function withMonitors(url: string, token: string): Promise<void> {
  const admin = await TestClient.desktop(url, token, 'bench-admin');
  for (let i = 0; i < MONITORS; i++) {
    admin.send({
      type: 'monitor.upsert',
      requestId: `m${i}`,
      monitor: httpMonitor(`m${i}`, 'http://127.0.0.1:9/'),
    });
  }
  await admin.next((f) => f.requestId === `m${MONITORS - 1}`, 'last monitor saved', 30_000);
  await admin.close();
}

async function ingestRate(): Promise<number> {
  const relay = await startBenchRelay(REGIONS, fast);
  try {
    await withMonitors(relay.url, relay.desktopToken);
    const probes = await Promise.all(
      Array.from({ length: 8 }, (_, i) => {
        const region = REGIONS[i % REGIONS.length]!;
        return TestClient.probe(relay.url, relay.probeToken(region), region, `bench-${i}`);
      }),
    );
    let acked = 0;
    let stop = false;
    const senders = probes.map(async (probe, i) => {
      const region = REGIONS[i % REGIONS.length]!;
      let next = 1;
      let ackedUpTo = 0;
      probe.socket.on('message', (data) => {
        const frame = JSON.parse(data.toString()) as { type: string; upToSeq?: number };
        if (frame.type !== 'results.ack') return;
        acked += frame.upToSeq! - ackedUpTo;
        ackedUpTo = frame.upToSeq!;
      });
      while (!stop) {
        if (next - 1 - ackedUpTo < 4000) {
          probe.sendRaw(batchFrame(`bench-${i}`, region, next, 1000));
          next += 1000;
        } else await new Promise((resolve) => setTimeout(resolve, 1));
      }
    });
    // One and a half seconds of warm-up (JIT, page cache), then six measured.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    const ackedBefore = acked;
    const t0 = performance.now();
    await new Promise((resolve) => setTimeout(resolve, 6000));
    const rate = ((acked - ackedBefore) * 1000) / (performance.now() - t0);
    stop = true;
    await Promise.all(senders);
    await Promise.all(probes.map((p) => p.close()));
    return rate;
  } finally {
    await relay.stop();
  }
}

async function liveLatency(): Promise<{ p50: number; p99: number }> {
  const relay = await startBenchRelay(REGIONS, fast);
  try {
    await withMonitors(relay.url, relay.desktopToken);
    const probes = await Promise.all(
      Array.from({ length: 5 }, (_, i) => {
        const region = REGIONS[i % REGIONS.length]!;
        return TestClient.probe(relay.url, relay.probeToken(region), region, `live-${i}`);
      }),
    );
    const desktop = await TestClient.desktop(relay.url, relay.desktopToken, 'bench-desktop');
    await desktop.request({ type: 'results.subscribe', requestId: 's', fromCursor: 0 });
    const sentAt = new Map<string, number>();
    const latencies: number[] = [];
    desktop.socket.on('message', (data) => {
      const now = performance.now();
      const frame = JSON.parse(data.toString()) as {
        type: string;
        results?: Array<{ probeId: string; seq: number }>;
      };
      for (const r of frame.results ?? []) {
        const at = sentAt.get(`${r.probeId}:${r.seq}`);
        if (at !== undefined) latencies.push(now - at);
      }
    });
    const seqs = probes.map(() => 1);
    const ticks = 250; // 5 s at 50 batches of 100 per second
    const start = performance.now();
    for (let tick = 0; tick < ticks; tick++) {
      const i = tick % probes.length;
      const probeId = `live-${i}`;
      const frame = batchFrame(probeId, REGIONS[i % REGIONS.length]!, seqs[i]!, 100);
      const now = performance.now();
      for (let s = seqs[i]!; s < seqs[i]! + 100; s++) sentAt.set(`${probeId}:${s}`, now);
      probes[i]!.sendRaw(frame);
      seqs[i]! += 100;
      const due = start + ((tick + 1) * 1000) / 50;
      await new Promise((resolve) => setTimeout(resolve, Math.max(0, due - performance.now())));
    }
    await desktop.next(() => latencies.length >= ticks * 100, 'every result', 10_000).catch(() => undefined);
    await Promise.all([...probes, desktop].map((c) => c.close()));
    const measured = latencies.slice(ticks * 10); // after the first second
    return { p50: quantile(measured, 0.5), p99: quantile(measured, 0.99) };
  } finally {
    await relay.stop();
  }
}

async function idleRss(): Promise<{ before: number; after: number }> {
  const relay = await startBenchRelay(REGIONS);
  try {
    await withMonitors(relay.url, relay.desktopToken);
    await new Promise((resolve) => setTimeout(resolve, 500));
    const before = relay.rssMb();
    const clients: TestClient[] = [];
    for (let i = 0; i < 1000; i += 50) {
      clients.push(
        ...(await Promise.all(
          Array.from({ length: 50 }, (_, j) => {
            const region = REGIONS[(i + j) % REGIONS.length]!;
            return TestClient.probe(relay.url, relay.probeToken(region), region, `idle-${i + j}`);
          }),
        )),
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 2000));
    const after = relay.rssMb();
    await Promise.all(clients.map((c) => c.close()));
    return { before, after };
  } finally {
    await relay.stop();
  }
}

/** Runs the three hub measurements and returns their rows. */
export default async function hubBench(): Promise<BenchRow[]> {
  const ingest = await ingestRate();
  const latency = await liveLatency();
  const rss = await idleRss();
  return [
    {
      figure: 'results ingested durably (8 probe connections, one relay thread)',
      value: ingest,
      unit: 'results/s',
      target: '≥ 50,000/s',
    },
    { figure: 'probe → desktop live latency p50 at 5,000 results/s', value: latency.p50, unit: 'ms' },
    {
      figure: 'probe → desktop live latency p99 at 5,000 results/s',
      value: latency.p99,
      unit: 'ms',
      target: '< 50 ms',
    },
    {
      figure: 'relay RSS with 1,000 idle probe connections',
      value: rss.after,
      unit: 'MB',
      baseline: 'relay RSS with none',
      baselineValue: rss.before,
      target: '< 200 MB',
    },
  ];
}
