import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkResult } from './check-result-arbitraries.js';
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
