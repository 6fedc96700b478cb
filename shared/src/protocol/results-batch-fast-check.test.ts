import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CheckResult } from '../results/check-result.js';
import { checkResult } from './check-result-arbitraries.js';
import { decodeMessage } from './decode-message.js';
import { FRAME_LIMITS, ProbeToRelay } from './messages.js';
import { MAX_RESULTS_PER_BATCH, ResultsBatchMessage } from './probe-results.js';
import { OneOffResult } from './one-off-checks.js';
import { fastResultsBatch, isPlainOneOffResult } from './results-batch-fast-check.js';

const RESULT_KEYS = Object.keys(CheckResult.shape);
const PHASE_KEYS = ['dnsMs', 'connectMs', 'tlsMs', 'ttfbMs', 'transferMs'];
const VERDICT_KEYS = ['condition', 'pass', 'severity', 'message'];

// Numbers JSON can spell but JSON.stringify cannot write: put in as markers, swapped in the text.
const SPELLED = ['-0', '1e400', '-1e400', '9007199254740992', '-9007199254740992', '1e-7'];
const spelled = fc.constantFrom(...SPELLED).map((n) => `@num:${n}@`);
const spell = (json: string) => json.replace(/"@num:([^@]+)@"/g, '$1');

/**
 * Strings of about `limit` code points, some long in UTF-16 units: the schema counts code points,
 * so an emoji-heavy string may be long in units and still valid.
 */
const textAround = (...limits: number[]) =>
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
/** Numbers at a field's bounds, with the generic edges now and then. */
const around = (...values: number[]) =>
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
const anyJson: fc.Arbitrary<unknown> = fc.oneof(
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

type Mutation =
  | { at: 'result' | 'phases' | 'verdict'; key: string; value: unknown }
  | { at: 'result'; key: string; remove: true };

const bend = (at: 'result' | 'phases' | 'verdict', keys: string[]): fc.Arbitrary<Mutation> =>
  fc
    .constantFrom(...keys)
    .chain((key) =>
      edgeOf(at === 'phases' && key !== 'extra' ? 'latencyMs' : key).map((value) => ({ at, key, value })),
    );

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  { arbitrary: bend('result', [...RESULT_KEYS, 'extra', '__proto__']), weight: 6 },
  fc.record({
    at: fc.constant('result' as const),
    key: fc.constantFrom(...RESULT_KEYS),
    remove: fc.constant(true as const),
  }),
  bend('phases', [...PHASE_KEYS, 'extra']),
  bend('verdict', [...VERDICT_KEYS, 'extra']),
);

/** Most results arrive as generated, the others bent in one or two places. */
const mutations = fc.oneof(
  { arbitrary: fc.constant([]), weight: 2 },
  { arbitrary: fc.array(mutation, { minLength: 1, maxLength: 2 }), weight: 3 },
);

