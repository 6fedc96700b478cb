import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CheckState } from '../results/check-result.js';
import { fullRecovery, MONITOR_IDS, scenarioArb } from './evaluator-arbitraries.js';
import type { EvaluatorEvent } from './evaluator-events.js';
import { EvaluatorOutput } from './evaluator-outputs.js';
import { EvaluatorSnapshot } from './evaluator-snapshot.js';
import { outputsOf, result } from './evaluator-test-kit.js';
import type { MonitorStatus } from './status.js';
import { Evaluator } from './status-evaluator.js';

const runs = { numRuns: 100 };

function oneByOne(events: readonly EvaluatorEvent[]): { evaluator: Evaluator; outputs: EvaluatorOutput[] } {
  const evaluator = new Evaluator();
  const outputs = events.flatMap((e) => [...evaluator.apply(e)]);
  return { evaluator, outputs };
}

describe('status evaluator properties', () => {
  it('gives the same outputs however the events are batched, and across a snapshot and restore', () => {
    fc.assert(
      fc.property(scenarioArb(true), fc.nat(), fc.nat(), ({ events }, splitSeed, chunkSeed) => {
        const { evaluator, outputs } = oneByOne(events);
        expect(new Evaluator().applyAll(events)).toEqual(outputs);

        const chunked = new Evaluator();
        const chunkSize = 1 + (chunkSeed % 17);
        const inChunks: EvaluatorOutput[] = [];
        for (let i = 0; i < events.length; i += chunkSize)
          inChunks.push(...chunked.applyAll(events.slice(i, i + chunkSize)));
        expect(inChunks).toEqual(outputs);

        const split = splitSeed % (events.length + 1);
        const first = new Evaluator();
        const before = first.applyAll(events.slice(0, split));
        const stored = JSON.parse(JSON.stringify(first.snapshot()));
        const restored = Evaluator.restore(EvaluatorSnapshot.parse(stored));
        const after = restored.applyAll(events.slice(split));
        expect([...before, ...after]).toEqual(outputs);
        expect(restored.snapshot()).toEqual(evaluator.snapshot());
      }),
      runs,
    );
  });

  it('opens incidents only on down, keeps them only while down, unknown or dependency_down, and reports every change once', () => {
    fc.assert(
      fc.property(scenarioArb(true), ({ events }) => {
        const evaluator = new Evaluator();
        const known = new Map<string, MonitorStatus>();
        const opened = new Set<string>();
        for (const event of events) {
          for (const output of evaluator.apply(event)) {
            expect(EvaluatorOutput.safeParse(output).success).toBe(true);
            if (output.type === 'monitor.changed') {
              expect(output.from).toBe(known.get(output.monitorId));
              known.set(output.monitorId, output.to);
            }
            if (output.type === 'incident.opened') {
              expect(opened.has(output.incident.id)).toBe(false);
              opened.add(output.incident.id);
            }
          }
          for (const id of MONITOR_IDS) {
            const status = evaluator.monitorState(id);
            if (status === undefined) {
              known.delete(id);
              continue;
            }
            if (!known.has(id)) known.set(id, status);
            expect(known.get(id)).toBe(status);
            const incident = evaluator.openIncident(id);
            if (status === 'down') expect(incident).toBeDefined();
            if (incident !== undefined) expect(['down', 'unknown', 'dependency_down']).toContain(status);
          }
        }
      }),
      runs,
    );
  });

  it('resolves every incident after a full recovery', () => {
    fc.assert(
      fc.property(scenarioArb(true), (scenario) => {
        const evaluator = new Evaluator();
        const outputs = evaluator.applyAll([...scenario.events, ...fullRecovery(scenario)]);
        const opened = outputsOf(outputs, 'incident.opened').map((o) => o.incident.id);
        const resolved = outputsOf(outputs, 'incident.resolved').map((o) => o.incident.id);
        expect(resolved.sort()).toEqual(opened.sort());
        expect(evaluator.openIncidents()).toEqual([]);
        for (const id of evaluator.monitorIds()) expect(evaluator.monitorState(id)).toBe('up');
      }),
      runs,
    );
  });

  it('never opens an incident when one region of three reporting regions fails under majority quorum', () => {
    const nonDown = fc.constantFrom<CheckState>('up', 'degraded');
    const rounds = fc.array(
      fc.tuple(
        fc.constantFrom<CheckState>('up', 'degraded', 'down'),
        nonDown,
        nonDown,
        fc.integer({ min: 1, max: 60_000 }),
      ),
      { maxLength: 60 },
    );
    const config = fc.record({
      confirmation: fc.integer({ min: 1, max: 4 }),
      recovery: fc.integer({ min: 1, max: 4 }),
    });
    fc.assert(
      fc.property(config, rounds, ({ confirmation, recovery }, list) => {
        const evaluator = new Evaluator();
        const monitor = {
          id: 'm',
          interval: 60,
          confirmation,
          recovery,
          quorum: 'majority' as const,
          paused: false,
          regions: 'all' as const,
        };
        evaluator.apply({ type: 'monitor.set', monitor });
        // All three have reported once: until then a lone early region is the whole fresh set.
        evaluator.applyAll([result('m', 'a', 'up', 0), result('m', 'b', 'up', 0), result('m', 'c', 'up', 0)]);
        let ts = 0;
        for (const [a, b, c, dt] of list) {
          ts += dt;
          const outputs = evaluator.applyAll([
            result('m', 'a', a, ts),
            result('m', 'b', b, ts),
            result('m', 'c', c, ts),
          ]);
          expect(outputsOf(outputs, 'incident.opened')).toEqual([]);
          expect(evaluator.monitorState('m')).not.toBe('down');
        }
      }),
      runs,
    );
  });
});
