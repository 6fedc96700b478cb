/**
 * Condition language speed: evaluations per second of a plain status condition and of a JSON
 * path condition, and parses per second. Each figure runs for about one second after a warm-up.
 */
import type { BenchRow } from '../../scripts/bench.js';
import type { Condition } from '../src/conditions/condition.js';
import { evaluateCondition } from '../src/conditions/evaluate-condition.js';
import type { Observation } from '../src/conditions/observation.js';
import { parseCondition } from '../src/conditions/parse-condition.js';

const RUN_MS = 1000;

/** Calls `op(i)` in batches for about RUN_MS and returns calls per second. */
function perSecond(op: (i: number) => unknown): number {
  let sink = 0;
  const batch = (n: number, from: number) => {
    for (let i = 0; i < n; i++) if (op(from + i)) sink++;
  };
  batch(50_000, 0);
  let calls = 0;
  const start = performance.now();
  let elapsed = 0;
  while (elapsed < RUN_MS) {
    batch(10_000, calls);
    calls += 10_000;
    elapsed = performance.now() - start;
  }
  if (sink < 0) console.log(sink);
  return (calls / elapsed) * 1000;
}

function parsed(text: string): Condition {
  const result = parseCondition(text);
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

/** Rows for `npm run bench`. */
export default async function conditionsBench(): Promise<BenchRow[]> {
  const status = parsed('status in 200..299');
  const statuses = [200, 204, 301, 200, 503, 200, 200, 404];
  const observations: Observation[] = statuses.map((s) => ({ responseTimeMs: 120, status: s }));
  const statusRate = perSecond((i) => evaluateCondition(status, observations[i & 7]!).pass);
  const handRate = perSecond((i) => {
    const s = observations[i & 7]!.status;
    return s !== undefined && s >= 200 && s <= 299;
  });

  const body = JSON.stringify({ data: { ok: true, version: '2.4.1' }, items: [{ id: 1 }, { id: 2 }] });
  const json = parsed('json $.data.ok == true');
  const sameObs: Observation = { responseTimeMs: 120, status: 200, body };
  const jsonRate = perSecond(() => evaluateCondition(json, sameObs).pass);
  const freshRate = perSecond(() => evaluateCondition(json, { responseTimeMs: 120, body }).pass);
  const wildcard = parsed('json $.items[*].id contains 2');
  const wildcardRate = perSecond(() => evaluateCondition(wildcard, sameObs).pass);

  const texts = [
    'status in [200..299, 304]',
    'response_time < 2s else degraded',
    'json $.data.ok == true',
    'header content-type contains "json"',
    'cert_expires_in > 14d',
    'body matches /ok/i',
  ];
  const parseRate = perSecond((i) => parseCondition(texts[i % texts.length]!).ok);

  return [
    {
      figure: 'evaluateCondition `status in 200..299`',
      value: statusRate,
      unit: 'evals/s',
      baseline: 'hand-written range check',
      baselineValue: handRate,
      target: '≥ 1,000,000/s',
    },
    {
      figure: 'evaluateCondition `json $.data.ok == true` (body parsed once)',
      value: jsonRate,
      unit: 'evals/s',
    },
    { figure: 'same, new observation each time (JSON.parse included)', value: freshRate, unit: 'evals/s' },
    {
      figure: 'evaluateCondition `json $.items[*].id contains 2` (jsonpath-plus)',
      value: wildcardRate,
      unit: 'evals/s',
    },
    { figure: 'parseCondition, mix of 6 condition texts', value: parseRate, unit: 'parses/s' },
  ];
}
