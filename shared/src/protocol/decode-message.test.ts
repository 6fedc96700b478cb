import { isDeepStrictEqual } from 'node:util';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ErrorCode } from '../errors.js';
import { decodeMessage, type MessageUnion, messageTypesOf } from './decode-message.js';
import { encodeMessage } from './encode-message.js';
import { ErrorMessage, toErrorMessage } from './error.js';
import { HELLO_MAX_BYTES } from './hello.js';
import { PROTOCOL_EXAMPLES } from './message-examples.js';
import { ClientHello, DesktopToRelay, ProbeToRelay, RelayToDesktop, RelayToProbe } from './messages.js';

const ack = '{"type":"results.ack","upToSeq":7}';

function exampleOf(direction: keyof typeof PROTOCOL_EXAMPLES, type: string): Record<string, unknown> {
  const found = (PROTOCOL_EXAMPLES[direction] as { type: string }[]).find((f) => f.type === type);
  if (found === undefined) throw new Error(`no ${direction} example of ${type}`);
  return structuredClone(found) as Record<string, unknown>;
}
const limit = { maxBytes: 1024 };

describe('frame size', () => {
  it('accepts a frame of exactly the limit, counted in UTF-8 bytes', () => {
    const padded = `${ack.slice(0, -1)}${' '.repeat(100 - ack.length)}}`;
    const accented = `{"type":"results.ack","upToSeq":7,"x":"${'é'.repeat(30)}"}`; // 41 + 2 × 30 bytes
    expect(decodeMessage(RelayToProbe, padded, { maxBytes: 100 }).ok).toBe(true);
    expect(decodeMessage(RelayToProbe, accented, { maxBytes: 101 }).ok).toBe(true);
    expect(decodeMessage(RelayToProbe, accented, { maxBytes: 100 }).ok).toBe(false);
  });

  it.each<[string, string | Uint8Array | ArrayBuffer | Uint8Array[]]>([
    ['text', `${ack.slice(0, -1)}${' '.repeat(200)}}`],
    [
      'text that is short in characters but long in UTF-8',
      `{"type":"results.ack","upToSeq":7,"x":"${'é'.repeat(60)}"}`,
    ],
    ['text of emoji, four bytes each', `{"type":"results.ack","upToSeq":7,"x":"${'🚀'.repeat(30)}"}`],
    ['bytes', new TextEncoder().encode(`${ack.slice(0, -1)}${' '.repeat(200)}}`)],
    [
      'an ArrayBuffer',
      new TextEncoder().encode(`${ack.slice(0, -1)}${' '.repeat(200)}}`).buffer as ArrayBuffer,
    ],
    [
      'fragments',
      [
        new TextEncoder().encode(ack.slice(0, 20)),
        new Uint8Array(200).fill(32),
        new TextEncoder().encode(ack.slice(20)),
      ],
    ],
  ])('refuses %s over the limit before parsing it', (_, raw) => {
    const decoded = decodeMessage(RelayToProbe, raw, { maxBytes: 100 });
    expect(decoded).toMatchObject({ ok: false, error: { code: ErrorCode.frameTooLarge } });
    expect(decoded.ok ? '' : decoded.error.message).toContain('limit of 100 bytes');
  });

  it('refuses a large unauthenticated first frame at the hello limit', () => {
    const hello = {
      ...exampleOf('probeToRelay', 'hello'),
      token: 'x'.repeat(1000),
      padding: 'y'.repeat(HELLO_MAX_BYTES),
    };
    const decoded = decodeMessage(ClientHello, encodeMessage(hello as never), { maxBytes: HELLO_MAX_BYTES });
    expect(decoded).toMatchObject({ ok: false, error: { code: ErrorCode.frameTooLarge } });
  });
});

describe('frame encoding', () => {
  it.each<[string, string | Uint8Array | ArrayBuffer | Uint8Array[]]>([
    ['text', ack],
    ['a Buffer', Buffer.from(ack)],
    ['an ArrayBuffer', new TextEncoder().encode(ack).buffer as ArrayBuffer],
    [
      'fragments split inside a multi-byte character',
      [
        Buffer.from('{"type":"results.ack","upToSeq":7,"n":"\xe2', 'latin1'),
        Buffer.from('\x82\xac"}', 'latin1'),
      ],
    ],
  ])('decodes %s', (_, raw) => {
    expect(decodeMessage(RelayToProbe, raw, limit)).toMatchObject({
      ok: true,
      value: { type: 'results.ack', upToSeq: 7 },
    });
  });

  it.each<[string, unknown, RegExp]>([
    ['bytes that are not UTF-8', Uint8Array.from([0x7b, 0xff, 0xfe, 0x7d]), /not UTF-8/],
    ['text that is not JSON', '{"type": "results.ack", upToSeq: 7}', /not JSON/],
    ['an empty frame', '', /not JSON/],
    ['a JSON array', '[{"type":"results.ack"}]', /JSON object/],
    ['a JSON string', '"results.ack"', /JSON object/],
    ['JSON null', 'null', /JSON object/],
    ['something that is not a frame at all', 42, /text or bytes/],
    ['an object without a type', '{"upToSeq":7}', /type: is required/],
    ['an object with a numeric type', '{"type":7}', /type: must be a string/],
  ])('rejects %s as an invalid message', (_, raw, message) => {
    const decoded = decodeMessage(RelayToProbe, raw as string, limit);
    expect(decoded).toMatchObject({
      ok: false,
      error: { code: ErrorCode.invalidMessage, message: expect.stringMatching(message) },
    });
  });

  it('never quotes the frame in a JSON error, since it may hold a token', () => {
    const decoded = decodeMessage(ProbeToRelay, '{"type":"hello","token":"secret-token-123",', limit);
    expect(JSON.stringify(decoded)).not.toContain('secret-token-123');
  });
});

