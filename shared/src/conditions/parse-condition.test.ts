import { describe, expect, it } from 'vitest';
import type { Condition } from './condition.js';
import { parseCondition } from './parse-condition.js';

const status = { kind: 'status' } as const;

describe('parseCondition accepts every documented form', () => {
  const valid: Array<[string, Condition]> = [
    ['status == 200', { subject: status, op: '==', value: { kind: 'number', value: 200 }, severity: 'down' }],
    [
      'status in 200..299',
      { subject: status, op: 'in', value: { kind: 'range', min: 200, max: 299 }, severity: 'down' },
    ],
    [
      'status in [200..299, 304]',
      {
        subject: status,
        op: 'in',
        value: {
          kind: 'list',
          items: [
            { kind: 'range', min: 200, max: 299 },
            { kind: 'number', value: 304 },
          ],
        },
        severity: 'down',
      },
    ],
    [
      'status not in [500..599]',
      {
        subject: status,
        op: 'not in',
        value: { kind: 'list', items: [{ kind: 'range', min: 500, max: 599 }] },
        severity: 'down',
      },
    ],
    ['status!=404', { subject: status, op: '!=', value: { kind: 'number', value: 404 }, severity: 'down' }],
    ['  status   exists  ', { subject: status, op: 'exists', severity: 'down' }],
    ['status not exists', { subject: status, op: 'not exists', severity: 'down' }],
    [
      'response_time < 500',
      {
        subject: { kind: 'response_time' },
        op: '<',
        value: { kind: 'number', value: 500 },
        severity: 'down',
      },
    ],
    [
      'response_time <= 2s else degraded',
      {
        subject: { kind: 'response_time' },
        op: '<=',
        value: { kind: 'duration', ms: 2000, unit: 's' },
        severity: 'degraded',
      },
    ],
    [
      'response_time < 1.5h',
      {
        subject: { kind: 'response_time' },
        op: '<',
        value: { kind: 'duration', ms: 5_400_000, unit: 'h' },
        severity: 'down',
      },
    ],
    [
      'ttfb < 200ms else down',
      {
        subject: { kind: 'ttfb' },
        op: '<',
        value: { kind: 'duration', ms: 200, unit: 'ms' },
        severity: 'down',
      },
    ],
    [
      'cert_expires_in > 14d',
      {
        subject: { kind: 'cert_expires_in' },
        op: '>',
        value: { kind: 'duration', ms: 14 * 86_400_000, unit: 'd' },
        severity: 'down',
      },
    ],
    [
      'body contains "ok"',
      { subject: { kind: 'body' }, op: 'contains', value: { kind: 'string', value: 'ok' }, severity: 'down' },
    ],
    [
      String.raw`body not contains "say \"hi\" \\ \n\u00e9"`,
      {
        subject: { kind: 'body' },
        op: 'not contains',
        value: { kind: 'string', value: 'say "hi" \\ \né' },
        severity: 'down',
      },
    ],
    [
      'body matches /^up$/im',
      {
        subject: { kind: 'body' },
        op: 'matches',
        value: { kind: 'regex', source: '^up$', flags: 'im' },
        severity: 'down',
      },
    ],
    [
      'body not matches /a\\/b[/]c/',
      {
        subject: { kind: 'body' },
        op: 'not matches',
        value: { kind: 'regex', source: 'a\\/b[/]c', flags: '' },
        severity: 'down',
      },
    ],
    [
      'header Content-Type contains "json"',
      {
        subject: { kind: 'header', name: 'content-type' },
        op: 'contains',
        value: { kind: 'string', value: 'json' },
        severity: 'down',
      },
    ],
    [
      'header x-cache not exists',
      { subject: { kind: 'header', name: 'x-cache' }, op: 'not exists', severity: 'down' },
    ],
    [
      'header x-mode in ["a", "b"]',
      {
        subject: { kind: 'header', name: 'x-mode' },
        op: 'in',
        value: {
          kind: 'list',
          items: [
            { kind: 'string', value: 'a' },
            { kind: 'string', value: 'b' },
          ],
        },
        severity: 'down',
      },
    ],
    [
      'json $.data.ok == true',
      {
        subject: { kind: 'json', path: '$.data.ok' },
        op: '==',
        value: { kind: 'boolean', value: true },
        severity: 'down',
      },
    ],
    [
      'body.$.data.ok == true',
      {
        subject: { kind: 'json', path: '$.data.ok' },
        op: '==',
        value: { kind: 'boolean', value: true },
        severity: 'down',
      },
    ],
    [
      'json $.error == null',
      { subject: { kind: 'json', path: '$.error' }, op: '==', value: { kind: 'null' }, severity: 'down' },
    ],
    [
      'json $.temp >= -4.5e1',
      {
        subject: { kind: 'json', path: '$.temp' },
        op: '>=',
        value: { kind: 'number', value: -45 },
        severity: 'down',
      },
    ],
    [
      'json $.items[?(@.price < 10 && @.name == "a b")].id exists else degraded',
      {
        subject: { kind: 'json', path: '$.items[?(@.price < 10 && @.name == "a b")].id' },
        op: 'exists',
        severity: 'degraded',
      },
    ],
    [
      'json $[\'we.ird key\'][0] in [1..3, "x", false, null]',
      {
        subject: { kind: 'json', path: "$['we.ird key'][0]" },
        op: 'in',
        value: {
          kind: 'list',
          items: [
            { kind: 'range', min: 1, max: 3 },
            { kind: 'string', value: 'x' },
            { kind: 'boolean', value: false },
            { kind: 'null' },
          ],
        },
        severity: 'down',
      },
    ],
    [
      'json $..id contains 3',
      {
        subject: { kind: 'json', path: '$..id' },
        op: 'contains',
        value: { kind: 'number', value: 3 },
        severity: 'down',
      },
    ],
    [
      'dns.answers contains "10.0.0.1"',
      {
        subject: { kind: 'dns.answers' },
        op: 'contains',
        value: { kind: 'string', value: '10.0.0.1' },
        severity: 'down',
      },
    ],
    [
      'connected == false',
      {
        subject: { kind: 'connected' },
        op: '==',
        value: { kind: 'boolean', value: false },
        severity: 'down',
      },
    ],
  ];

  it.each(valid)('%s', (text, condition) => {
    expect(parseCondition(text)).toStrictEqual({ ok: true, value: condition });
  });
});

