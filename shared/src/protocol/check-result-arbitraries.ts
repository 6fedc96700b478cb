import fc from 'fast-check';
import type { CheckResult } from '../results/check-result.js';

// fast-check generators for the protocol's property tests; nothing in the product imports this file.

/** Text of any UTF-16 units, lone surrogates included: JSON escapes them and must give them back. */
export const anyText = (maxLength: number) =>
  fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)), maxLength });
// JSON has no -0; a probe never measures one either.
const ms = fc.double({ min: 0, max: 1e7, noNaN: true }).map((x) => x + 0);
const phases = fc.record(
  { dnsMs: ms, connectMs: ms, tlsMs: ms, ttfbMs: ms, transferMs: ms },
  { requiredKeys: [] },
);
const verdict = fc.record({
  condition: anyText(100),
  pass: fc.boolean(),
  severity: fc.constantFrom('down' as const, 'degraded' as const),
  message: anyText(100),
});

/** A result as a probe produces it, with the defaults a decoder would fill already present. */
export const checkResult: fc.Arbitrary<CheckResult> = fc.record(
  {
    probeId: fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/),
    seq: fc.integer({ min: 1, max: Number.MAX_SAFE_INTEGER }),
    monitorId: anyText(64).filter((s) => s.length > 0),
    region: fc.stringMatching(/^[a-z0-9][a-z0-9-]{0,39}$/),
    ts: fc.integer({ min: 0, max: 4_102_444_800_000 }),
    state: fc.constantFrom('up' as const, 'degraded' as const, 'down' as const),
    latencyMs: ms,
    phases,
    message: anyText(300),
    statusCode: fc.integer({ min: 100, max: 999 }),
    attempts: fc.integer({ min: 1, max: 10 }),
    probeHealthy: fc.boolean(),
    certExpiresAt: fc.integer({ min: -1e13, max: 1e13 }),
    certIssuer: anyText(100),
    verdicts: fc.array(verdict, { maxLength: 5 }),
    revision: fc.nat(),
  },
  {
    requiredKeys: [
      'probeId',
      'seq',
      'monitorId',
      'region',
      'ts',
      'state',
      'latencyMs',
      'message',
      'attempts',
      'probeHealthy',
    ],
  },
);