describe('message types', () => {
  it('names an unknown type and lists the allowed ones', () => {
    const decoded = decodeMessage(RelayToProbe, '{"type":"results.nack"}', limit);
    expect(decoded).toMatchObject({ ok: false, error: { code: ErrorCode.unknownType } });
    const message = decoded.ok ? '' : decoded.error.message;
    expect(message).toContain('"results.nack"');
    for (const type of messageTypesOf(RelayToProbe)) expect(message).toContain(type);
  });

  it.each<[string, MessageUnion, unknown]>([
    ['a probe sending monitor.upsert', ProbeToRelay, exampleOf('desktopToRelay', 'monitor.upsert')],
    ['a probe sending status.get', ProbeToRelay, exampleOf('desktopToRelay', 'status.get')],
    ['a desktop sending results.batch', DesktopToRelay, exampleOf('probeToRelay', 'results.batch')],
    ['a desktop sending results.ack', DesktopToRelay, exampleOf('relayToProbe', 'results.ack')],
    ['a relay sending a desktop event to a probe', RelayToProbe, exampleOf('relayToDesktop', 'event.status')],
    [
      'a relay sending monitors.full to a desktop',
      RelayToDesktop,
      exampleOf('relayToProbe', 'monitors.full'),
    ],
    ['a first frame that is not hello', ClientHello, exampleOf('desktopToRelay', 'monitors.get')],
  ])('treats %s as an unknown type for that direction', (_, schema, frame) => {
    const decoded = decodeMessage(schema, JSON.stringify(frame), { maxBytes: 1_000_000 });
    expect(decoded).toMatchObject({ ok: false, error: { code: ErrorCode.unknownType } });
  });

  it('echoes a usable request id so the reply settles the pending request', () => {
    const invalid = decodeMessage(
      DesktopToRelay,
      '{"type":"monitor.delete","requestId":"r42","monitorId":"no spaces"}',
      limit,
    );
    const unknown = decodeMessage(DesktopToRelay, '{"type":"monitor.rename","requestId":"r43"}', limit);
    const unusable = decodeMessage(
      DesktopToRelay,
      JSON.stringify({ type: 'monitor.rename', requestId: 'r'.repeat(101) }),
      limit,
    );
    expect(invalid).toMatchObject({ ok: false, error: { code: ErrorCode.invalidMessage, requestId: 'r42' } });
    expect(unknown).toMatchObject({ ok: false, error: { code: ErrorCode.unknownType, requestId: 'r43' } });
    expect(unusable.ok ? undefined : unusable.error).not.toHaveProperty('requestId');
  });
});

describe('error frames', () => {
  it('turn a decode failure into a valid error frame, trimmed to the schema', () => {
    const results = Array.from({ length: 300 }, (_, i) => ({
      ...(exampleOf('probeToRelay', 'results.batch').results as object[])[0],
      seq: -i,
    }));
    const decoded = decodeMessage(ProbeToRelay, JSON.stringify({ type: 'results.batch', results }), {
      maxBytes: 1e7,
    });
    if (decoded.ok) throw new Error('expected a failure');
    expect(decoded.error.details?.length).toBe(300);
    const frame = toErrorMessage(decoded.error);
    expect(ErrorMessage.parse(frame)).toEqual(frame);
    expect(frame.details).toHaveLength(100);
    expect(frame.message).toMatch(/and 295 more/);
  });
});

const DIRECTIONS = [ProbeToRelay, RelayToProbe, DesktopToRelay, RelayToDesktop] as MessageUnion[];
const ALL_TYPES = [...new Set(DIRECTIONS.flatMap(messageTypesOf))];
const CODES = new Set<string>(Object.values(ErrorCode));
const ALL_EXAMPLES = Object.values(PROTOCOL_EXAMPLES).flat() as unknown[];

