import { err, ok, type Result } from '../result.js';
import { RESOLUTION_MS } from './resolution.js';
import { LatencySketch, sketchKey } from './latency-sketch.js';
import type { BucketKey, RollupBucket } from './rollup-bucket.js';
import { readSketchBody, writeSketchBody } from './sketch-codec.js';
import { type ByteReader, ByteWriter, readVarint } from './varint.js';

/** Version byte of the bucket-run format: 1 = the entries below, sketches as sketch format 1. */
export const BUCKET_RUN_FORMAT_VERSION = 1;

/** One bucket of a run as bytes, with its place in the run and the counts a dashboard reads. */
export interface RunEntry {
  /** The bucket's position in the run: its start is the run's start + index × the resolution. */
  readonly index: number;
  readonly up: number;
  readonly degraded: number;
  readonly down: number;
  /** Results during maintenance (the entry's extension, 0 when it has none). */
  readonly maintenance: number;
  /** The whole entry, as {@link encodeRunEntry} wrote it. */
  readonly bytes: Uint8Array;
}

const entryScratch = new ByteWriter();
const sketchScratch = new ByteWriter();

/**
 * Encodes a bucket as one entry of a run: consecutive buckets of one series stored as one blob,
 * so that a store writes and reads one row per run instead of one per bucket. Layout, all
 * integers as unsigned LEB128 varints:
 * 1. the bucket's index in the run;
 * 2. up, degraded, down; nothing more when up + degraded = 0;
 * 3. the latency minimum, and the maximum minus the minimum. When that spread is 0 the entry ends:
 *    every latency was the minimum, so the sum is up + degraded times it and the sketch holds them
 *    all in the minimum's bin (a minute with one check costs about 8 bytes);
 * 4. otherwise the latency sum, the sketch body's length in bytes and the body (sketch-codec's
 *    `writeSketchBody`): a reader of counts alone skips it;
 * 5. only when the bucket counts maintenance results: a 0, then that count. A 0 can never start
 *    the next entry (indices ascend from 0, so a following index is at least 1), which is why the
 *    extension needs no new format version and runs written before it read unchanged.
 * The key (monitor, region, resolution, start) is not written: the row holding the run has it.
 */
export function encodeRunEntry(bucket: RollupBucket, index: number): Uint8Array {
  entryScratch.reset();
  writeRunEntry(entryScratch, bucket, index);
  return entryScratch.bytes();
}

function writeRunEntry(out: ByteWriter, bucket: RollupBucket, index: number): void {
  out.varint(index);
  out.varint(bucket.up);
  out.varint(bucket.degraded);
  out.varint(bucket.down);
  writeLatencies(out, bucket);
  const maintenance = bucket.maintenance ?? 0;
  if (maintenance > 0) {
    out.varint(0);
    out.varint(maintenance);
  }
}

function writeLatencies(out: ByteWriter, bucket: RollupBucket): void {
  if (bucket.up + bucket.degraded === 0) return;
  const { latencyMinUs: min, latencyMaxUs: max } = bucket;
  if (min === null || max === null) throw new RangeError('a bucket with latencies has no min or max');
  out.varint(min);
  out.varint(max - min);
  if (max === min) return;
  out.varint(bucket.latencySumUs);
  sketchScratch.reset();
  writeSketchBody(sketchScratch, bucket.sketch);
  out.varint(sketchScratch.pos);
  out.appendWriter(sketchScratch);
}

/** Reads the maintenance extension at the reader, if one starts there: its count, 0 without one, null on bad bytes. */
function readMaintenance(reader: ByteReader): number | null {
  if (reader.pos >= reader.bytes.length || reader.bytes[reader.pos] !== 0) return 0;
  reader.pos += 1;
  const count = readVarint(reader);
  return count === null || count === 0 ? null : count;
}

const runScratch = new ByteWriter(4096);

/** A run's bytes: the version byte, then the entries, which the caller gives by ascending index. */
export function joinRunEntries(entries: readonly Uint8Array[]): Uint8Array {
  runScratch.reset();
  runScratch.byte(BUCKET_RUN_FORMAT_VERSION);
  for (const entry of entries) runScratch.append(entry);
  return runScratch.bytes();
}

/**
 * Builds a run's bytes in one buffer, entries given by ascending index: each encoded in place, or
 * copied as bytes from an older version of the run. Equal to {@link joinRunEntries} of the same
 * entries, without a copy of each entry on the way.
 */
export class RunBuilder {
  readonly #out = new ByteWriter(4096);

  /** Starts a new run (its version byte). */
  begin(): void {
    this.#out.reset();
    this.#out.byte(BUCKET_RUN_FORMAT_VERSION);
  }

  /** Bytes written so far: where the next entry begins. */
  get length(): number {
    return this.#out.pos;
  }

