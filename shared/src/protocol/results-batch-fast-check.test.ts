import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mutate, mutationsOf, RESULT_KEYS, spell } from './bent-result-arbitraries.js';
import { checkResult } from './check-result-arbitraries.js';
import { itKeepsTheSchemaContract } from './fast-check-contract.js';
import { FRAME_LIMITS, ProbeToRelay } from './messages.js';
import { MAX_RESULTS_PER_BATCH, ResultsBatchMessage } from './probe-results.js';
import { OneOffResult } from './one-off-checks.js';
import { fastResultsBatch, isPlainOneOffResult } from './results-batch-fast-check.js';

/** Most results arrive as generated, the others bent in one or two places. */
const mutations = mutationsOf(RESULT_KEYS);

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
  itKeepsTheSchemaContract({
    frame: 'results.batch',
    texts: batchText,
    schema: ResultsBatchMessage,
    fast: fastResultsBatch,
    union: ProbeToRelay,
    maxBytes: FRAME_LIMITS.probeToRelay,
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
