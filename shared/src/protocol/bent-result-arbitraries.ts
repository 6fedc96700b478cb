import fc from 'fast-check';
import { CheckResult } from '../results/check-result.js';

// Results bent at the edges of their schema, for the property tests of the hand-written fast
// checks (results-batch-, results-page-); nothing in the product imports this file.

/** CheckResult's keys, the ones a bend may set or remove. */
export const RESULT_KEYS = Object.keys(CheckResult.shape);
const PHASE_KEYS = ['dnsMs', 'connectMs', 'tlsMs', 'ttfbMs', 'transferMs'];
const VERDICT_KEYS = ['condition', 'pass', 'severity', 'message'];

// Numbers JSON can spell but JSON.stringify cannot write: put in as markers, swapped in the text.
const SPELLED = ['-0', '1e400', '-1e400', '9007199254740992', '-9007199254740992', '1e-7'];
const spelled = fc.constantFrom(...SPELLED).map((n) => `@num:${n}@`);
/** Writes the numbers JSON.stringify cannot (-0, 1e400, ...) into a frame's text, at their markers. */
export const spell = (json: string) => json.replace(/"@num:([^@]+)@"/g, '$1');

/**
 * Strings of about `limit` code points, some long in UTF-16 units: the schema counts code points,
 * so an emoji-heavy string may be long in units and still valid.
 */
export const textAround = (...limits: number[]) =>
  fc
    .record({
      codePoints: fc.constantFrom(...limits.flatMap((n) => [n - 1, n, n + 1]).filter((n) => n >= 0)),
      filler: fc.constantFrom('a', '😀', 'é"\n', 'a😀', '\ud83d'),
      tail: fc.constantFrom('', '', 'a', '😀', '\ud83d'),
    })
    .map(
      ({ codePoints, filler, tail }) => [...filler.repeat(codePoints)].slice(0, codePoints).join('') + tail,
    );
const numberEdge = fc.oneof(fc.constantFrom(0, 1, -1, 0.5, 2 ** 53 - 1, 1e21), spelled, fc.double());
/** Numbers at a field's bounds, with the generic edges (spelled ones included) now and then. */
export const around = (...values: number[]) =>
  fc.oneof({ arbitrary: fc.constantFrom(...values), weight: 3 }, { arbitrary: numberEdge, weight: 1 });
const idEdge = fc.constantFrom(
  'eu-west',
  'fra-1',
  'Fra_1.b',
  '-x',
  'EU',
  'a'.repeat(40),
  'b'.repeat(64),
  'c'.repeat(65),
  '',
);
const verdict = { condition: 'status == 200', pass: false, severity: 'degraded', message: 'was 503' };

/** Anything at all of a JSON kind, for a field of another kind. */
export const anyJson: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(null, true, false, '', 'up', [], {}),
  numberEdge,
  textAround(1),
);

/** Values on or just past the edges of one field's rules. */
const EDGES: Record<string, fc.Arbitrary<unknown>> = {
  probeId: fc.oneof(idEdge, textAround(64)),
  region: fc.oneof(idEdge, textAround(40)),
  monitorId: textAround(1, 64),
  seq: around(0, 1, 1.5),
  cursor: around(0, 1, 1.5),
  ts: around(-1, 0, 1.5),
  latencyMs: around(-1e-9, 0, 0.25),
  state: fc.constantFrom('up', 'degraded', 'down', 'UP', 'constructor', 'toString'),
  message: textAround(0, 2000),
  statusCode: around(99, 100, 999, 1000, 200.5),
  attempts: around(0, 1, 10, 11, 1.5),
  probeHealthy: fc.constantFrom(true, false, 0, 'true'),
  certExpiresAt: around(-1, 0, 0.5),
  certIssuer: textAround(500),
  revision: around(-1, 0, 0.5),
  maintenance: fc.constantFrom(true, false, 1, 'true', null),
  phases: fc.constantFrom({}, { dnsMs: 1, extra: 2 }, [], null),
  verdicts: fc.constantFrom(0, 1, 100, 101).map((n) => Array.from({ length: n }, () => ({ ...verdict }))),
  condition: textAround(2000),
  pass: fc.constantFrom(true, 'false', 0),
  severity: fc.constantFrom('down', 'degraded', 'up'),
};
const edgeOf = (key: string) =>
  fc.oneof(
    { arbitrary: Object.hasOwn(EDGES, key) ? EDGES[key]! : anyJson, weight: 3 },
    { arbitrary: anyJson, weight: 1 },
  );

/** One change to a result: a key of it, its phases or its first verdict set to an edge value, or a key removed. */
export type Mutation =
  | { at: 'result' | 'phases' | 'verdict'; key: string; value: unknown }
  | { at: 'result'; key: string; remove: true };

const bend = (at: 'result' | 'phases' | 'verdict', keys: string[]): fc.Arbitrary<Mutation> =>
  fc
    .constantFrom(...keys)
    .chain((key) =>
      edgeOf(at === 'phases' && key !== 'extra' ? 'latencyMs' : key).map((value) => ({ at, key, value })),
    );

/**
 * The bends for one result whose own keys are `resultKeys`: none for most results, one or two for
 * the others (an unknown key and `__proto__` included).
 */
export const mutationsOf = (resultKeys: readonly string[]): fc.Arbitrary<Mutation[]> => {
  const mutation: fc.Arbitrary<Mutation> = fc.oneof(
    { arbitrary: bend('result', [...resultKeys, 'extra', '__proto__']), weight: 6 },
    fc.record({
      at: fc.constant('result' as const),
      key: fc.constantFrom(...resultKeys),
      remove: fc.constant(true as const),
    }),
    bend('phases', [...PHASE_KEYS, 'extra']),
    bend('verdict', [...VERDICT_KEYS, 'extra']),
  );
  return fc.oneof(
    { arbitrary: fc.constant<Mutation[]>([]), weight: 2 },
    { arbitrary: fc.array(mutation, { minLength: 1, maxLength: 2 }), weight: 3 },
  );
};

/** Sets a key as JSON.parse would, as an own property even for `__proto__`. */
function put(target: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

/** Applies one bend to a result in place. */
export function mutate(result: Record<string, unknown>, m: Mutation): void {
  if ('remove' in m) {
    delete result[m.key];
    return;
  }
  if (m.at === 'result') put(result, m.key, m.value);
  else if (m.at === 'phases') {
    const phases = (result.phases ??= {}) as Record<string, unknown>;
    if (typeof phases === 'object' && phases !== null) put(phases, m.key, m.value);
  } else {
    const verdicts = (result.verdicts ??= []) as unknown[];
    if (!Array.isArray(verdicts)) return;
    if (verdicts.length === 0) verdicts.push({ ...verdict });
    const first = verdicts[0];
    if (typeof first === 'object' && first !== null) put(first as Record<string, unknown>, m.key, m.value);
  }
}
