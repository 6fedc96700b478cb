import { z } from 'zod';
import { ErrorCode, type FieldError } from '../errors.js';
import { err, ok, type Result } from '../result.js';
import { formatFieldErrors, zodIssuesToFieldErrors } from '../validation/field-errors.js';
import type { WireError } from './error.js';
import { RequestId } from './wire-primitives.js';

/** A frame as WebSocket libraries hand it over: text, bytes, or `ws`'s list of fragments. */
export type RawFrame = string | Uint8Array | ArrayBuffer | readonly Uint8Array[];

/** How much a receiver accepts; see FRAME_LIMITS. */
export interface DecodeOptions<T = unknown> {
  /** Largest frame in UTF-8 bytes. */
  maxBytes: number;
  /**
   * A cheaper check for a hot message type that accepts exactly what the schema accepts (e.g.
   * fastResultsBatch); `undefined` hands the frame to the schema, which also words the errors.
   */
  fastPath?: (frame: Record<string, unknown>) => T | undefined;
}

/** One direction's union of frames (ProbeToRelay, RelayToDesktop, ...). */
export type MessageUnion = z.ZodDiscriminatedUnion<readonly z.core.SomeType[], 'type'>;

interface KnownTypes {
  types: ReadonlySet<string>;
  list: string;
  quoted: string;
}

const knownTypes = new WeakMap<MessageUnion, KnownTypes>();
const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Decodes one frame against a direction's union without ever throwing:
 * 1. the size, before anything is parsed (`frameTooLarge`);
 * 2. UTF-8 and JSON (`invalidMessage`);
 * 3. a `type` this direction knows (`unknownType`, listing the ones it does);
 * 4. the message's schema (`invalidMessage`, every bad field by dotted path).
 * Failures after step 2 carry the frame's `requestId` when it has a usable one, so the reply
 * settles the sender's pending request.
 */
export function decodeMessage<S extends MessageUnion>(
  schema: S,
  raw: RawFrame,
  options: DecodeOptions<z.output<S>>,
): Result<z.output<S>, WireError> {
  const text = frameText(raw, options.maxBytes);
  if (!text.ok) return text;

  let data: unknown;
  try {
    data = JSON.parse(text.value);
  } catch {
    // The parser's own message quotes the input, which may hold a token.
    return invalid('message is not JSON', [{ path: '', message: 'is not valid JSON' }]);
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    return invalid('message must be a JSON object', [{ path: '', message: 'must be a JSON object' }]);
  }

  const frame = data as Record<string, unknown>;
  // Only failures need the id; valid frames skip the work.
  const withId = (error: WireError): WireError => {
    const requestId = RequestId.safeParse(frame.requestId).data;
    return requestId === undefined ? error : { ...error, requestId };
  };
  const type = frame.type;
  if (typeof type !== 'string') {
    const message = type === undefined ? 'is required' : 'must be a string';
    return err(
      withId({
        code: ErrorCode.invalidMessage,
        message: `type: ${message}`,
        details: [{ path: 'type', message }],
      }),
    );
  }
  const known = knownTypesOf(schema);
  if (!known.types.has(type)) {
    return err(
      withId({
        code: ErrorCode.unknownType,
        message: `unknown message type ${JSON.stringify(type.slice(0, 64))}; expected one of: ${known.list}`,
        details: [{ path: 'type', message: `must be one of ${known.quoted}` }],
      }),
    );
  }

  try {
    const fast = options.fastPath?.(frame);
    if (fast !== undefined) return ok(fast);
    const parsed = schema.safeParse(frame);
    if (parsed.success) return ok(parsed.data);
    const details = zodIssuesToFieldErrors(parsed.error.issues);
    return err(
      withId({
        code: ErrorCode.invalidMessage,
        message: `invalid ${type}: ${formatFieldErrors(details, 5)}`,
        details,
      }),
    );
  } catch {
    // A throwing refinement or transform is a bug in a schema, not in the peer; the loop goes on.
    return err(withId({ code: ErrorCode.internal, message: `could not validate ${type}` }));
  }
}

function invalid(message: string, details: FieldError[]): { ok: false; error: WireError } {
  return err({ code: ErrorCode.invalidMessage, message, details });
}

function frameText(raw: RawFrame, maxBytes: number): Result<string, WireError> {
  const tooLarge = (size: string) =>
    err({
      code: ErrorCode.frameTooLarge,
      message: `frame of ${size} bytes exceeds the limit of ${maxBytes} bytes`,
    });
  if (typeof raw === 'string') {
    // UTF-8 needs at least one byte per UTF-16 unit and at most three, so most frames are settled
    // without counting.
    if (raw.length > maxBytes) return tooLarge(`at least ${raw.length}`);
    if (raw.length * 3 > maxBytes) {
      const bytes = utf8Length(raw);
      if (bytes > maxBytes) return tooLarge(String(bytes));
    }
    return ok(raw);
  }
  let size: number;
  if (raw instanceof Uint8Array || raw instanceof ArrayBuffer) size = raw.byteLength;
  else if (Array.isArray(raw) && raw.every((part) => part instanceof Uint8Array)) {
    size = raw.reduce((sum: number, part: Uint8Array) => sum + part.byteLength, 0);
  } else return invalid('frame must be text or bytes', [{ path: '', message: 'must be text or bytes' }]);
  if (size > maxBytes) return tooLarge(String(size));
  const bytes =
    raw instanceof Uint8Array ? raw : raw instanceof ArrayBuffer ? new Uint8Array(raw) : concat(raw, size);
  try {
    return ok(utf8.decode(bytes));
  } catch {
    return invalid('message is not UTF-8 text', [{ path: '', message: 'is not valid UTF-8' }]);
  }
}

function concat(parts: readonly Uint8Array[], size: number): Uint8Array {
  const joined = new Uint8Array(size);
  let offset = 0;
  for (const part of parts) {
    joined.set(part, offset);
    offset += part.byteLength;
  }
  return joined;
}

function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit < 0x80) bytes += 1;
    else if (unit < 0x800) bytes += 2;
    else if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        bytes += 4;
        i++;
      } else bytes += 3;
    } else bytes += 3;
  }
  return bytes;
}

/** The `type` values a direction's union accepts, in declaration order. */
export function messageTypesOf(schema: MessageUnion): readonly string[] {
  return [...knownTypesOf(schema).types];
}

function knownTypesOf(schema: MessageUnion): KnownTypes {
  let known = knownTypes.get(schema);
  if (known === undefined) {
    const types = schema.options.flatMap((option) => {
      const literal = option instanceof z.ZodObject ? option.shape.type : undefined;
      return literal instanceof z.ZodLiteral ? [...literal.values].map(String) : [];
    });
    known = {
      types: new Set(types),
      list: types.join(', '),
      quoted: types.map((t) => JSON.stringify(t)).join(', '),
    };
    knownTypes.set(schema, known);
  }
  return known;
}
