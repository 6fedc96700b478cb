/**
 * Rollup figures: how fast buckets merge and results fold, and how small a stored bucket is next
 * to the library's own protobuf encoding.
 */
import type { BenchRow } from '../../scripts/bench.js';
import type { CheckState } from '../src/results/check-result.js';
import {
  encodeBucket,
  foldResults,
  mergeBuckets,
  type RollupInput,
  rollupRange,
} from '../src/rollups/index.js';
import type { LatencySketch } from '../src/rollups/latency-sketch.js';

const DAY = Date.UTC(2025, 5, 1);

/** Deterministic PRNG (mulberry32) so every run measures the same data. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Realistic latencies: log-normal around 180 ms with a 1 % slow tail, and 0.5 % down results. */
function results(count: number, intervalMs: number, monitors = 1, regions = 1): RollupInput[] {
  const rand = random(42);
  const normal = () => Math.sqrt(-2 * Math.log(1 - rand())) * Math.cos(2 * Math.PI * rand());
  const out: RollupInput[] = [];
  for (let i = 0; i < count; i++) {
    const tail = rand() < 0.01 ? 5 : 1;
    const state: CheckState = rand() < 0.005 ? 'down' : rand() < 0.02 ? 'degraded' : 'up';
    out.push({
      monitorId: `m${i % monitors}`,
      region: `r${Math.floor(i / monitors) % regions}`,
      ts: DAY + Math.floor(i / (monitors * regions)) * intervalMs,
      state,
      latencyMs: Math.exp(Math.log(180) + 0.35 * normal()) * tail,
    });
  }
  return out;
}

/**
 * Calls per second of `fn`: the median of five runs of `ms / 5` each, after a warm-up run. The
 * median, because other work on a shared 2-core machine makes single runs vary several-fold.
 */
function rate(fn: () => void, ms = 1500): number {
  const runFor = (budget: number) => {
    let calls = 0;
    const start = performance.now();
    let elapsed = 0;
    while (elapsed < budget) {
      fn();
      calls++;
      elapsed = performance.now() - start;
    }
    return (calls / elapsed) * 1000;
  };
  runFor(ms / 5);
  const runs = Array.from({ length: 5 }, () => runFor(ms / 5)).sort((a, b) => a - b);
  return runs[2]!;
}

function varintLength(n: number): number {
  return n < 0x80 ? 1 : 1 + varintLength(Math.floor(n / 0x80));
}

/**
 * Bytes `DDSketch.toProto()` would write, from the library's generated encoder: protobufjs is not
 * installed, so toProto cannot run here. The dense store writes every slot, zeros included, as a double.
 */
function protobufSize(sketch: LatencySketch): number {
  const field = (inner: number) => 1 + varintLength(inner) + inner;
  const mapping = field(9 + 9 + 2);
  // The library's dense store spans every slot from the lowest non-empty key to the highest.
  const bins = sketch.bins();
  const offset = bins[0]?.[0] ?? 0;
  const slots = bins.length === 0 ? 0 : bins.at(-1)![0] - offset + 1;
  const positive = field(
    (slots ? field(8 * slots) : 0) + 1 + varintLength(offset >= 0 ? 2 * offset : -2 * offset - 1),
  );
  const negative = field(2);
  return mapping + positive + negative + 9;
}

export default async function rollupsBench(): Promise<BenchRow[]> {
  const minuteA = foldResults(results(6, 10_000))[0]!;
  const minuteB = foldResults(results(6, 10_000).map((r) => ({ ...r, latencyMs: r.latencyMs * 1.1 })))[0]!;
  const dayMinutes = foldResults(results(8_640, 10_000));
  const [day] = rollupRange(dayMinutes, 'day');
  const folding = results(100_000, 10_000, 10, 3);

  const merges = rate(() => mergeBuckets(minuteA, minuteB));
  const foldsPerSecond = rate(() => foldResults(folding), 3000) * folding.length;
  const dayRollups = rate(() => rollupRange(dayMinutes, 'day'), 1500);
  const minuteBytes = encodeBucket(minuteA).sketch.length;
  const dayBytes = encodeBucket(day!).sketch.length;
  const baselineSource = 'DDSketch.toProto (wire size)';
  // Targets come from the growth path's large relay, 5,000 monitors × 12 regions every 30 s: it
  // ingests ~2,000 results/s and rolls ~3.6 million minute buckets into hours each hour (~1,000
  // merges/s). The targets leave 20–25× headroom for that on one core.
  return [
    {
      figure: 'rollup merges/s (two 6-result minute buckets)',
      value: merges,
      unit: 'merges/s',
      target: '≥ 20,000/s',
    },
    {
      figure: 'results folded into minute buckets/s',
      value: foldsPerSecond,
      unit: 'results/s',
      target: '≥ 50,000/s',
    },
    {
      figure: 'day rolled up from 1,440 minute buckets',
      value: dayRollups,
      unit: 'days/s',
      target: '≥ 100/s',
    },
    {
      figure: 'encoded minute bucket sketch (6 results)',
      value: minuteBytes,
      unit: 'bytes',
      baseline: baselineSource,
      baselineValue: protobufSize(minuteA.sketch),
      target: '≤ 32 bytes',
    },
    {
      figure: 'encoded day bucket sketch (8,640 results)',
      value: dayBytes,
      unit: 'bytes',
      baseline: baselineSource,
      baselineValue: protobufSize(day!.sketch),
      target: '≤ 512 bytes',
    },
  ];
}
