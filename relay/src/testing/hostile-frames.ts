import { DesktopToRelay, messageTypesOf, PROTOCOL_EXAMPLES, ProbeToRelay } from '@vantage/shared';
import fc from 'fast-check';

/** Where a hostile frame is sent: an authenticated desktop or probe connection, or as a first frame. */
export type Channel = 'desktop' | 'probe' | 'unauthenticated';

/** One generated frame and the connection it goes to. */
export interface HostileFrame {
  channel: Channel;
  data: string | Uint8Array;
  kind: string;
}

const TYPES = [
  ...new Set([...messageTypesOf(DesktopToRelay), ...messageTypesOf(ProbeToRelay), 'event.status', 'ping']),
];
/** A value no field of the protocol accepts: not a string, number, boolean, array or a complete object. */
const POISON = { __poison: [null] };
const desktopExamples = PROTOCOL_EXAMPLES.desktopToRelay.filter(
  (m) => m.type !== 'error' && m.type !== 'hello',
);
const probeExamples = PROTOCOL_EXAMPLES.probeToRelay.filter((m) => m.type !== 'error' && m.type !== 'hello');

/** Every path to a value inside a JSON value, e.g. `['monitor', 'regions', 0]`. */
function pathsOf(value: unknown, prefix: Array<string | number> = []): Array<Array<string | number>> {
  if (value === null || typeof value !== 'object') return [prefix];
  const entries = Array.isArray(value) ? value.map((v, i) => [i, v] as const) : Object.entries(value);
  return [prefix, ...entries.flatMap(([k, v]) => pathsOf(v, [...prefix, k]))];
}

/** A copy of `value` with the value at `path` replaced (or the whole value when the path is empty). */
function replaceAt(value: unknown, path: ReadonlyArray<string | number>, next: unknown): unknown {
  if (path.length === 0) return next;
  const copy = structuredClone(value) as Record<string | number, unknown>;
  let at = copy;
  for (const key of path.slice(0, -1)) at = at[key] as Record<string | number, unknown>;
  at[path.at(-1)!] = next;
  return copy;
}

const text = (value: unknown) => JSON.stringify(value);

/** A valid frame of one role with one value somewhere inside it poisoned, or its text cut short. */
function mutated(examples: readonly object[]): fc.Arbitrary<string> {
  return fc.constantFrom(...examples).chain((example) => {
    const paths = pathsOf(example).filter((p) => p.length > 0);
    return fc.oneof(
      fc.constantFrom(...paths).map((path) => text(replaceAt(example, path, POISON))),
      fc.nat({ max: text(example).length - 2 }).map((cut) => text(example).slice(0, cut)),
      fc.constantFrom(...paths).map((path) => text(replaceAt(example, path, undefined))),
    );
  });
}

/** Frames that mean something valid only on the other role's connection. */
const wrongRole = (examples: readonly object[]) => fc.constantFrom(...examples.map(text));

/** Junk: random bytes and text, JSON that is not a frame, frames of known types with random fields. */
const junk: fc.Arbitrary<string | Uint8Array> = fc.oneof(
  fc.uint8Array({ maxLength: 600 }),
  fc.string({ maxLength: 300 }),
  fc.json({ maxDepth: 3 }),
  fc
    .record({
      type: fc.constantFrom(...TYPES),
      extra: fc.dictionary(fc.string({ maxLength: 12 }), fc.anything({ maxDepth: 2 }), { maxKeys: 6 }),
    })
    .map(({ type, extra }) => text({ ...extra, type })),
);

/** Frames above the relay's limit (and below the socket's hard cap, so the relay answers them). */
function huge(limit: number): fc.Arbitrary<string> {
  return fc.integer({ min: limit + 1, max: limit * 2 - 100 }).map((size) => {
    const head = '{"type":"monitors.get","requestId":"big","pad":"';
    return `${head}${'x'.repeat(size - head.length - 2)}"}`;
  });
}

/** A results batch of another probe (the fuzzing probe is `fuzz-probe`): well-formed, but not its to send. */
const foreignBatch = fc
  .record({
    probeId: fc.constantFrom('fra-1', 'someone-else'),
    region: fc.constantFrom('eu-west', 'us-east'),
  })
  .map(({ probeId, region }) => {
    const batch = PROTOCOL_EXAMPLES.probeToRelay.find((m) => m.type === 'results.batch')!;
    return text({ ...batch, results: batch.results.map((r) => ({ ...r, probeId, region })) });
  });

/** Whether a frame is one the channel would accept and act on; such frames are not hostile. */
function acceptable(channel: Channel, data: string | Uint8Array): boolean {
  if (typeof data !== 'string' || channel === 'unauthenticated') return false;
  let json: unknown;
  try {
    json = JSON.parse(data);
  } catch {
    return false;
  }
  const parsed = (channel === 'desktop' ? DesktopToRelay : ProbeToRelay).safeParse(json);
  if (!parsed.success) return false;
  return parsed.data.type !== 'hello' && parsed.data.type !== 'results.batch';
}

/**
 * Malformed and hostile frames, each refused by a correct relay without any change of state:
 * random bytes and text, wrong types, poisoned or truncated valid frames, frames over the size
 * limit, the other role's frames, other probes' results, a second hello, and junk as a first frame.
 */
export function hostileFrames(maxFrameBytes: number): fc.Arbitrary<HostileFrame> {
  const on = (channel: Channel, kind: string, arb: fc.Arbitrary<string | Uint8Array>) =>
    arb.map((data): HostileFrame => ({ channel, data, kind }));
  const desktopHello = text(PROTOCOL_EXAMPLES.desktopToRelay[0]);
  return fc
    .oneof(
      { weight: 12, arbitrary: on('desktop', 'junk', junk) },
      { weight: 12, arbitrary: on('desktop', 'mutated', mutated(desktopExamples)) },
      { weight: 4, arbitrary: on('desktop', 'wrong-role', wrongRole(probeExamples)) },
      { weight: 2, arbitrary: on('desktop', 'second-hello', fc.constant(desktopHello)) },
      { weight: 1, arbitrary: on('desktop', 'huge', huge(maxFrameBytes)) },
      { weight: 12, arbitrary: on('probe', 'junk', junk) },
      { weight: 12, arbitrary: on('probe', 'mutated', mutated(probeExamples)) },
      { weight: 4, arbitrary: on('probe', 'wrong-role', wrongRole(desktopExamples)) },
      { weight: 4, arbitrary: on('probe', 'foreign-batch', foreignBatch) },
      { weight: 1, arbitrary: on('probe', 'huge', huge(maxFrameBytes)) },
      {
        weight: 4,
        arbitrary: on('unauthenticated', 'first-frame', fc.oneof(junk, mutated(desktopExamples))),
      },
    )
    .filter((frame) => !acceptable(frame.channel, frame.data));
}
