import fc from 'fast-check';
import type { CheckState } from '../results/check-result.js';
import type { EvaluatedMonitor } from './evaluated-monitor.js';
import type { EvaluatorEvent } from './evaluator-events.js';

// fast-check generators for the evaluator's property tests; nothing in the product imports this file.

/** Three regions; r3 has two probes, so one of them failing does not blind it. */
export const PROBES = [
  { probeId: 'p1', region: 'r1' },
  { probeId: 'p2', region: 'r2' },
  { probeId: 'p3a', region: 'r3' },
  { probeId: 'p3b', region: 'r3' },
] as const;
/** The regions the probes live in. */
export const REGIONS = ['r1', 'r2', 'r3'] as const;
/** The monitors of a scenario; any may name another (or form a cycle) as parent. */
export const MONITOR_IDS = ['m0', 'm1', 'm2'] as const;
/** Scenarios start here, in epoch milliseconds. */
export const START = 1_000_000;

function strip(config: EvaluatedMonitor): EvaluatedMonitor {
  const out = { ...config };
  if (out.failureWindow === undefined) delete out.failureWindow;
  if (out.parent === undefined) delete out.parent;
  return out;
}

/** Any evaluator configuration for monitor `id`, with short intervals so regions go stale often. */
export function configArb(
  id: string,
  paused: fc.Arbitrary<boolean> = fc.constant(false),
): fc.Arbitrary<EvaluatedMonitor> {
  return fc
    .record({
      id: fc.constant(id),
      interval: fc.constantFrom(5, 10, 30),
      confirmation: fc.integer({ min: 1, max: 4 }),
      recovery: fc.integer({ min: 1, max: 4 }),
      quorum: fc.oneof(
        fc.constantFrom('majority' as const, 'all' as const, 'any' as const),
        fc.integer({ min: 1, max: 3 }),
      ),
      failureWindow: fc.option(
        fc.record({ failures: fc.integer({ min: 1, max: 4 }), minutes: fc.constantFrom(1, 2) }),
        {
          nil: undefined,
        },
      ),
      paused,
      parent: fc.option(fc.constantFrom(...MONITOR_IDS), { nil: undefined }),
      regions: fc.oneof(fc.constant('all' as const), fc.subarray([...REGIONS], { minLength: 1 })),
    })
    .map(strip);
}

const state = fc.constantFrom<CheckState>('up', 'up', 'degraded', 'down', 'down', 'down');
const monitorIndex = fc.integer({ min: 0, max: MONITOR_IDS.length - 1 });

type Step =
  | { kind: 'result'; m: number; probe: number; state: CheckState }
  | { kind: 'tick' }
  | { kind: 'health'; probe: number; healthy: boolean }
  | { kind: 'pause' | 'maintenance'; m: number; on: boolean }
  | { kind: 'ack'; m: number; n: number }
  | { kind: 'set'; config: EvaluatedMonitor }
  | { kind: 'remove'; m: number };

function stepArb(dynamic: boolean): fc.Arbitrary<Step> {
  const steps: Array<fc.WeightedArbitrary<Step>> = [
    {
      weight: 14,
      arbitrary: fc.record({
        kind: fc.constant('result' as const),
        m: monitorIndex,
        probe: fc.integer({ min: 0, max: PROBES.length - 1 }),
        state,
      }),
    },
    { weight: 2, arbitrary: fc.constant({ kind: 'tick' as const }) },
    {
      weight: 1,
      arbitrary: fc.record({
        kind: fc.constant('health' as const),
        probe: fc.integer({ min: 0, max: PROBES.length - 1 }),
        healthy: fc.boolean(),
      }),
    },
    {
      weight: 1,
      arbitrary: fc.record({
        kind: fc.constantFrom('pause' as const, 'maintenance' as const),
        m: monitorIndex,
        on: fc.boolean(),
      }),
    },
    {
      weight: 1,
      arbitrary: fc.record({
        kind: fc.constant('ack' as const),
        m: monitorIndex,
        n: fc.integer({ min: 1, max: 3 }),
      }),
    },
  ];
  if (dynamic) {
    const set = fc.constantFrom(...MONITOR_IDS).chain((id) => configArb(id, fc.boolean()));
    steps.push({ weight: 1, arbitrary: set.map((config) => ({ kind: 'set' as const, config })) });
    steps.push({
      weight: 1,
      arbitrary: fc.record({ kind: fc.constant('remove' as const), m: monitorIndex }),
    });
  }
  return fc.oneof(...steps);
}

