import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CheckResult } from '../results/check-result.js';
import { decodeMessage } from './decode-message.js';
import { encodeMessage } from './encode-message.js';
import { PROTOCOL_EXAMPLES } from './message-examples.js';
import {
  DesktopToRelay,
  FRAME_LIMITS,
  ProbeToRelay,
  RelayToDesktop,
  RelayToProbe,
  type RelayToProbeInput,
} from './messages.js';
import { MAX_RESULTS_PER_BATCH } from './probe-results.js';

// Any UTF-16 unit, lone surrogates included: JSON escapes them and must give them back.
const text = (maxLength: number) =>
  fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)), maxLength });
// JSON has no -0; a probe never measures one either.
const ms = fc.double({ min: 0, max: 1e7, noNaN: true }).map((x) => x + 0);
const phases = fc.record(
  { dnsMs: ms, connectMs: ms, tlsMs: ms, ttfbMs: ms, transferMs: ms },
  { requiredKeys: [] },
);
const verdict = fc.record({
  condition: text(100),
  pass: fc.boolean(),
  severity: fc.constantFrom('down' as const, 'degraded' as const),
  message: text(100),
});

/** A result as a probe produces it, with the defaults a decoder would fill already present. */
const checkResult: fc.Arbitrary<CheckResult> = fc.record(
  {
    probeId: fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/),
    seq: fc.integer({ min: 1, max: Number.MAX_SAFE_INTEGER }),
    monitorId: text(64).filter((s) => s.length > 0),
    region: fc.stringMatching(/^[a-z0-9][a-z0-9-]{0,39}$/),
    ts: fc.integer({ min: 0, max: 4_102_444_800_000 }),
    state: fc.constantFrom('up' as const, 'degraded' as const, 'down' as const),
    latencyMs: ms,
    phases,
    message: text(300),
    statusCode: fc.integer({ min: 100, max: 999 }),
    attempts: fc.integer({ min: 1, max: 10 }),
    probeHealthy: fc.boolean(),
    certExpiresAt: fc.integer({ min: -1e13, max: 1e13 }),
    certIssuer: text(100),
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

describe('encodeMessage', () => {
  it('round-trips generated results batches through decodeMessage unchanged', () => {
    const batch = fc
      .array(checkResult, { minLength: 1, maxLength: 20 })
      .map((results) => ({ type: 'results.batch' as const, results }));
    fc.assert(
      fc.property(batch, (message) => {
        const decoded = decodeMessage(ProbeToRelay, encodeMessage(message), {
          maxBytes: FRAME_LIMITS.probeToRelay,
        });
        expect(decoded).toEqual({ ok: true, value: message });
      }),
      { numRuns: 500 },
    );
  });

  it('round-trips a full batch of generated results within the probe frame limit', () => {
    const results = fc.sample(checkResult, MAX_RESULTS_PER_BATCH);
    const frame = encodeMessage({ type: 'results.batch', results });
    expect(decodeMessage(ProbeToRelay, frame, { maxBytes: FRAME_LIMITS.probeToRelay })).toEqual({
      ok: true,
      value: { type: 'results.batch', results },
    });
  });

  it.each([
    ['probeToRelay', ProbeToRelay],
    ['relayToProbe', RelayToProbe],
    ['desktopToRelay', DesktopToRelay],
    ['relayToDesktop', RelayToDesktop],
  ] as const)(
    'encodes every %s example so that it decodes to what its schema makes of it',
    (direction, schema) => {
      for (const example of PROTOCOL_EXAMPLES[direction]) {
        const decoded = decodeMessage(schema, encodeMessage(example), { maxBytes: FRAME_LIMITS[direction] });
        expect(decoded).toEqual({ ok: true, value: schema.parse(example) });
      }
    },
  );

  it('lets a sender pin its direction so the compiler refuses frames of another', () => {
    const frame = encodeMessage<RelayToProbeInput>({ type: 'results.ack', upToSeq: 3 });
    // @ts-expect-error a probe is never sent status.get; tsc fails here if the direction is not enforced
    const wrong = encodeMessage<RelayToProbeInput>({ type: 'status.get', requestId: 'r1' });
    expect(decodeMessage(RelayToProbe, frame, { maxBytes: 100 })).toMatchObject({ ok: true });
    expect(decodeMessage(RelayToProbe, wrong, { maxBytes: 100 })).toMatchObject({ ok: false });
  });
});
