import { err, ok, type Result } from '../result.js';
import { LatencySketch, MAX_SKETCH_KEY } from './latency-sketch.js';
import { type ByteReader, ByteWriter, readVarint } from './varint.js';

/** Version byte of the sketch format: 1 = logarithmic mapping at 1 % relative accuracy. */
export const SKETCH_FORMAT_VERSION = 1;

/**
 * Encodes a sketch into a few bytes for a SQLite BLOB. We use our own format rather than the
 * DDSketch library's `toProto`: that one needs `protobufjs` and writes every slot of a dense store
 * as an 8-byte double, padded to 128 slots, so any non-empty sketch costs over 1 kB, while a
 * minute of latencies here costs about 10 bytes and a day a few hundred.
 *
 * Layout, all integers as unsigned LEB128 varints:
 * 1. the version byte {@link SKETCH_FORMAT_VERSION};
 * 2. the body ({@link writeSketchBody}): the count of zero latencies, the number of non-empty
 *    bins, then per bin by ascending key the key (the first one as is, later ones as the gap to
 *    the previous key minus one) and its count.
 * Only non-empty bins are written, so equal sketches give equal bytes.
 */
export function encodeSketch(sketch: LatencySketch): Uint8Array {
  scratch.reset();
  scratch.byte(SKETCH_FORMAT_VERSION);
  writeSketchBody(scratch, sketch);
  return scratch.bytes();
}

const scratch = new ByteWriter();

/** Decodes {@link encodeSketch}'s bytes; a truncated, padded or corrupt blob gives an error, never a throw. */
export function decodeSketch(bytes: Uint8Array): Result<LatencySketch, string> {
  if (bytes.length === 0) return err('is empty');
  if (bytes[0] !== SKETCH_FORMAT_VERSION) return err(`has unknown format version ${bytes[0]}`);
  const reader = { bytes, pos: 1 };
  const sketch = readSketchBody(reader);
  if (!sketch.ok) return sketch;
  if (reader.pos !== bytes.length) return err(`has ${bytes.length - reader.pos} unexpected trailing bytes`);
  return sketch;
}

/** Writes a sketch without the version byte: for formats that embed sketches (see {@link encodeSketch}). */
export function writeSketchBody(out: ByteWriter, sketch: LatencySketch): void {
  out.varint(sketch.zeroCount);
  out.varint(sketch.binCount);
  let previous = -1;
  sketch.forEachBin((key, count) => {
    // Integer µs ≥ 1 map to keys ≥ 0; a negative key means someone fed the sketch a fraction.
    if (key < 0) throw new RangeError(`sketch bin key ${key} is negative: it must only hold integer µs`);
    out.varint(key - previous - 1);
    out.varint(count);
    previous = key;
  });
}

/** Reads {@link writeSketchBody}'s bytes from the reader's position; an error, never a throw, on bad bytes. */
export function readSketchBody(reader: ByteReader): Result<LatencySketch, string> {
  const zeroCount = readVarint(reader);
  const binCount = readVarint(reader);
  if (zeroCount === null || binCount === null) return err('is truncated or holds an oversized number');
  if (binCount > MAX_SKETCH_KEY + 1) return err(`claims ${binCount} bins, more than there are keys`);
  const sketch = new LatencySketch();
  sketch.zeroCount = zeroCount;
  sketch.count = zeroCount;
  let previous = -1;
  for (let i = 0; i < binCount; i++) {
    const gap = readVarint(reader);
    const count = readVarint(reader);
    if (gap === null || count === null) return err('is truncated or holds an oversized number');
    const key = previous + 1 + gap;
    if (key > MAX_SKETCH_KEY) return err(`has bin key ${key} above the largest possible ${MAX_SKETCH_KEY}`);
    if (count === 0) return err(`has an empty bin at key ${key}`);
    if (!Number.isSafeInteger(sketch.count + count)) return err('holds more values than can be counted');
    sketch.addBin(key, count);
    previous = key;
  }
  return ok(sketch);
}