/** A scenario: its events, and each monitor's configuration at the end (undefined once removed). */
export interface Scenario {
  events: EvaluatorEvent[];
  configs: Map<string, EvaluatedMonitor | undefined>;
  /** Time of the last event. */
  end: number;
}

/**
 * Sets the three monitors, then runs random steps a random 0-12 s apart. With `dynamic`, steps
 * also change configurations and remove monitors.
 */
export function scenarioArb(dynamic: boolean, maxSteps = 150): fc.Arbitrary<Scenario> {
  const configs = fc.tuple(...MONITOR_IDS.map((id) => configArb(id)));
  const steps = fc.array(fc.tuple(fc.integer({ min: 0, max: 12_000 }), stepArb(dynamic)), {
    maxLength: maxSteps,
    size: 'max',
  });
  return fc.tuple(configs, steps).map(([initial, list]) => {
    const latest = new Map<string, EvaluatedMonitor | undefined>();
    const events: EvaluatorEvent[] = initial.map((monitor) => {
      latest.set(monitor.id, monitor);
      return { type: 'monitor.set', monitor };
    });
    let ts = START;
    for (const [dt, step] of list) {
      ts += dt;
      events.push(eventOf(step, ts, latest));
    }
    return { events, configs: latest, end: ts };
  });
}

function eventOf(step: Step, ts: number, latest: Map<string, EvaluatedMonitor | undefined>): EvaluatorEvent {
  switch (step.kind) {
    case 'result': {
      const { probeId, region } = PROBES[step.probe]!;
      const monitorId = MONITOR_IDS[step.m]!;
      const message = step.state === 'down' ? `failed from ${probeId} at ${ts}` : '';
      return { type: 'result', monitorId, region, probeId, ts, state: step.state, message, latencyMs: 5 };
    }
    case 'tick':
      return { type: 'tick', ts };
    case 'health':
      return { type: 'probe.health', ...PROBES[step.probe]!, healthy: step.healthy, ts };
    case 'pause':
      return { type: 'pause', monitorId: MONITOR_IDS[step.m]!, paused: step.on, ts };
    case 'maintenance':
      return { type: 'maintenance', monitorId: MONITOR_IDS[step.m]!, active: step.on, ts };
    case 'ack':
      return { type: 'incident.ack', incidentId: `${MONITOR_IDS[step.m]}:${step.n}`, by: 'oncall', ts };
    case 'set':
      latest.set(step.config.id, step.config);
      return { type: 'monitor.set', monitor: step.config };
    case 'remove':
      latest.set(MONITOR_IDS[step.m]!, undefined);
      return { type: 'monitor.remove', monitorId: MONITOR_IDS[step.m]! };
  }
}

/**
 * Events after which every monitor should be up: all probes healthy, nothing paused or in
 * maintenance, then `max recovery` rounds of up results from every region each monitor uses.
 */
export function fullRecovery(scenario: Scenario): EvaluatorEvent[] {
  let ts = scenario.end + 1;
  const events: EvaluatorEvent[] = PROBES.map((p) => ({ type: 'probe.health', ...p, healthy: true, ts }));
  const monitors = [...scenario.configs.values()].filter((c): c is EvaluatedMonitor => c !== undefined);
  for (const { id } of monitors) {
    events.push({ type: 'pause', monitorId: id, paused: false, ts });
    events.push({ type: 'maintenance', monitorId: id, active: false, ts });
  }
  const rounds = Math.max(0, ...monitors.map((m) => m.recovery));
  for (let i = 0; i < rounds; i++) {
    ts += 1000;
    for (const monitor of monitors) {
      for (const { probeId, region } of PROBES) {
        if (monitor.regions !== 'all' && !monitor.regions.includes(region)) continue;
        events.push({
          type: 'result',
          monitorId: monitor.id,
          region,
          probeId,
          ts,
          state: 'up',
          message: '',
          latencyMs: 5,
        });
      }
    }
  }
  return events;
}
