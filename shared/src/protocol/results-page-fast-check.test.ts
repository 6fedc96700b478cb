import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CheckResult } from '../results/check-result.js';
import { around, anyJson, mutate, mutationsOf, spell, textAround } from './bent-result-arbitraries.js';
import { checkResult } from './check-result-arbitraries.js';
import { decodeMessage } from './decode-message.js';
import { itKeepsTheSchemaContract } from './fast-check-contract.js';
import { FRAME_LIMITS, RelayToDesktop } from './messages.js';
import { LoggedResult, MAX_RESULTS_PER_PAGE, ResultsPageMessage } from './result-log.js';
import { fastResultsPage } from './results-page-fast-check.js';

const mutations = mutationsOf(Object.keys(LoggedResult.shape));

/** A logged result: a probe's result with the log's cursor, and the relay's maintenance mark now and then. */
const logged = (result: CheckResult, cursor: number, maintenance: boolean): Record<string, unknown> => ({
  ...structuredClone(result),
  cursor,
  ...(maintenance ? { maintenance: true } : {}),
});

/** Results as the relay reads them from its log: cursors increasing, with gaps (retention, other desktops' commits). */
const loggedResults = (maxLength: number) =>
  fc
    .record({
      start: fc.oneof(fc.nat(1_000_000), fc.constant(Number.MAX_SAFE_INTEGER - 100)),
      rows: fc.array(fc.tuple(checkResult, fc.integer({ min: 1, max: 3 }), fc.boolean()), { maxLength }),
    })
    .map(({ start, rows }) => {
      let cursor = start;
      const results = rows.map(([result, gap, maintenance]) => logged(result, (cursor += gap), maintenance));
      return { results, last: cursor };
    });

const requestIdEdge = fc.oneof(
  { arbitrary: fc.constantFrom('r1', 'x'.repeat(100)), weight: 3 },
  fc.constantFrom('', 'x'.repeat(101), '\ud83d', null),
  textAround(100),
  anyJson,
);

const ENVELOPES = [
  'extra key',
  'no results',
  'results not an array',
  'a full page',
  'too many',
  'repeated cursor',
  'decreasing cursor',
  'cursor below last',
  'live with backlog',
  'negative backlog',
  'fractional backlog',
  'backlog edge',
  'cursor edge',
  'live not boolean',
] as const;

/**
 * A page frame as text: logged results with a few of them bent at an edge, and now and then an
 * envelope bent or breaking one of the page's refinements.
 */
const pageText = fc
  .record({
    logged: loggedResults(3),
    bends: fc.array(mutations, { minLength: 3, maxLength: 3 }),
    requestId: fc.option(requestIdEdge, { nil: undefined, freq: 3 }),
    slack: fc.constantFrom(0, 0, 1, 50),
    live: fc.boolean(),
    backlog: fc.nat(),
    spare: checkResult,
    number: fc.oneof(around(-1, 0, 0.5, 2 ** 53), anyJson),
    envelope: fc.oneof(
      { arbitrary: fc.constant('plain'), weight: 3 * ENVELOPES.length },
      fc.constantFrom(...ENVELOPES),
    ),
  })
  .map(({ logged: { results, last }, bends, requestId, slack, live, backlog, spare, number, envelope }) => {
    results.forEach((r, i) => bends[i]!.forEach((m) => mutate(r, m)));
    const frame: Record<string, unknown> = {
      type: 'results.page',
      ...(requestId !== undefined ? { requestId } : {}),
      results,
      cursor: last + slack,
      backlog: live ? 0 : backlog,
      live,
    };
    const n = results.length;
    if (envelope === 'extra key') frame.padding = 'x';
    if (envelope === 'no results') delete frame.results;
    if (envelope === 'results not an array') frame.results = { 0: results[0] };
    if (envelope === 'a full page' || envelope === 'too many') {
      const count = MAX_RESULTS_PER_PAGE + (envelope === 'too many' ? 1 : 0);
      frame.results = Array.from({ length: count }, (_, i) => logged(spare, i + 1, false));
      frame.cursor = count;
    }
    if (envelope === 'repeated cursor' && n > 0) results[n - 1]!.cursor = n > 1 ? results[n - 2]!.cursor : 0;
    if (envelope === 'decreasing cursor' && n > 1) {
      [results[n - 1]!.cursor, results[n - 2]!.cursor] = [results[n - 2]!.cursor, results[n - 1]!.cursor];
    }
    if (envelope === 'cursor below last') frame.cursor = last - 1;
    if (envelope === 'live with backlog') Object.assign(frame, { live: true, backlog: backlog + 1 });
    if (envelope === 'negative backlog') frame.backlog = -1;
    if (envelope === 'fractional backlog') frame.backlog = 0.5;
    if (envelope === 'backlog edge') frame.backlog = number;
    if (envelope === 'cursor edge') frame.cursor = number;
    if (envelope === 'live not boolean') frame.live = number;
    return spell(JSON.stringify(frame));
  });