  /** Appends a bucket's entry, as {@link encodeRunEntry} encodes it. */
  entry(bucket: RollupBucket, index: number): void {
    writeRunEntry(this.#out, bucket, index);
  }

  /** Appends whole entries copied from `bytes[from, to)`. */
  copy(bytes: Uint8Array, from: number, to: number): void {
    this.#out.append(bytes.subarray(from, to));
  }

  /** A copy of the run built since {@link begin}. */
  bytes(): Uint8Array {
    return this.#out.bytes();
  }
}

/**
 * The entries of a run's bytes, checking its structure: the version, indices ascending below
 * `length`, every entry complete, nothing after the last. Sketches are skipped, not checked:
 * {@link decodeRunEntry} checks them. An error, never a throw, on bad bytes.
 */
export function splitBucketRun(bytes: Uint8Array, length: number): Result<RunEntry[], string> {
  if (bytes.length === 0) return err('is empty');
  if (bytes[0] !== BUCKET_RUN_FORMAT_VERSION) return err(`has unknown format version ${bytes[0]}`);
  const reader = { bytes, pos: 1 };
  const entries: RunEntry[] = [];
  let previous = -1;
  while (reader.pos < bytes.length) {
    const begin = reader.pos;
    const head = readHead(reader);
    if (head === null) return err('is truncated or holds an oversized number');
    if (head.index <= previous || head.index >= length) {
      return err(`has bucket index ${head.index} after ${previous} in a run of ${length}`);
    }
    if (head.sketchBytes > bytes.length - reader.pos) return err('is truncated');
    reader.pos += head.sketchBytes;
    const maintenance = readMaintenance(reader);
    if (maintenance === null) return err('has a bad maintenance count');
    const { index, up, degraded, down } = head;
    entries.push({ index, up, degraded, down, maintenance, bytes: bytes.subarray(begin, reader.pos) });
    previous = head.index;
  }
  return ok(entries);
}

/**
 * The bucket an entry holds, under `key` (whose start is the run's start + index × resolution),
 * validated as shared's `decodeBucket` validates a row: latency figures present exactly when
 * there are up or degraded results, and a sketch holding exactly that many latencies.
 */
export function decodeRunEntry(entry: Uint8Array, key: BucketKey): Result<RollupBucket, string> {
  const reader = { bytes: entry, pos: 0 };
  const head = readHead(reader);
  if (head === null) return err('is truncated or holds an oversized number');
  const sketchEnd = reader.pos + head.sketchBytes;
  if (sketchEnd > entry.length) return err('has a sketch of the wrong length');
  const tail = { bytes: entry, pos: sketchEnd };
  const maintenance = readMaintenance(tail);
  if (maintenance === null || tail.pos !== entry.length) return err('has a sketch of the wrong length');
  const answered = head.up + head.degraded;
  const count = answered + head.down;
  if (!Number.isSafeInteger(count)) return err('counts more results than can be counted');
  if (key.start % RESOLUTION_MS[key.resolution] !== 0) return err(`starts off a ${key.resolution} boundary`);
  let sketch = new LatencySketch();
  let sumUs = head.sumUs;
  if (answered === 0) {
    // No latencies: no sketch body, an empty sketch.
  } else if (head.minUs === head.maxUs) {
    sumUs = answered * head.minUs;
    if (!Number.isSafeInteger(sumUs)) return err('sums more latency than can be counted');
    if (head.minUs > 0) sketch.addBin(sketchKey(head.minUs), answered);
    else {
      sketch.zeroCount = answered;
      sketch.count = answered;
    }
  } else {
    const body = { bytes: entry.subarray(0, sketchEnd), pos: reader.pos };
    const read = readSketchBody(body);
    if (!read.ok) return err(`has a sketch that ${read.error}`);
    if (body.pos !== sketchEnd) return err('has a sketch of the wrong length');
    sketch = read.value;
  }
  if (sketch.count !== answered) {
    return err(`has a sketch of ${sketch.count} latencies but up + degraded is ${answered}`);
  }
  return ok({
    monitorId: key.monitorId,
    region: key.region,
    resolution: key.resolution,
    start: key.start,
    up: head.up,
    degraded: head.degraded,
    down: head.down,
    count,
    ...(maintenance > 0 ? { maintenance } : {}),
    latencySumUs: sumUs,
    latencyMinUs: answered > 0 ? head.minUs : null,
    latencyMaxUs: answered > 0 ? head.maxUs : null,
    sketch,
  });
}

interface EntryHead {
  index: number;
  up: number;
  degraded: number;
  down: number;
  minUs: number;
  maxUs: number;
  /** 0 when the entry has no latencies or all were the minimum. */
  sumUs: number;
  /** Length of the sketch body that follows the head; 0 when the sketch is implied. */
  sketchBytes: number;
}

/** The entry's fields up to its sketch body, leaving the reader at the body; null on bad bytes. */
function readHead(reader: ByteReader): EntryHead | null {
  const index = readVarint(reader);
  const up = readVarint(reader);
  const degraded = readVarint(reader);
  const down = readVarint(reader);
  if (index === null || up === null || degraded === null || down === null) return null;
  const head = { index, up, degraded, down, minUs: 0, maxUs: 0, sumUs: 0, sketchBytes: 0 };
  if (up + degraded === 0) return head;
  const minUs = readVarint(reader);
  const spread = readVarint(reader);
  if (minUs === null || spread === null || !Number.isSafeInteger(minUs + spread)) return null;
  head.minUs = minUs;
  head.maxUs = minUs + spread;
  if (spread === 0) return head;
  const sumUs = readVarint(reader);
  const sketchBytes = readVarint(reader);
  if (sumUs === null || sketchBytes === null) return null;
  head.sumUs = sumUs;
  head.sketchBytes = sketchBytes;
  return head;
}
