import { CheckResult } from '@vantage/shared';
import Database from 'better-sqlite3';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fromRow, payloadOf } from './result-row.js';

const COLUMNS = ['probeId', 'seq', 'monitorId', 'region', 'ts', 'state', 'latencyMs'];

const full: CheckResult = {
  probeId: 'fra-1',
  seq: 7,
  monitorId: 'api',
  region: 'eu-west',
  ts: 1_700_000_000_000,
  state: 'degraded',
  latencyMs: 812.5,
  phases: { dnsMs: 1, connectMs: 2, tlsMs: 3, ttfbMs: 4, transferMs: 5 },
  message: 'response_time was 812 ms, "limit" 500',
  statusCode: 200,
  attempts: 2,
  probeHealthy: false,
  certExpiresAt: 1_800_000_000_000,
  certIssuer: "Let's Encrypt\nR3",
  verdicts: [{ condition: 'response_time < 500', pass: false, severity: 'degraded', message: 'too slow' }],
  revision: 12,
  maintenance: true,
};

describe('the stored form of a result', () => {
  it('keeps every field of a result through the payload column', () => {
    const row = {
      cursor: 3,
      probe_id: full.probeId,
      seq: full.seq,
      monitor_id: full.monitorId,
      region: full.region,
      ts: full.ts,
      state: full.state,
      latency_ms: full.latencyMs,
      payload: payloadOf(full),
    };
    expect(fromRow(row)).toEqual({ ...full, cursor: 3 });
  });

  it('covers every field CheckResult has, so a new field cannot be dropped silently', () => {
    const written = new Set([...COLUMNS, ...Object.keys(JSON.parse(payloadOf(full)))]);
    expect(Object.keys(CheckResult.shape).filter((key) => !written.has(key))).toEqual([]);
  });

  it('writes any text and any measured number so that they read back exactly from SQLite', () => {
    // Characters JSON must escape (quotes, backslashes, control characters, lone surrogates, which
    // SQLite's UTF-8 would turn into U+FFFD) among ones it must not.
    const unit = fc.constantFrom(
      'a',
      ' ',
      '"',
      '\\',
      '\n',
      '\u0000',
      '\u001f',
      '\u007f',
      'é',
      '😀',
      '\ud800',
      '\udc00',
    );
    const text = fc.string({ unit, maxLength: 12 });
    const db = new Database(':memory:');
    const roundTrip = db.prepare<[string], { payload: string }>('SELECT ? AS payload');
    const ms = fc.double({ min: 0, max: 1e22, noNaN: true, noDefaultInfinity: true });
    const phases = fc.record(
      { dnsMs: ms, connectMs: ms, tlsMs: ms, ttfbMs: ms, transferMs: ms },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(
        text,
        fc.option(text, { nil: undefined }),
        fc.option(phases, { nil: undefined }),
        (message, certIssuer, p) => {
          const result: CheckResult = {
            ...full,
            message,
            ...(certIssuer === undefined ? { certIssuer: undefined } : { certIssuer }),
            phases: p,
          };
          const expected = JSON.parse(JSON.stringify(result)) as Record<string, unknown>;
          for (const column of COLUMNS) delete expected[column];
          expect(JSON.parse(roundTrip.get(payloadOf(result))!.payload)).toStrictEqual(expected);
        },
      ),
      { numRuns: 1000 },
    );
    db.close();
  });
});