describe('fastResultsPage', () => {
  itKeepsTheSchemaContract({
    frame: 'results.page',
    texts: pageText,
    schema: ResultsPageMessage,
    fast: fastResultsPage,
    union: RelayToDesktop,
    maxBytes: FRAME_LIMITS.relayToDesktop,
  });

  it('settles pages as the relay sends them by hand, keeping the parsed objects', () => {
    const relayPage = fc.record({
      logged: loggedResults(20),
      requestId: fc.option(fc.constantFrom('1', 'sub-7', 'x'.repeat(100)), { nil: undefined }),
      backlog: fc.nat(),
      live: fc.boolean(),
    });
    fc.assert(
      fc.property(relayPage, ({ logged: { results, last }, requestId, backlog, live }) => {
        const sent = {
          type: 'results.page',
          requestId,
          results,
          cursor: last,
          backlog: live ? 0 : backlog,
          live,
        };
        const frame = JSON.parse(JSON.stringify(sent)) as { results: unknown[] };
        const parsed = frame.results.slice();
        const fast = fastResultsPage(frame);
        expect(fast).toStrictEqual(ResultsPageMessage.parse(JSON.parse(JSON.stringify(sent))));
        // The same objects: no result went through the schema's copying parse.
        fast!.results.forEach((result, i) => expect(result).toBe(parsed[i]));
      }),
      { numRuns: 500 },
    );
  });

  it('settles the empty first page answering a subscribe by hand', () => {
    const frame = {
      type: 'results.page',
      requestId: 'sub-1',
      results: [],
      cursor: 0,
      backlog: 0,
      live: true,
    };
    expect(fastResultsPage({ ...frame })).toStrictEqual(frame);
  });

  it.each([
    ['a result with a key the schema strips', { results: [{ ...sampleResult(), extra: 1 }] }, 'result'],
    ['a result without attempts', { results: [{ ...sampleResult(), attempts: undefined }] }, 'result'],
    ['a request id of 100 emoji (200 UTF-16 units)', { requestId: '😀'.repeat(100) }, 'page'],
    ['an envelope key the schema strips', { padding: 'x' }, 'page'],
  ])('accepts a page with %s through the schema, with the schema’s output', (_name, change, parsedBy) => {
    const frame = JSON.parse(JSON.stringify({ ...samplePage(), ...change })) as Record<string, unknown>;
    const expected = ResultsPageMessage.parse(structuredClone(frame));
    // An odd result goes through LoggedResult alone; an odd envelope leaves the whole page to the schema.
    expect(fastResultsPage(structuredClone(frame))).toStrictEqual(
      parsedBy === 'result' ? expected : undefined,
    );
    const decoded = decodeMessage(RelayToDesktop, JSON.stringify(frame), {
      maxBytes: FRAME_LIMITS.relayToDesktop,
      fastPath: fastResultsPage,
    });
    expect(decoded).toStrictEqual({ ok: true, value: expected });
  });

  it.each([
    ['live while a backlog remains', { live: true, backlog: 3 }, 'live'],
    ['a cursor below its last result’s', { cursor: 41 }, 'cursor'],
    [
      'results out of log order',
      { results: [sampleResult(42), sampleResult(42)], cursor: 42 },
      'results.1.cursor',
    ],
    ['a result at cursor 0', { results: [sampleResult(0)] }, 'results.0.cursor'],
    ['an empty request id', { requestId: '' }, 'requestId'],
    ['a fractional backlog', { backlog: 0.5, live: false }, 'backlog'],
  ])('leaves a page with %s to the schema, which refuses it by path', (_name, change, path) => {
    const frame = JSON.parse(JSON.stringify({ ...samplePage(), ...change })) as Record<string, unknown>;
    expect(fastResultsPage(structuredClone(frame))).toBeUndefined();
    const decoded = decodeMessage(RelayToDesktop, JSON.stringify(frame), {
      maxBytes: FRAME_LIMITS.relayToDesktop,
      fastPath: fastResultsPage,
    });
    expect(decoded.ok).toBe(false);
    if (!decoded.ok) expect(decoded.error.details?.map((d) => d.path)).toContain(path);
  });
});

function samplePage(): Record<string, unknown> {
  return { type: 'results.page', results: [sampleResult(42)], cursor: 42, backlog: 0, live: true };
}

function sampleResult(cursor = 42): Record<string, unknown> {
  return {
    probeId: 'fra-1',
    seq: 7,
    monitorId: 'api',
    region: 'eu-west',
    ts: 1_700_000_000_000,
    state: 'down',
    latencyMs: 81.5,
    message: 'status 503',
    statusCode: 503,
    attempts: 2,
    probeHealthy: true,
    revision: 12,
    maintenance: true,
    cursor,
  };
}
