import { CheckResult } from '../results/check-result.js';
import { isPlainResult } from './plain-result-check.js';
import { MAX_RESULTS_PER_BATCH, type ResultsBatchMessage } from './probe-results.js';

/**
 * The `results.batch` schema, checked by hand for the frame the relay receives most: a result
 * costs a few property reads here instead of a full zod parse. It never decides a rejection.
 * `undefined` means "let the schema decide" (and explain), so together with that fallback it
 * accepts exactly what `ResultsBatchMessage` accepts, with an equal output. A result it cannot
 * settle by hand (unknown keys to strip, defaults to fill, strings long in UTF-16 units but
 * perhaps not in code points) goes through `CheckResult` alone. Expects a value from
 * `JSON.parse`: plain objects and arrays with own properties only.
 */
export function fastResultsBatch(frame: Record<string, unknown>): ResultsBatchMessage | undefined {
  if (frame.type !== 'results.batch') return undefined;
  const results = frame.results;
  if (!Array.isArray(results) || results.length < 1 || results.length > MAX_RESULTS_PER_BATCH) {
    return undefined;
  }
  // A plain loop without closures: this runs for every result the relay ingests.
  for (let i = 0; i < results.length; i++) {
    if (isPlainResult(results[i], 'checked')) continue;
    const parsed = CheckResult.safeParse(results[i]);
    if (!parsed.success) return undefined;
    results[i] = parsed.data;
  }
  return { type: 'results.batch', results: results as ResultsBatchMessage['results'] };
}

/**
 * Whether a result a probe just built (no `seq` yet) is a valid `OneOffResult` with nothing to
 * strip or fill in, so the schema would return it unchanged: the probe's guard before its spool,
 * at a few property reads instead of a zod parse per check. False means "ask the schema".
 */
export function isPlainOneOffResult(r: unknown): boolean {
  return isPlainResult(r, 'one-off');
}