/**
 * Decodes with every direction and checks the outcome is a value: a message, or a coded error
 * that makes a valid error frame. Plain checks instead of `expect`, which would dominate the run time.
 */
function decodesWithoutThrowing(raw: string | Uint8Array, maxBytes = 100_000): void {
  for (const schema of DIRECTIONS) {
    const decoded = decodeMessage(schema, raw, { maxBytes });
    if (decoded.ok) {
      // What decodes once decodes again to the same value, so a receiver may forward it as is.
      const again = decodeMessage(schema, encodeMessage(decoded.value as never), { maxBytes: 1_000_000 });
      if (!again.ok || !isDeepStrictEqual(again.value, decoded.value))
        throw new Error('a decoded message did not re-decode equal');
    } else {
      const { code } = decoded.error;
      if (!CODES.has(code) || code === ErrorCode.internal) throw new Error(`unexpected code ${code}`);
      if (!ErrorMessage.safeParse(toErrorMessage(decoded.error)).success)
        throw new Error('unsendable error frame');
    }
  }
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Step = { pick: number; action: 'set' | 'delete'; value: Json };

/** Every path to a value inside a JSON value, the root included. */
function pathsOf(value: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  const paths = [prefix];
  if (Array.isArray(value)) {
    for (const [i, item] of value.entries()) paths.push(...pathsOf(item, [...prefix, i]));
  } else if (typeof value === 'object' && value !== null) {
    for (const [key, item] of Object.entries(value)) paths.push(...pathsOf(item, [...prefix, key]));
  }
  return paths;
}

function mutate(frame: unknown, steps: Step[]): unknown {
  let root = structuredClone(frame) as Json;
  for (const step of steps) {
    const paths = pathsOf(root);
    const path = paths[step.pick % paths.length]!;
    if (path.length === 0) {
      root = step.value;
      continue;
    }
    let parent = root as Record<string | number, Json>;
    for (const key of path.slice(0, -1)) parent = parent[key] as Record<string | number, Json>;
    const last = path[path.length - 1]!;
    if (step.action === 'delete' && Array.isArray(parent)) parent.splice(last as number, 1);
    else if (step.action === 'delete') delete parent[last];
    else parent[last] = step.value;
  }
  return root;
}

describe('decoding never throws', () => {
  it('on arbitrary text and on valid frames cut short', () => {
    const cut = fc
      .tuple(fc.constantFrom(...ALL_EXAMPLES.map((f) => JSON.stringify(f))), fc.nat())
      .map(([frame, at]) => frame.slice(0, at % frame.length));
    const text = fc.oneof(fc.string({ unit: 'binary', maxLength: 80 }), cut);
    fc.assert(
      fc.property(text, (raw) => decodesWithoutThrowing(raw)),
      { numRuns: 2000 },
    );
  });

  it('on arbitrary bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (raw) => decodesWithoutThrowing(raw)),
      { numRuns: 1000 },
    );
  });

  it('on arbitrary JSON', () => {
    fc.assert(
      fc.property(fc.json({ maxDepth: 4 }), (raw) => decodesWithoutThrowing(raw)),
      { numRuns: 2000 },
    );
  });

  it('on objects of a known type with arbitrary fields', () => {
    const frame = fc.record({
      type: fc.constantFrom(...ALL_TYPES),
      fields: fc.dictionary(
        fc.constantFrom('requestId', 'results', 'monitor', 'monitors', 'revision', 'seq', 'incident', 'x'),
        fc.jsonValue({ maxDepth: 3 }),
      ),
    });
    fc.assert(
      fc.property(frame, ({ type, fields }) => decodesWithoutThrowing(JSON.stringify({ ...fields, type }))),
      {
        numRuns: 2000,
      },
    );
  });

  it('on valid messages with fields replaced, removed or retyped', () => {
    const step = fc.record({
      pick: fc.nat(),
      action: fc.constantFrom<Step['action']>('set', 'delete'),
      value: fc.oneof(
        fc.jsonValue({ maxDepth: 2 }),
        fc.constantFrom(-1, 0, 1.5, 1e300, '', 'x'.repeat(5000), null),
      ) as fc.Arbitrary<Json>,
    });
    const mutated = fc
      .tuple(fc.constantFrom(...ALL_EXAMPLES), fc.array(step, { minLength: 1, maxLength: 3 }))
      .map(([frame, steps]) => mutate(frame, steps));
    fc.assert(
      fc.property(mutated, (frame) => decodesWithoutThrowing(JSON.stringify(frame))),
      { numRuns: 3000 },
    );
  });

  it('on deeply nested input', () => {
    const deep = `{"type":"results.batch","results":${'['.repeat(50_000)}${']'.repeat(50_000)}}`;
    expect(deep.length).toBeGreaterThan(100_000);
    expect(() => decodesWithoutThrowing(deep, 1_000_000)).not.toThrow();
  });
});
