import type { CheckState, ConditionVerdict } from '../results/check-result.js';
import type { Condition } from './condition.js';
import { compileCondition } from './evaluate-condition.js';
import type { Observation } from './observation.js';

/** The state a set of conditions gives one check, the sentence that explains it, and every verdict. */
export interface ConditionsOutcome {
  state: CheckState;
  /** The first failed down condition's sentence, else the first failed degraded one's, else empty. */
  message: string;
  verdicts: ConditionVerdict[];
}

// ConditionVerdict caps both texts at 2000 characters; a longer verdict would be rejected at the wire.
const TEXT_MAX = 2000;

/**
 * Judges one check by all its conditions: down if any down-severity condition failed, degraded
 * if only degraded ones failed, else up. Verdicts keep the conditions' order.
 */
export function evaluateConditions(conditions: readonly Condition[], obs: Observation): ConditionsOutcome {
  const verdicts: ConditionVerdict[] = [];
  let firstDown: string | undefined;
  let firstDegraded: string | undefined;
  for (const condition of conditions) {
    const compiled = compileCondition(condition);
    const { pass, message } = compiled.evaluate(obs);
    if (!pass && compiled.severity === 'down') firstDown ??= message;
    if (!pass && compiled.severity === 'degraded') firstDegraded ??= message;
    verdicts.push({
      condition: cap(compiled.text),
      pass,
      severity: compiled.severity,
      message: cap(message),
    });
  }
  const state = firstDown !== undefined ? 'down' : firstDegraded !== undefined ? 'degraded' : 'up';
  return { state, message: cap(firstDown ?? firstDegraded ?? ''), verdicts };
}

function cap(text: string): string {
  return text.length > TEXT_MAX ? `${text.slice(0, TEXT_MAX - 1)}…` : text;
}
