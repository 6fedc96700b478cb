import { describe, expect, it } from 'vitest';
import type { Condition } from './condition.js';
import { compileCondition, evaluateCondition } from './evaluate-condition.js';
import type { Observation } from './observation.js';
import { parseCondition } from './parse-condition.js';

const DAY = 86_400_000;

const http: Observation = {
  responseTimeMs: 812,
  ttfbMs: 95,
  status: 503,
  headers: { 'content-type': 'text/html; charset=utf-8', 'content-length': '120' },
  body: JSON.stringify({
    data: { ok: false, version: '2.4.1', count: 7 },
    tags: ['eu', 'prod'],
    error: null,
  }),
  certExpiresInMs: 3 * DAY + 5000,
};
const ok200: Observation = { ...http, status: 200, responseTimeMs: 120, body: 'all systems ok' };
const dns: Observation = { responseTimeMs: 12, dnsAnswers: ['1.2.3.4', '5.6.7.8'] };
const tcp: Observation = { responseTimeMs: 30, connected: true };
const refused: Observation = { responseTimeMs: 3, connected: false };
const expired: Observation = { ...http, certExpiresInMs: -2 * DAY };

function parse(text: string): Condition {
  const result = parseCondition(text);
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

const cases: Array<[string, Observation, boolean, string]> = [
  // status
  ['status in 200..299', ok200, true, 'status 200 is in 200..299'],
  ['status in 200..299', http, false, 'status was 503, expected 200..299'],
  ['status in [200..299, 304]', http, false, 'status was 503, expected one of [200..299, 304]'],
  ['status in [200..299, 304]', { ...http, status: 304 }, true, 'status 304 is one of [200..299, 304]'],
  ['status not in 500..599', http, false, 'status was 503, expected a value outside 500..599'],
  ['status not in [500..599]', ok200, true, 'status 200 is none of [500..599]'],
  ['status == 200', http, false, 'status was 503, expected 200'],
  ['status != 503', http, false, 'status was 503, expected a value other than 503'],
  ['status < 400', http, false, 'status was 503, expected less than 400'],
  ['status >= 500', http, true, 'status 503 is at least 500'],
  ['status in 200..299', tcp, false, 'status was not observed'],
  ['status exists', tcp, false, 'status was not observed'],
  ['status not exists', tcp, true, 'status was not observed'],
  ['status not exists', http, false, 'status 503 was observed, expected it to be absent'],
  // response_time and ttfb
  ['response_time < 500', http, false, 'response time 812 ms is over 500 ms'],
  ['response_time < 2s', http, true, 'response time 812 ms is under 2 s'],
  ['response_time < 812', http, false, 'response time 812 ms is not under 812 ms'],
  ['response_time > 1m', http, false, 'response time 812 ms is under 1 minute'],
  ['response_time >= 800', http, true, 'response time 812 ms is at least 800 ms'],
  ['response_time == 812', http, true, 'response time 812 ms is 812 ms'],
  ['response_time != 812', http, false, 'response time 812 ms is exactly 812 ms'],
  ['ttfb <= 50ms', http, false, 'time to first byte 95 ms is over 50 ms'],
  ['ttfb < 200', tcp, false, 'time to first byte was not observed'],
  ['ttfb exists', http, true, 'time to first byte 95 ms was observed'],
  // cert_expires_in
  ['cert_expires_in > 14d', http, false, 'certificate expires in 3 days, expected more than 14 days'],
  ['cert_expires_in > 1d', http, true, 'certificate expires in 3 days'],
  ['cert_expires_in > 0s', expired, false, 'certificate expired 2 days ago'],
  ['cert_expires_in >= 36h', http, true, 'certificate expires in 3 days'],
  ['cert_expires_in < 1w', http, true, 'certificate expires in 3 days'],
  ['cert_expires_in > 14d', tcp, false, 'certificate expiry was not observed'],
  // body
  ['body contains "ok"', ok200, true, 'body contains "ok"'],
  ['body contains "ok"', { ...http, body: 'Service Unavailable' }, false, 'body does not contain "ok"'],
  ['body not contains "error"', ok200, true, 'body does not contain "error"'],
  ['body not contains "ok"', ok200, false, 'body contains "ok"'],
  ['body matches /SYSTEMS/i', ok200, true, 'body matches /SYSTEMS/i'],
  ['body matches /^down/', ok200, false, 'body does not match /^down/'],
  ['body not matches /ok$/', ok200, false, 'body matches /ok$/'],
  ['body == "all systems ok"', ok200, true, 'body "all systems ok" is "all systems ok"'],
  ['body == "up"', ok200, false, 'body was "all systems ok", expected "up"'],
  ['body contains "ok"', tcp, false, 'body was not observed'],
  ['body exists', ok200, true, 'body of 14 characters was observed'],
  // header
  [
    'header content-type contains "json"',
    http,
    false,
    'header content-type "text/html; charset=utf-8" does not contain "json"',
  ],
  ['header Content-Type contains "html"', http, true, 'header content-type contains "html"'],
  ['header content-type matches /^text\\//', http, true, 'header content-type matches /^text\\//'],
  ['header content-length == "120"', http, true, 'header content-length "120" is "120"'],
  [
    'header content-length != "120"',
    http,
    false,
    'header content-length was "120", expected a value other than "120"',
  ],
  [
    'header x-mode in ["a", "b"]',
    { ...http, headers: { 'x-mode': 'c' } },
    false,
    'header x-mode was "c", expected one of ["a", "b"]',
  ],
  [
    'header x-mode not in ["a", "b"]',
    { ...http, headers: { 'x-mode': 'c' } },
    true,
    'header x-mode "c" is none of ["a", "b"]',
  ],
  ['header content-type exists', http, true, 'header content-type is present ("text/html; charset=utf-8")'],
  ['header x-cache exists', http, false, 'header x-cache is missing'],
  ['header x-cache contains "HIT"', http, false, 'header x-cache is missing'],
  ['header x-cache not exists', http, true, 'header x-cache is missing'],
  ['header x-cache exists', tcp, false, 'header x-cache was not observed'],
  // json
  ['json $.data.ok == true', http, false, '$.data.ok was false, expected true'],
  ['json $.data.ok == false', http, true, '$.data.ok false is false'],
  ['json $.data.count == "7"', http, false, '$.data.count was 7, expected "7"'],
  ['json $.data.count != 7', http, false, '$.data.count was 7, expected a value other than 7'],
  ['json $.data.count < 5', http, false, '$.data.count was 7, expected less than 5'],
  ['json $.data.version < 5', http, false, '$.data.version was "2.4.1", expected less than 5'],
  ['json $.data.count in 1..10', http, true, '$.data.count 7 is in 1..10'],
  ['json $.data.count not in [7, "x"]', http, false, '$.data.count was 7, expected none of [7, "x"]'],
  ['json $.error == null', http, true, '$.error null is null'],
  ['json $.tags contains "prod"', http, true, '$.tags contains "prod"'],
  ['json $.tags contains "us"', http, false, '$.tags was ["eu","prod"], expected it to contain "us"'],
  ['json $.tags[-1] == "prod"', http, true, '$.tags[-1] "prod" is "prod"'],
  ['json $.data.version contains "2.4"', http, true, '$.data.version contains "2.4"'],
  [
    'json $.data.version not contains "2.4"',
    http,
    false,
    '$.data.version was "2.4.1", expected it not to contain "2.4"',
  ],
  [
    'json $.data.version matches /^3\\./',
    http,
    false,
    '$.data.version was "2.4.1", expected it to match /^3\\./',
  ],
  ['json $.data.count matches /^\\d$/', http, true, '$.data.count matches /^\\d$/'],
  ['json $.data not matches /x/', http, true, '$.data does not match /x/'],
  ['json $.data.missing == 1', http, false, '$.data.missing was not found in the body'],
  ['json $.data.missing not exists', http, true, '$.data.missing was not found in the body'],
  ['json $.data exists', http, true, '$.data was found ({"ok":false,"version":"2.4.1","count":7})'],
  ['json $.constructor exists', http, false, '$.constructor was not found in the body'],
  ['json $.data.ok == true', ok200, false, '$.data.ok could not be read: the body is not JSON'],
  ['json $.data.ok == true', tcp, false, '$.data.ok could not be read: body was not observed'],
  ['json $.tags[*] contains "eu"', http, true, '$.tags[*] contains "eu"'],
  ['json $..count == 7', http, false, '$..count was [7], expected 7'],
  ['json $..count contains 7', http, true, '$..count contains 7'],
  [
    'json $.items[?(@.up == false)].name contains "b"',
    { ...http, body: '{"items":[{"name":"a","up":true},{"name":"b","up":false}]}' },
    true,
    '$.items[?(@.up == false)].name contains "b"',
  ],
  [
    'json $.items[?(@.up == false)] exists',
    { ...http, body: '{"items":[{"name":"a","up":true}]}' },
    false,
    '$.items[?(@.up == false)] was not found in the body',
  ],
  // dns.answers
  ['dns.answers contains "1.2.3.4"', dns, true, 'dns answers contain "1.2.3.4"'],
  ['dns.answers contains "10.0.0.1"', dns, false, 'dns answers [1.2.3.4, 5.6.7.8] do not contain "10.0.0.1"'],
  ['dns.answers not contains "5.6.7.8"', dns, false, 'dns answers [1.2.3.4, 5.6.7.8] contain "5.6.7.8"'],
  ['dns.answers matches /^5\\./', dns, true, 'dns answer "5.6.7.8" matches /^5\\./'],
  ['dns.answers matches /^10\\./', dns, false, 'no dns answer in [1.2.3.4, 5.6.7.8] matches /^10\\./'],
  ['dns.answers not matches /^10\\./', dns, true, 'no dns answer matches /^10\\./'],
  ['dns.answers not matches /^1\\./', dns, false, 'dns answer "1.2.3.4" matches /^1\\./'],
  ['dns.answers exists', { ...dns, dnsAnswers: [] }, false, 'dns answers were empty'],
  [
    'dns.answers not exists',
    dns,
    false,
    'dns answers [1.2.3.4, 5.6.7.8] were observed, expected it to be absent',
  ],
  ['dns.answers contains "1.2.3.4"', tcp, false, 'dns answers were not observed'],
  // connected
  ['connected == true', tcp, true, 'connection was established'],
  ['connected == true', refused, false, 'connection was not established'],
  ['connected != true', refused, true, 'connection was not established'],
  ['connected == false', tcp, false, 'connection was established, expected it to fail'],
  ['connected == true', http, false, 'connection state was not observed'],
];

describe('evaluateCondition', () => {
  it.each(cases)('%s → %s', (text, obs, pass, message) => {
    expect(evaluateCondition(parse(text), obs)).toEqual({ pass, message });
  });

  it('compiles each condition object once and reports its canonical text', () => {
    const condition = parse('status   in 200..299 else degraded');
    const compiled = compileCondition(condition);
    expect(compileCondition(condition)).toBe(compiled);
    expect(compiled.text).toBe('status in 200..299 else degraded');
    expect(compiled.severity).toBe('degraded');
  });

  it('reads a new body when an observation object is reused with different content', () => {
    const condition = parse('json $.ok == true');
    const obs: Observation = { responseTimeMs: 1, body: '{"ok":true}' };
    expect(evaluateCondition(condition, obs).pass).toBe(true);
    obs.body = '{"ok":false}';
    expect(evaluateCondition(condition, obs).pass).toBe(false);
  });

  it('cuts long bodies and JSON values short in sentences', () => {
    const long = 'x'.repeat(500);
    const body = evaluateCondition(parse('body == "y"'), { responseTimeMs: 1, body: long }).message;
    expect(body).toBe(`body was "${'x'.repeat(80)}…", expected "y"`);
    const json = evaluateCondition(parse('json $.a == 1'), {
      responseTimeMs: 1,
      body: JSON.stringify({ a: long }),
    });
    expect(json.message.length).toBeLessThan(120);
  });
});
