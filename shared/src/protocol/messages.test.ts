import { describe, expect, it } from 'vitest';
import { type DecodeOptions, decodeMessage, type MessageUnion, messageTypesOf } from './decode-message.js';
import { encodeMessage } from './encode-message.js';
import { PROTOCOL_EXAMPLES } from './message-examples.js';
import {
  DesktopToRelay,
  FRAME_LIMITS,
  ProbeToRelay,
  REPLY_TYPES,
  RelayToDesktop,
  RelayToProbe,
} from './messages.js';
import { MAX_RESULTS_PER_BATCH } from './probe-results.js';

const DIRECTIONS = {
  probeToRelay: ProbeToRelay,
  relayToProbe: RelayToProbe,
  desktopToRelay: DesktopToRelay,
  relayToDesktop: RelayToDesktop,
};
type Direction = keyof typeof DIRECTIONS;

function decode(
  direction: Direction,
  frame: unknown,
  options: DecodeOptions = { maxBytes: FRAME_LIMITS[direction] },
) {
  return decodeMessage(DIRECTIONS[direction] as MessageUnion, JSON.stringify(frame), options);
}

const examples = Object.entries(PROTOCOL_EXAMPLES).flatMap(([direction, frames]) =>
  frames.map((frame) => [direction as Direction, frame.type, frame] as const),
);
const example = <D extends Direction>(direction: D, type: string): Record<string, unknown> =>
  structuredClone(PROTOCOL_EXAMPLES[direction].find((f) => f.type === type)) as Record<string, unknown>;

const batch = example('probeToRelay', 'results.batch') as { results: Record<string, unknown>[] };
const aResult = batch.results[0]!;
const results = (n: number) => Array.from({ length: n }, (_, i) => ({ ...aResult, seq: i + 1 }));

describe('every message type', () => {
  it.each(examples)('%s accepts a realistic %s', (direction, type, frame) => {
    const decoded = decode(direction, frame);
    expect(decoded).toMatchObject({ ok: true, value: { type } });
  });

  it.each(Object.keys(DIRECTIONS) as Direction[])('%s has an example of each of its types', (direction) => {
    const covered = new Set<string>(PROTOCOL_EXAMPLES[direction].map((f) => f.type));
    expect(messageTypesOf(DIRECTIONS[direction] as MessageUnion).filter((t) => !covered.has(t))).toEqual([]);
  });

  it('fills defaults a sender left out, so receivers trust what they get', () => {
    const frame = JSON.stringify(example('relayToProbe', 'monitors.full'));
    const decoded = decodeMessage(RelayToProbe, frame, { maxBytes: FRAME_LIMITS.relayToProbe });
    if (!decoded.ok || decoded.value.type !== 'monitors.full') throw new Error('expected monitors.full');
    expect(decoded.value.monitors[0]).toMatchObject({
      interval: 30,
      method: 'GET',
      confirmation: 2,
      paused: false,
    });
  });
});

describe('limits', () => {
  it('fits a result at every field maximum, escaped, in one probe frame so it can never wedge a spool', () => {
    const worst = '\u0001'.repeat(2000); // a control character: six bytes once JSON-escaped
    const result = {
      ...aResult,
      message: worst,
      certIssuer: worst.slice(0, 500),
      verdicts: Array.from({ length: 100 }, () => ({
        condition: worst,
        pass: false,
        severity: 'down',
        message: worst,
      })),
    };
    const frame = encodeMessage({ type: 'results.batch', results: [result as never] });
    expect(new TextEncoder().encode(frame).byteLength).toBeLessThanOrEqual(FRAME_LIMITS.probeToRelay);
    expect(decodeMessage(ProbeToRelay, frame, { maxBytes: FRAME_LIMITS.probeToRelay }).ok).toBe(true);
  });

  it('fits a full batch of typical results in one probe frame', () => {
    const frame = encodeMessage({ type: 'results.batch', results: results(MAX_RESULTS_PER_BATCH) as never });
    expect(decodeMessage(ProbeToRelay, frame, { maxBytes: FRAME_LIMITS.probeToRelay }).ok).toBe(true);
  });

  it('answers every desktop request with a frame the desktop decodes', () => {
    const replyTypes = new Set(messageTypesOf(RelayToDesktop));
    const requestTypes = messageTypesOf(DesktopToRelay).filter((t) => t !== 'hello' && t !== 'error');
    expect(Object.keys(REPLY_TYPES).sort()).toEqual([...requestTypes].sort());
    for (const reply of Object.values(REPLY_TYPES)) expect(replyTypes.has(reply)).toBe(true);
  });
});
