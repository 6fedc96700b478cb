import { err, ok, type Result } from '../result.js';
import {
  type LatencySketch,
  MAX_SKETCH_KEY,
  type SketchBin,
  sketchContent,
  sketchFromContent,
} from './latency-sketch.js';

/** Version byte of the sketch format: 1 = logarithmic mapping at 1 % relative accuracy. */
export const SKETCH_FORMAT_VERSION = 1;

/**
 * Encodes a sketch into a few bytes for a SQLite BLOB. We use our own format rather than the
 * library's `toProto`: that one needs `protobufjs` (not a dependency) and writes every slot of the
 * dense store as an 8-byte double, padded to 128 slots, so any non-empty sketch costs over 1 kB,
 * while a minute of latencies here costs about 10 bytes and a day a few hundred.
 *
 * Layout, all integers as unsigned LEB128 varints:
 * 1. the version byte {@link SKETCH_FORMAT_VERSION};
 * 2. the count of zero latencies;
 * 3. the number of non-empty bins;
 * 4. per bin by ascending key: the key (the first one as is, later ones as the gap to the previous
 *    key minus one), then its count.
 * Only non-empty bins are written, so equal sketches give equal bytes.
 */
export function encodeSketch(sketch: LatencySketch): Uint8Array {
  const { zeroCount, bins } = sketchContent(sketch);
  const out: number[] = [SKETCH_FORMAT_VERSION];
  writeVarint(out, zeroCount);
  writeVarint(out, bins.length);
  let previous = -1;
  for (const [key, count] of bins) {
    // Integer µs ≥ 1 map to keys ≥ 0; a negative key means someone fed the sketch a fraction.
    if (key < 0) throw new RangeError(`sketch bin key ${key} is negative: it must only hold integer µs`);
    writeVarint(out, key - previous - 1);
    writeVarint(out, count);
    previous = key;
  }
  return Uint8Array.from(out);
}

/** Decodes {@link encodeSketch}'s bytes; a truncated, padded or corrupt blob gives an error, never a throw. */
export function decodeSketch(bytes: Uint8Array): Result<LatencySketch, string> {
  if (bytes.length === 0) return err('is empty');
  if (bytes[0] !== SKETCH_FORMAT_VERSION) return err(`has unknown format version ${bytes[0]}`);
  const reader = { bytes, pos: 1 };
  const zeroCount = readVarint(reader);
  const binCount = readVarint(reader);
  if (zeroCount === null || binCount === null) return err('is truncated or holds an oversized number');
  if (binCount > MAX_SKETCH_KEY + 1) return err(`claims ${binCount} bins, more than there are keys`);
  const bins: SketchBin[] = [];
  let previous = -1;
  for (let i = 0; i < binCount; i++) {
    const gap = readVarint(reader);
    const count = readVarint(reader);
    if (gap === null || count === null) return err('is truncated or holds an oversized number');
    const key = previous + 1 + gap;
    if (key > MAX_SKETCH_KEY) return err(`has bin key ${key} above the largest possible ${MAX_SKETCH_KEY}`);
    if (count === 0) return err(`has an empty bin at key ${key}`);
    bins.push([key, count]);
    previous = key;
  }
  if (reader.pos !== bytes.length) return err(`has ${bytes.length - reader.pos} unexpected trailing bytes`);
  return ok(sketchFromContent({ zeroCount, bins }));
}

// Arithmetic rather than bit operators: counts may exceed 2³¹, where JavaScript's bit operators wrap.
function writeVarint(out: number[], value: number): void {
  let rest = value;
  while (rest >= 0x80) {
    out.push((rest % 0x80) + 0x80);
    rest = Math.floor(rest / 0x80);
  }
  out.push(rest);
}

/** The next varint, or null when the bytes end first or it does not fit a safe integer. */
function readVarint(reader: { bytes: Uint8Array; pos: number }): number | null {
  let value = 0;
  let scale = 1;
  while (reader.pos < reader.bytes.length) {
    const byte = reader.bytes[reader.pos++]!;
    value += (byte % 0x80) * scale;
    if (byte < 0x80) return Number.isSafeInteger(value) ? value : null;
    scale *= 0x80;
    if (scale > Number.MAX_SAFE_INTEGER) return null;
  }
  return null;
}