/** Sets a key as JSON.parse would, as an own property even for `__proto__`. */
function put(target: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

function mutate(result: Record<string, unknown>, m: Mutation): void {
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

/** A batch frame as text: valid results with a few of them bent at an edge, and now and then a bent envelope. */
const batchText = fc
  .record({
    results: fc.array(
      fc.tuple(checkResult, mutations).map(([result, bends]) => {
        const r = structuredClone(result) as Record<string, unknown>;
        for (const m of bends) mutate(r, m);
        return r;
      }),
      { minLength: 1, maxLength: 3 },
    ),
    envelope: fc.oneof(
      { arbitrary: fc.constant('plain'), weight: 20 },
      fc.constantFrom('extra key', 'no results', 'empty', 'too many', 'results not an array'),
    ),
  })
  .map(({ results, envelope }) => {
    const frame: Record<string, unknown> = { type: 'results.batch', results };
    if (envelope === 'extra key') frame.padding = 'x';
    if (envelope === 'no results') delete frame.results;
    if (envelope === 'empty') frame.results = [];
    if (envelope === 'too many') {
      frame.results = Array.from(
        { length: MAX_RESULTS_PER_BATCH + 1 },
        (_, i) => results[i % results.length],
      );
    }
    if (envelope === 'results not an array') frame.results = { 0: results[0] };
    return spell(JSON.stringify(frame));
  });

describe('fastResultsBatch', () => {
  it('accepts only what the results.batch schema accepts, returning what the schema returns', () => {
    let accepted = 0;
    fc.assert(
      fc.property(batchText, (text) => {
        const expected = ResultsBatchMessage.safeParse(JSON.parse(text));
        const fast = fastResultsBatch(JSON.parse(text) as Record<string, unknown>);
        if (fast === undefined) return;
        accepted++;
        expect(expected.success).toBe(true);
        expect(fast).toStrictEqual(expected.data);
      }),
      { numRuns: 2500 },
    );
    // The generator must exercise acceptance too, or the property says nothing.
    expect(accepted).toBeGreaterThan(300);
  });

  it('gives decodeMessage the same answer with or without it, errors included', () => {
    const options = { maxBytes: FRAME_LIMITS.probeToRelay };
    fc.assert(
      fc.property(batchText, (text) => {
        const withFastPath = decodeMessage(ProbeToRelay, text, { ...options, fastPath: fastResultsBatch });
        expect(withFastPath).toStrictEqual(decodeMessage(ProbeToRelay, text, options));
      }),
      { numRuns: 1000 },
    );
  });

  it('settles results as probes send them by hand, keeping the parsed objects', () => {
    fc.assert(
      fc.property(fc.array(checkResult, { minLength: 1, maxLength: 20 }), (results) => {
        const frame = JSON.parse(JSON.stringify({ type: 'results.batch', results })) as {
          results: unknown[];
        };
        const parsed = frame.results.slice();
        const fast = fastResultsBatch(frame);
        expect(fast).toBeDefined();
        // The same objects: no result went through the schema's copying parse.
        fast!.results.forEach((result, i) => expect(result).toBe(parsed[i]));
      }),
      { numRuns: 500 },
    );
  });

  it.each([
    ['a result with a key the schema strips', { extra: 1 }, { strippedKey: 'extra' }],
    ['a result without attempts', { attempts: undefined }, { attempts: 1 }],
    ['a message of 2,000 emoji (4,000 UTF-16 units)', { message: '😀'.repeat(2000) }, {}],
  ])('accepts %s through the schema, with the schema’s output', (_name, change, expectation) => {
    const result: Record<string, unknown> = { ...sampleResult(), ...change };
    const frame = JSON.parse(JSON.stringify({ type: 'results.batch', results: [result] })) as {
      results: unknown[];
    };
    const fast = fastResultsBatch(frame);
    expect(fast).toStrictEqual(ResultsBatchMessage.parse(frame));
    if ('strippedKey' in expectation) expect(fast!.results[0]).not.toHaveProperty(expectation.strippedKey);
    if ('attempts' in expectation) expect(fast!.results[0]!.attempts).toBe(expectation.attempts);
  });

  it.each([
    ['a latency of 1e400 (Infinity after JSON.parse)', '"latencyMs":1e400'],
    ['a seq of -0', '"seq":-0'],
    ['a seq past the safe integers', '"seq":9007199254740992'],
    ['a state of "UP"', '"state":"UP"'],
    ['a probe id with a space', '"probeId":"fra 1"'],
  ])('leaves %s to the schema, which refuses it', (_name, field) => {
    const key = field.slice(1, field.indexOf('"', 1));
    const json = JSON.stringify({ type: 'results.batch', results: [sampleResult()] }).replace(
      new RegExp(`"${key}":("[^"]*"|[^,}]*)`),
      field,
    );
    const frame = JSON.parse(json) as Record<string, unknown>;
    expect(fastResultsBatch(frame)).toBeUndefined();
    expect(ResultsBatchMessage.safeParse(JSON.parse(json)).success).toBe(false);
  });
});

function sampleResult(): Record<string, unknown> {
  return {
    probeId: 'fra-1',
    seq: 7,
    monitorId: 'api',
    region: 'eu-west',
    ts: 1_700_000_000_000,
    state: 'up',
    latencyMs: 81.5,
    phases: { dnsMs: 1, connectMs: 2, ttfbMs: 4 },
    message: '',
    statusCode: 200,
    attempts: 2,
    probeHealthy: true,
    verdicts: [{ condition: 'status == 200', pass: true, severity: 'down', message: '' }],
    revision: 12,
  };
}

describe('isPlainOneOffResult', () => {
  /** A result as a probe builds it before its spool numbers it: no seq, bent like the batch results. */
  const oneOff = fc.tuple(checkResult, mutations).map(([result, bends]) => {
    const { seq: _seq, ...r } = structuredClone(result) as Record<string, unknown>;
    for (const m of bends) mutate(r, m);
    return JSON.parse(spell(JSON.stringify(r))) as Record<string, unknown>;
  });

  it('says yes only to what OneOffResult accepts unchanged, and to most results as checks build them', () => {
    let accepted = 0;
    fc.assert(
      fc.property(oneOff, (r) => {
        if (!isPlainOneOffResult(r)) return;
        accepted++;
        const parsed = OneOffResult.safeParse(r);
        expect(parsed.success).toBe(true);
        expect(parsed.data).toStrictEqual(r);
      }),
      { numRuns: 2500 },
    );
    expect(accepted).toBeGreaterThan(300);
  });

  it('sends a numbered result to the schema', () => {
    fc.assert(
      fc.property(checkResult, (result) => {
        expect(isPlainOneOffResult(JSON.parse(JSON.stringify(result)))).toBe(false);
      }),
      { numRuns: 200 },
    );
  });
});
