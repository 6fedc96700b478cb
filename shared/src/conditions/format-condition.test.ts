import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { DurationUnit } from '../units/duration.js';
import { type Condition, type ListItem, PLAIN_SUBJECTS, type Subject, type Value } from './condition.js';
import { operatorsFor, type ValueRule, valueRuleFor } from './condition-rules.js';
import { formatCondition, formatSubject, formatValue } from './format-condition.js';
import { parseCondition } from './parse-condition.js';

const name = fc.stringMatching(/^[A-Za-z_][A-Za-z0-9_$-]{0,8}$/);
const jsonSegment = fc.oneof(
  name.map((n) => `.${n}`),
  name.map((n) => `..${n}`),
  fc.integer({ min: -5, max: 50 }).map((i) => `[${i}]`),
  fc.stringMatching(/^[a-z .~-]{0,8}$/).map((n) => `['${n}']`),
  fc.constantFrom('[*]', '.*', '[0:2]', '[::2]', '[0,2]', '[?(@.price < 10)]', '[?(@.name == "a b")]'),
);
const jsonPath = fc.array(jsonSegment, { maxLength: 4 }).map((segments) => `$${segments.join('')}`);
const headerName = fc.stringMatching(/^[a-z0-9!#$%&'*+.^_`|~-]{1,20}$/);

const subject: fc.Arbitrary<Subject> = fc.oneof(
  fc.constantFrom(...PLAIN_SUBJECTS).map((kind) => ({ kind })),
  headerName.map((n) => ({ kind: 'header' as const, name: n })),
  jsonPath.map((path) => ({ kind: 'json' as const, path })),
);

const anyString = fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)) });
const finite = fc.double({ noNaN: true, noDefaultInfinity: true }).map((n) => (n === 0 ? 0 : n));
const range = fc
  .tuple(fc.maxSafeInteger(), fc.maxSafeInteger())
  .map(([a, b]) => ({ kind: 'range' as const, min: Math.min(a, b) || 0, max: Math.max(a, b) || 0 }));
const regexSource = fc.constantFrom('ok', '^up$', 'a\\/b', '[/]x', '\\d+\\s', 'café', 'a b', '"q"', '(x|y)?');
const regexFlags = fc.subarray(['i', 'm', 's', 'u']).map((flags) => flags.join(''));
const units: DurationUnit[] = ['ms', 's', 'm', 'h', 'd', 'w'];

function item(kind: ListItem['kind'], rule: ValueRule): fc.Arbitrary<ListItem> {
  switch (kind) {
    case 'number':
      return (rule.integer ? fc.integer({ min: 100, max: 599 }) : finite).map((value) => ({ kind, value }));
    case 'string':
      return anyString.map((value) => ({ kind, value }));
    case 'boolean':
      return fc.boolean().map((value) => ({ kind, value }));
    case 'null':
      return fc.constant({ kind });
    case 'range':
      return range;
  }
}

function valueFor(rule: ValueRule): fc.Arbitrary<Value> {
  return fc.oneof(
    ...rule.kinds.map((kind): fc.Arbitrary<Value> => {
      if (kind === 'duration') {
        return fc
          .record({ ms: fc.integer({ min: 0, max: 2 ** 45 }), unit: fc.constantFrom(...units) })
          .map((d) => ({ kind, ...d }));
      }
      if (kind === 'regex')
        return fc.record({ source: regexSource, flags: regexFlags }).map((r) => ({ kind, ...r }));
      if (kind === 'list') {
        const items = rule.items ?? [];
        return fc
          .array(fc.oneof(...items.map((k) => item(k, rule))), { minLength: 1, maxLength: 5 })
          .map((list) => ({ kind, items: list }));
      }
      return item(kind, rule);
    }),
  );
}

/** Every condition the parser can produce, built from the same rules the parser checks. */
const condition: fc.Arbitrary<Condition> = subject.chain((s) =>
  fc.constantFrom(...operatorsFor(s.kind)).chain((op) => {
    const rule = valueRuleFor(s.kind, op);
    return fc
      .record({
        value: rule ? valueFor(rule) : fc.constant(undefined),
        severity: fc.constantFrom('down' as const, 'degraded' as const),
      })
      .map(({ value, severity }): Condition =>
        value === undefined ? { subject: s, op, severity } : { subject: s, op, value, severity },
      );
  }),
);

describe('formatCondition', () => {
  it('parses back to the same condition for every valid condition', () => {
    fc.assert(
      fc.property(condition, (c) => {
        expect(parseCondition(formatCondition(c))).toStrictEqual({ ok: true, value: c });
      }),
      { numRuns: 3000 },
    );
  });

  it('is a fixed point after one parse, whatever spacing and spelling the text used', () => {
    fc.assert(
      fc.property(condition, fc.constantFrom(' ', '  ', '\t'), fc.boolean(), (c, gap, sayDown) => {
        const canonical = formatCondition(c);
        // Re-spell the canonical text: wider gaps, an upper-case header name, an explicit `else down`.
        const subjectText =
          c.subject.kind === 'header'
            ? `header${gap}${c.subject.name.toUpperCase()}`
            : formatSubject(c.subject);
        const valuePart = c.value === undefined ? '' : `${gap}${formatValue(c.value)}`;
        const severity = c.severity === 'degraded' ? `${gap}else${gap}degraded` : sayDown ? ' else down' : '';
        const messy = `${subjectText}${gap}${c.op}${valuePart}${severity}`;
        const parsed = parseCondition(`${gap}${messy}${gap}`);
        expect(parsed.ok && formatCondition(parsed.value)).toBe(canonical);
      }),
      { numRuns: 1000 },
    );
  });

  it.each([
    ['status   in   200..299   else   down', 'status in 200..299'],
    ['status in [ 200..299 ,304 ]', 'status in [200..299, 304]'],
    ['response_time<500 else degraded', 'response_time < 500 else degraded'],
    ['response_time < 1.50h', 'response_time < 1.5h'],
    ['cert_expires_in > 14d', 'cert_expires_in > 14d'],
    ['ttfb < 0.0005s', 'ttfb < 0.001s'],
    ['json $.n == 1e3', 'json $.n == 1000'],
    ['json $.n == -0', 'json $.n == 0'],
    ['HEADER_IS_NOT_A_SUBJECT', ''],
    ['header X-Cache exists', 'header x-cache exists'],
    ['body.$.ok == true', 'json $.ok == true'],
    [String.raw`body contains "tab\there \/ \u0041"`, String.raw`body contains "tab\there / A"`],
  ])('writes %s as %s', (text, canonical) => {
    const parsed = parseCondition(text);
    expect(parsed.ok ? formatCondition(parsed.value) : '').toBe(canonical);
  });
});
