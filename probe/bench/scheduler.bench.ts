/**
 * Scheduler figures:
 * - schedule lateness (actual start minus due time) p50 / p99 of 10,000 monitors, with the 60 s
 *   interval compressed to 2 s (30× the rate) and no-op checks, so the figure is the scheduler's
 *   own overhead; the baseline is a bare min-heap + one-timer loop over the same monitors;
 * - RSS of a `vantage-probe` child process (the CLI bundled to plain JavaScript) holding 1,000
 *   assigned TCP monitors at a 60 s interval against a local listener, after it has run a while.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type HeapSlot, IndexedHeap, type Monitor, type MonitorInput } from '@vantage/shared';
import { build } from 'esbuild';
import type { BenchRow } from '../../scripts/bench.js';
import { CheckScheduler } from '../src/scheduler/check-scheduler.js';
import { systemClock } from '../src/scheduler/clock.js';
import { nextDueAt } from '../src/scheduler/spread-offset.js';
import { startTcpTarget } from '../src/test-targets/tcp-target.js';
import { spawnProbe } from '../src/testing/probe-process.js';
import { TestRelay } from '../src/testing/test-relay.js';

const MONITORS = 10_000;
const INTERVAL_S = 2;
/** Two measured cycles after one warm-up cycle (JIT, first assignment), for both loops alike. */
const RUN_MS = 3 * INTERVAL_S * 1000;
const WARMUP_MS = INTERVAL_S * 1000;
const RSS_MONITORS = 1_000;
const RSS_SETTLE_MS = 4_000;
const BUNDLE = fileURLToPath(
  new URL('../../node_modules/.cache/vantage-bench/vantage-probe.mjs', import.meta.url),
);

function quantile(samples: number[], q: number): number {
  const sorted = Float64Array.from(samples).sort();
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN;
}

function benchMonitor(i: number): Monitor {
  // Built by hand so this process does not parse 10,000 monitors through the schema first.
  return {
    id: `bench-${i}`,
    type: 'tcp',
    host: `host-${i % 500}.test`,
    port: 80,
    interval: INTERVAL_S,
    paused: false,
  } as Monitor;
}

async function schedulerLateness(): Promise<number[]> {
  const samples: number[] = [];
  const measureFrom = systemClock.now() + WARMUP_MS;
  const scheduler = new CheckScheduler({
    clock: systemClock,
    concurrency: 1000,
    perHost: 100,
    execute: async () => {},
    onLateness: (ms) => {
      if (systemClock.now() - ms >= measureFrom) samples.push(ms);
    },
  });
  scheduler.replaceAll(Array.from({ length: MONITORS }, (_, i) => benchMonitor(i)));
  scheduler.start();
  await new Promise((resolve) => setTimeout(resolve, RUN_MS));
  await scheduler.stop(1000);
  return samples;
}

async function bareHeapLateness(): Promise<number[]> {
  interface Item extends HeapSlot {
    key: number;
    id: string;
  }
  const samples: number[] = [];
  const heap = new IndexedHeap<Item>((a, b) => a.key < b.key);
  const intervalMs = INTERVAL_S * 1000;
  const now = systemClock.now();
  const measureFrom = now + WARMUP_MS;
  for (let i = 0; i < MONITORS; i++)
    heap.push({ key: nextDueAt(`bench-${i}`, intervalMs, now), heapIndex: -1, id: `bench-${i}` });
  const end = now + RUN_MS;
  await new Promise<void>((resolve) => {
    const tick = () => {
      const at = systemClock.now();
      for (let top = heap.peek(); top && top.key <= at; top = heap.peek()) {
        if (top.key >= measureFrom) samples.push(systemClock.now() - top.key);
        top.key += intervalMs;
        heap.reorder(top);
      }
      const next = heap.peek();
      if (at >= end || !next) resolve();
      else setTimeout(tick, Math.ceil(Math.max(0, next.key - systemClock.now())));
    };
    tick();
  });
  return samples;
}

/**
 * Bundles the CLI the way it runs in production, as plain JavaScript: under tsx the loader's own
 * thread would add tens of MB that a deployed probe does not have.
 */
async function bundleProbe(): Promise<string> {
  await build({
    entryPoints: [fileURLToPath(new URL('../src/cli/main.ts', import.meta.url))],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    alias: { '@vantage/shared': fileURLToPath(new URL('../../shared/src/index.ts', import.meta.url)) },
    // Required only by a sketch serialisation path the probe never takes, and not installed.
    external: ['protobufjs/minimal'],
    banner: {
      js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);",
    },
    outfile: BUNDLE,
    logLevel: 'error',
  });
  return BUNDLE;
}

async function probeRssMb(): Promise<number> {
  const script = await bundleProbe();
  const relay = await TestRelay.start();
  const target = await startTcpTarget();
  relay.setMonitors(
    Array.from(
      { length: RSS_MONITORS },
      (_, i) =>
        ({
          id: `rss-${i}`,
          name: `rss ${i}`,
          type: 'tcp',
          host: '127.0.0.1',
          port: target.port,
          interval: 60,
        }) as MonitorInput,
    ),
  );
  const dataDir = mkdtempSync(join(tmpdir(), 'vantage-rss-'));
  const args = ['--relay', relay.url, '--token', 't', '--region', 'bench', '--data-dir', dataDir];
  const probe = spawnProbe(args, {}, script);
  try {
    await probe.waitForLog(
      (line) => line.msg === 'monitor set replaced' && line.monitors === RSS_MONITORS,
      'the monitor set',
      60_000,
    );
    await new Promise((resolve) => setTimeout(resolve, RSS_SETTLE_MS));
    const status = readFileSync(`/proc/${probe.child.pid}/status`, 'utf8');
    const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1]);
    return kb / 1024;
  } finally {
    probe.child.kill('SIGTERM');
    await probe.exited;
    await relay.stop();
    await target.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** Lateness with the scheduler and a bare heap loop in the same run, then the probe's RSS. */
export default async function run(): Promise<BenchRow[]> {
  const bare = await bareHeapLateness();
  const sched = await schedulerLateness();
  const rssMb = await probeRssMb();
  const compressed = `10,000 monitors, 60 s interval compressed to ${INTERVAL_S} s, no-op checks, steady state`;
  return [
    {
      figure: `schedule lateness p50 (${compressed})`,
      value: quantile(sched, 0.5),
      unit: 'ms',
      baseline: 'bare heap loop p50',
      baselineValue: quantile(bare, 0.5),
    },
    {
      figure: `schedule lateness p99 (${compressed})`,
      value: quantile(sched, 0.99),
      unit: 'ms',
      baseline: 'bare heap loop p99',
      baselineValue: quantile(bare, 0.99),
      target: '< 10 ms',
    },
    {
      figure: `RSS of vantage-probe with ${RSS_MONITORS} assigned monitors (bundled JS)`,
      value: rssMb,
      unit: 'MB',
      target: '< 120 MB',
    },
  ];
}
