/**
 * Status evaluator speed: result events per second through `applyAll` for 1,000 monitors in
 * 3 regions with mixed states (steady, degraded, partial outages, flapping, full outages that
 * open and resolve incidents, children of failing parents, regions going stale), plus the size
 * of a snapshot of that state and the time to take and restore it.
 */
import type { BenchRow } from '../../scripts/bench.js';
import type { EvaluatorEvent } from '../src/evaluator/evaluator-events.js';
import { EvaluatorSnapshot } from '../src/evaluator/evaluator-snapshot.js';
import { Evaluator } from '../src/evaluator/status-evaluator.js';
import type { CheckState } from '../src/results/check-result.js';

const MONITORS = 1000;
const REGIONS = ['eu-west', 'us-east', 'ap-south'] as const;
const ROUNDS = 200;
const INTERVAL_MS = 60_000;
const START = 1_700_000_000_000;

function setup(): EvaluatorEvent[] {
  return Array.from({ length: MONITORS }, (_, i) => ({
    type: 'monitor.set' as const,
    monitor: {
      id: `m${i}`,
      interval: 60,
      confirmation: 2,
      recovery: 2,
      quorum: 'majority' as const,
      paused: false,
      regions: 'all' as const,
      // The last hundred depend on the monitors that have full outages.
      ...(i >= 900 ? { parent: `m${(i - 900) * 10 + 9}` } : {}),
    },
  }));
}

/** What monitor `m` sees from region `r` in round `round`; `random` is a seeded generator. */
function stateOf(m: number, r: number, round: number, random: () => number): CheckState | undefined {
  switch (m % 10) {
    case 4: // its third region goes silent for a while, long enough to go stale
      return r === 2 && round >= 100 && round < 110 ? undefined : 'up';
    case 6:
      return r === 0 ? 'degraded' : 'up';
    case 7: // one region down for 40 rounds: partial outage, no incident
      return r === 2 && round >= 20 && round < 60 ? 'down' : 'up';
    case 8:
      return random() < 0.3 ? 'down' : 'up';
    case 9: // everything down every other ten rounds: incidents open and resolve
      return Math.floor(round / 10) % 2 === 1 ? 'down' : 'up';
    default:
      return random() < 0.02 ? 'degraded' : 'up';
  }
}

function results(): EvaluatorEvent[] {
  let seed = 42;
  const random = () => {
    seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
    return seed / 2_147_483_648;
  };
  const ids = Array.from({ length: MONITORS }, (_, i) => `m${i}`);
  const events: EvaluatorEvent[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    const base = START + round * INTERVAL_MS;
    events.push({ type: 'tick', ts: base });
    for (let m = 0; m < MONITORS; m++) {
      for (let r = 0; r < REGIONS.length; r++) {
        const state = stateOf(m, r, round, random);
        if (state === undefined) continue;
        const region = REGIONS[r]!;
        const ts = base + m * 50 + r;
        const message = state === 'down' ? 'connect ETIMEDOUT' : state === 'degraded' ? 'slow: 2400 ms' : '';
        events.push({
          type: 'result',
          monitorId: ids[m]!,
          region,
          probeId: region,
          ts,
          state,
          message,
          latencyMs: 80,
        });
      }
    }
  }
  return events;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

/** Rows for `npm run bench`. */
export default async function evaluatorBench(): Promise<BenchRow[]> {
  const monitors = setup();
  const events = results();
  const resultCount = events.filter((e) => e.type === 'result').length;

  const rates: number[] = [];
  let outputs = 0;
  let last = new Evaluator();
  for (let run = 0; run < 4; run++) {
    const evaluator = new Evaluator();
    evaluator.applyAll(monitors);
    const start = performance.now();
    outputs = evaluator.applyAll(events).length;
    const ms = performance.now() - start;
    if (run > 0) rates.push((resultCount / ms) * 1000);
    last = evaluator;
  }

  const t0 = performance.now();
  const json = JSON.stringify(last.snapshot());
  const t1 = performance.now();
  const restored = Evaluator.restore(EvaluatorSnapshot.parse(JSON.parse(json)));
  const t2 = performance.now();
  if (restored.monitorIds().length !== MONITORS) throw new Error('restore lost monitors');

  return [
    {
      figure: 'evaluator results/s (1,000 monitors × 3 regions, mixed)',
      value: median(rates),
      unit: 'results/s',
      target: '≥ 500,000/s',
    },
    { figure: 'evaluator outputs per 1,000 results', value: (outputs / resultCount) * 1000, unit: 'outputs' },
    {
      figure: 'evaluator snapshot size (1,000 monitors × 3 regions)',
      value: json.length / 1024,
      unit: 'KiB',
    },
    { figure: 'evaluator snapshot + JSON.stringify', value: t1 - t0, unit: 'ms' },
    { figure: 'evaluator JSON.parse + schema + restore', value: t2 - t1, unit: 'ms' },
  ];
}
