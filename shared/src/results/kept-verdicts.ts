import type { ConditionVerdict } from './check-result.js';

/**
 * The verdicts worth carrying with a result: all of them when a condition failed (they say which
 * and why, next to those that held), none when every condition passed. Then they only repeat the
 * monitor's conditions with "passed" sentences, about 100 bytes a condition, more than the rest of
 * the result, while state, status and latency already say what was measured. The probe sends
 * results this way and the desktop stores them this way.
 */
export function keptVerdicts(verdicts: ConditionVerdict[] | undefined): ConditionVerdict[] | undefined {
  if (verdicts === undefined) return undefined;
  for (let i = 0; i < verdicts.length; i++) if (!verdicts[i]!.pass) return verdicts;
  return undefined;
}
