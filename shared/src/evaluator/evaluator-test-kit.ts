import type { CheckState } from '../results/check-result.js';
import type { EvaluatedMonitor } from './evaluated-monitor.js';
import type { EvaluatorEvent } from './evaluator-events.js';
import type { EvaluatorOutput } from './evaluator-outputs.js';

// Builders shared by the evaluator's tests; nothing in the product imports this file.

/** A monitor with the schema's defaults (60 s interval, confirmation 2, recovery 2, majority). */
export function monitorConfig(id: string, over: Partial<EvaluatedMonitor> = {}): EvaluatedMonitor {
  return {
    id,
    interval: 60,
    confirmation: 2,
    recovery: 2,
    quorum: 'majority',
    paused: false,
    regions: 'all',
    ...over,
  };
}

/** A `monitor.set` event. */
export function setMonitor(id: string, over: Partial<EvaluatedMonitor> = {}): EvaluatorEvent {
  return { type: 'monitor.set', monitor: monitorConfig(id, over) };
}

/** A result event from `probe-<region>` unless another probe is named; down results get a message naming region and time. */
export function result(
  monitorId: string,
  region: string,
  state: CheckState,
  ts: number,
  probeId = `probe-${region}`,
): EvaluatorEvent {
  const message = state === 'down' ? `timeout in ${region} at ${ts}` : state === 'degraded' ? 'slow' : '';
  return { type: 'result', monitorId, region, probeId, ts, state, message, latencyMs: 100 };
}

/** One result per region, all at `ts`. */
export function round(monitorId: string, states: Record<string, CheckState>, ts: number): EvaluatorEvent[] {
  return Object.entries(states).map(([region, state]) => result(monitorId, region, state, ts));
}

/** A `tick` event. */
export function tick(ts: number): EvaluatorEvent {
  return { type: 'tick', ts };
}

/** The outputs of one type, narrowed. */
export function outputsOf<T extends EvaluatorOutput['type']>(
  outputs: readonly EvaluatorOutput[],
  type: T,
): Array<Extract<EvaluatorOutput, { type: T }>> {
  return outputs.filter((o): o is Extract<EvaluatorOutput, { type: T }> => o.type === type);
}