describe('parseCondition rejects bad text at the right position', () => {
  const invalid: Array<[string, number, string]> = [
    [
      '',
      0,
      'at 0: expected a subject (status, response_time, ttfb, body, header <name>, json <path>, cert_expires_in, dns.answers, connected) but found the end of the condition',
    ],
    ['latency < 5', 0, 'at 0: expected a subject'],
    [
      'status foo',
      7,
      'at 7: expected an operator (==, !=, <, <=, >, >=, in, not in, contains, not contains, matches, not matches, exists, not exists) but found "foo"',
    ],
    ['status = 200', 7, 'at 7: expected an operator'],
    [
      'status not equal 200',
      11,
      'at 11: expected in, contains, matches or exists after not but found "equal"',
    ],
    [
      'status contains "x"',
      7,
      'at 7: "contains" does not apply to status; status takes ==, !=, <, <=, >, >=, in, not in, exists or not exists',
    ],
    [
      'connected < 5',
      10,
      'at 10: "<" does not apply to connected; connected takes ==, !=, exists or not exists',
    ],
    ['dns.answers == "x"', 12, 'at 12: "==" does not apply to dns.answers'],
    [
      'response_time < "abc"',
      16,
      'at 16: expected a number or duration (such as 500 or 2s) but found the string "abc"',
    ],
    ['response_time < abc', 16, 'at 16: expected a number or duration (such as 500 or 2s) but found "abc"'],
    [
      'response_time < 5x',
      17,
      'at 17: expected a unit (ms, s, m, h, d or w) right after the number, or a space but found "x"',
    ],
    [
      'response_time < -2s',
      16,
      'at 16: expected a duration such as 30s, 5m or 14d (no sign, no exponent) but found "-2s"',
    ],
    ['cert_expires_in > 14', 18, 'at 18: expected a duration such as 14d but found the number 14'],
    ['status == 200.5', 10, 'at 10: expected a status code such as 200 but found the number 200.5'],
    ['status == 200..299', 10, 'at 10: expected a status code such as 200 but found the range 200..299'],
    ['status in 299..200', 10, 'at 10: the range 299..200 is empty'],
    ['status in 1.5..3', 10, 'at 10: expected an integer range such as 200..299 but found "1.5"'],
    ['status in 200..', 15, 'at 15: expected an integer after .. but found the end of the condition'],
    [
      'status in [200, "x"]',
      16,
      'at 16: expected a status code or a range in the list but found the string "x"',
    ],
    ['status in []', 11, 'at 11: expected a value in the list but found "]"'],
    ['status in [200 304]', 15, 'at 15: expected , or ] in the list but found "304]"'],
    [
      'status in [200, [1]]',
      16,
      'at 16: expected a list item (a number, string, true, false, null or range) but found a list inside the list',
    ],
    [
      'body contains "open',
      19,
      'at 19: expected a closing " for the string at 14 but found the end of the condition',
    ],
    [
      'body contains "a\\qb"',
      16,
      'at 16: expected an escape such as \\", \\\\, \\n, \\t or \\u00e9 but found "\\\\q"',
    ],
    ['body contains 5', 14, 'at 14: expected a string in double quotes but found the number 5'],
    ['body matches "ok"', 13, 'at 13: expected a regular expression such as /ok/i but found the string "ok"'],
    [
      'body matches /ok',
      16,
      'at 16: expected a closing / for the regular expression at 13 but found the end of the condition',
    ],
    ['body matches //', 13, 'at 13: the regular expression is empty'],
    ['body matches /x/g', 16, 'at 16: regular expression flag "g" is not allowed'],
    ['body matches /x/ii', 17, 'at 17: regular expression flag "i" is not allowed'],
    ['body matches /x(/', 13, 'at 13: Invalid regular expression'],
    ['header == "x"', 7, 'at 7: expected a header name such as content-type but found "=="'],
    ['json .data == 1', 5, 'at 5: expected a JSONPath starting with $, such as $.data.ok but found ".data"'],
    ['json $.a[ == 1', 14, 'at 14: expected a ] to close the [ at 8 but found the end of the condition'],
    ["json $['a == 1", 14, "at 14: expected a closing ' in the JSON path but found the end of the condition"],
    ['json $.a==1', 8, 'at 8: expected ., .. or [ in the JSON path, or a space after it but found "==1"'],
    ['json $. == 1', 7, 'at 7: expected a name or * after . in the JSON path'],
    ['json $.a[?(@.ok == )] exists', 9, 'at 9: expected a valid filter expression in the JSON path'],
    [
      'json $.a[x] exists',
      9,
      'at 9: expected an index, slice, quoted name, * or filter ?(...) inside [ ] of the JSON path',
    ],
    ['json $.a < "x"', 11, 'at 11: expected a number but found the string "x"'],
    ['status == 200 else maybe', 19, 'at 19: expected down or degraded after else but found "maybe"'],
    [
      'status == 200 extra',
      14,
      'at 14: expected else down, else degraded or the end of the condition but found "extra"',
    ],
    [
      'status exists 200',
      14,
      'at 14: expected else down, else degraded or the end of the condition but found "200"',
    ],
    ['status == 200 else down now', 24, 'at 24: expected the end of the condition but found "now"'],
    ['status == 1e999', 10, 'at 10: the number 1e999 is too large'],
  ];

  it.each(invalid)('%s', (text, position, message) => {
    const result = parseCondition(text);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.position).toBe(position);
    expect(result.error.message.startsWith(message)).toBe(true);
    expect(result.error.message).toMatch(new RegExp(`^at ${position}: `));
    expect(result.error.expected.length).toBeGreaterThan(0);
  });

  it('names what is expected separately from the sentence', () => {
    const result = parseCondition('status contains "x"');
    expect(!result.ok && result.error.expected).toBe(
      'an operator for status (==, !=, <, <=, >, >=, in, not in, exists or not exists)',
    );
  });
});
