import { BUCKET_RUN_FORMAT_VERSION } from './bucket-run-codec.js';
import { LatencySketch, MAX_SKETCH_KEY, sketchKey } from './latency-sketch.js';

/** One entry of a run as {@link scanRun} reads it: where it lies, and its figures without its sketch. */
export interface ScannedEntry {
  /** The bucket's position in the run. */
  index: number;
  /** The entry's bytes are [begin, end) of the run's buffer. */
  begin: number;
  end: number;
  /** False when the entry is whole but does not decode (`decodeRunEntry` refuses it): skip it. */
  decodes: boolean;
  /** True when a tally given to {@link scanRun} got some bins of this entry, which does not decode. */
  spoiled: boolean;
  up: number;
  degraded: number;
  down: number;
  /** up + degraded + down. */
  count: number;
  /** 0 when the entry has no maintenance extension. */
  maintenance: number;
  latencySumUs: number;
  latencyMinUs: number | null;
  latencyMaxUs: number | null;
}

/**
 * Adds the latencies of many sketches into one: a count per bin key in a dense array, so that
 * merging a month of day sketches costs an addition per bin instead of a sorted merge (and its
 * arrays) per sketch. {@link SketchTally.sketch} gives the merged sketch, equal to merging them all.
 */
export class SketchTally {
  // Counts of keys base … base + counts.length - 1: the window grows to fit the keys added (a
  // monitor's latencies span a few hundred keys of the thousands there are).
  #base = 0;
  #counts = new Float64Array(0);
  #lowest = MAX_SKETCH_KEY + 1;
  #highest = -1;
  #zeroCount = 0;

  /** Forgets every latency added. */
  reset(): void {
    if (this.#highest >= this.#lowest) {
      this.#counts.fill(0, this.#lowest - this.#base, this.#highest - this.#base + 1);
    }
    this.#lowest = MAX_SKETCH_KEY + 1;
    this.#highest = -1;
    this.#zeroCount = 0;
  }

  /** Adds every latency of a sketch. */
  addSketch(sketch: LatencySketch): void {
    this.#zeroCount += sketch.zeroCount;
    sketch.forEachBin((key, count) => this.addBin(key, count));
  }

  /** Adds every latency of another tally. */
  addTally(other: SketchTally): void {
    this.#zeroCount += other.#zeroCount;
    for (let key = other.#lowest; key <= other.#highest; key++) {
      const count = other.#counts[key - other.#base]!;
      if (count > 0) this.addBin(key, count);
    }
  }

  /**
   * Adds the latencies of the run entry at `bytes[begin, end)` without building its sketch. The
   * entry must be one {@link scanRun} found decoding (readers check entries as they read them); it
   * throws on one whose fields end early.
   */
  addRunEntry(bytes: Uint8Array, begin: number, end: number): void {
    if (!tallyEntry(bytes, begin, end, this)) {
      throw new RangeError('a run entry added to a tally does not decode');
    }
  }

  /** Adds `count` latencies of bin `key`; for readers of sketch bytes (keys within 0 … MAX_SKETCH_KEY). */
  addBin(key: number, count: number): void {
    if (key < this.#base || key >= this.#base + this.#counts.length) this.#fit(key);
    this.#counts[key - this.#base]! += count;
    if (key < this.#lowest) this.#lowest = key;
    if (key > this.#highest) this.#highest = key;
  }

  /** Adds the `binCount` bins of a sketch body at `bytes[pos]`, which the caller has checked. */
  addBody(bytes: Uint8Array, pos: number, binCount: number): void {
    if (binCount === 0) return;
    const end = bytes.length;
    let counts = this.#counts;
    let base = this.#base;
    let at = pos;
    let key = -1;
    let first = -1;
    for (let i = 0; i < binCount; i++) {
      let gap = bytes[at]!;
      if (gap < 0x80) at += 1;
      else {
        gap = varintAt(bytes, at, end);
        at = cursor;
      }
      let count = bytes[at]!;
      if (count < 0x80) at += 1;
      else {
        count = varintAt(bytes, at, end);
        at = cursor;
      }
      key += 1 + gap;
      if (first < 0) first = key;
      if (key < base || key >= base + counts.length) {
        this.#fit(key);
        counts = this.#counts;
        base = this.#base;
      }
      counts[key - base]! += count;
    }
    // Keys ascend within a body: its first and last are its extremes.
    if (first < this.#lowest) this.#lowest = first;
    if (key > this.#highest) this.#highest = key;
  }

  /**
   * Checks the sketch body in bytes [pos, end) as {@link scanRun} does and adds its latencies in
   * the same pass: 1 when whole (all added), 0 when bad before any bin was added, -1 when bad after
   * some were (they stay).
   */
  addCheckedBody(bytes: Uint8Array, pos: number, end: number, answered: number): -1 | 0 | 1 {
    const zeroCount = varintAt(bytes, pos, end);
    if (zeroCount < 0) return 0;
    const binCount = varintAt(bytes, cursor, end);
    if (binCount < 0 || binCount > MAX_SKETCH_KEY + 1) return 0;
    let at = cursor;
    let total = zeroCount;
    let previous = -1;
    let counts = this.#counts;
    let base = this.#base;
    let first = -1;
    for (let i = 0; i < binCount; i++) {
      let gap = at < end ? bytes[at]! : 0x80;
      if (gap < 0x80) at += 1;
      else {
        gap = varintAt(bytes, at, end);
        if (gap < 0) return first < 0 ? 0 : -1;
        at = cursor;
      }
      let count = at < end ? bytes[at]! : 0x80;
      if (count < 0x80) at += 1;
      else {
        count = varintAt(bytes, at, end);
        if (count < 0) return first < 0 ? 0 : -1;
        at = cursor;
      }
      const key = previous + 1 + gap;
      if (key > MAX_SKETCH_KEY || count === 0 || !Number.isSafeInteger(total + count)) {
        return first < 0 ? 0 : -1;
      }
      total += count;
      previous = key;
      if (first < 0) first = key;
      if (key < base || key >= base + counts.length) {
        this.#fit(key);
        counts = this.#counts;
        base = this.#base;
      }
      counts[key - base]! += count;
      if (key < this.#lowest) this.#lowest = key;
      if (key > this.#highest) this.#highest = key;
    }
    if (at !== end || total !== answered) return first < 0 ? 0 : -1;
    this.#zeroCount += zeroCount;
    return 1;
  }

  /** Adds `count` zero latencies. */
  addZeros(count: number): void {
    this.#zeroCount += count;
  }

  /** A new sketch holding every latency added. */
  sketch(): LatencySketch {
    const sketch = new LatencySketch();
    sketch.zeroCount = this.#zeroCount;
    sketch.count = this.#zeroCount;
    for (let key = this.#lowest; key <= this.#highest; key++) {
      const count = this.#counts[key - this.#base]!;
      if (count > 0) sketch.addBin(key, count);
    }
    return sketch;
  }

  /** Widens the window to hold `key` (with room to spare on that side), keeping the counts. */
  #fit(key: number): void {
    const length = this.#counts.length;
    if (length === 0) {
      this.#base = Math.max(0, key - 64);
      this.#counts = new Float64Array(Math.min(256, MAX_SKETCH_KEY + 1 - this.#base));
      return;
    }
    const low = key < this.#base ? Math.max(0, Math.min(key, this.#base - length)) : this.#base;
    const high = Math.min(
      MAX_SKETCH_KEY + 1,
      key >= this.#base + length ? Math.max(key + 1, this.#base + 2 * length) : this.#base + length,
    );
    const counts = new Float64Array(high - low);
    counts.set(this.#counts, this.#base - low);
    this.#base = low;
    this.#counts = counts;
  }
}

/** The position after the varint {@link varintAt} read last. */
let cursor = 0;

/**
 * The varint at `bytes[pos]` (ending before `end`), leaving {@link cursor} after it; -1 when the
 * bytes end first or it does not fit a safe integer (as varint.ts's readVarint, without a reader
 * object per call: these functions run for every bucket of every monitor of the SLA overview).
 */
function varintAt(bytes: Uint8Array, pos: number, end: number): number {
  let value = 0;
  let scale = 1;
  let at = pos;
  while (at < end) {
    const byte = bytes[at++]!;
    value += (byte % 0x80) * scale;
    if (byte < 0x80) {
      cursor = at;
      return Number.isSafeInteger(value) ? value : -1;
    }
    scale *= 0x80;
    if (scale > Number.MAX_SAFE_INTEGER) return -1;
  }
  return -1;
}

/** A new {@link ScannedEntry} for {@link scanRun} to fill. */
export function emptyScannedEntry(): ScannedEntry {
  return {
    index: 0,
    begin: 0,
    end: 0,
    decodes: false,
    spoiled: false,
    up: 0,
    degraded: 0,
    down: 0,
    count: 0,
    maintenance: 0,
    latencySumUs: 0,
    latencyMinUs: null,
    latencyMaxUs: null,
  };
}

/** Which entries of a run {@link scanRun} checks and visits, and where it tallies their latencies. */
export interface ScanOptions {
  /** The entries wanted are those at indices [fromIndex, toIndex) of the run; others are only split. */
  fromIndex: number;
  toIndex: number;
  /**
   * Where to add the latencies of each wanted entry as its sketch body is checked (one pass over
   * the bytes, not two), or null: an entry that turns out not to decode may have left bins in it,
   * which the entry's `spoiled` tells.
   */
  tally: SketchTally | null;
}

/**
 * Reads the run at `bytes[begin, end)` (bucket-run-codec's format, `length` buckets long) as
 * `splitBucketRun` splits it, then each wanted entry as `decodeRunEntry` checks it (sketch bodies
 * walked, not built), calling `visit` with each in `into` (refilled for the next one). False when
 * the run's structure is bad: `splitBucketRun` would refuse the whole run, so the caller drops
 * what it was given of it. Offsets rather than subarrays, and one object refilled: a reader scans a
 * month of days for every monitor.
 */
export function scanRun(
  bytes: Uint8Array,
  begin: number,
  end: number,
  length: number,
  into: ScannedEntry,
  options: ScanOptions,
  visit: (entry: ScannedEntry) => void,
): boolean {
  if (end <= begin || bytes[begin] !== BUCKET_RUN_FORMAT_VERSION) return false;
  let pos = begin + 1;
  let previous = -1;
  while (pos < end) {
    const next = scanEntry(bytes, pos, end, into, options);
    if (next < 0 || into.index <= previous || into.index >= length) return false;
    previous = into.index;
    if (into.index >= options.fromIndex && into.index < options.toIndex) visit(into);
    pos = next;
  }
  return true;
}

/**
 * Reads the entry at `bytes[pos]` into `into`: where it ends, or -1 when the run breaks there.
 * Only a wanted entry's content is checked (and tallied).
 */
function scanEntry(
  bytes: Uint8Array,
  pos: number,
  end: number,
  into: ScannedEntry,
  options: ScanOptions,
): number {
  const index = varintAt(bytes, pos, end);
  if (index < 0) return -1;
  const up = varintAt(bytes, cursor, end);
  if (up < 0) return -1;
  const degraded = varintAt(bytes, cursor, end);
  if (degraded < 0) return -1;
  const down = varintAt(bytes, cursor, end);
  if (down < 0) return -1;
  const answered = up + degraded;
  let minUs = 0;
  let maxUs = 0;
  let sumUs = 0;
  let sketchBytes = 0;
  if (answered > 0) {
    minUs = varintAt(bytes, cursor, end);
    if (minUs < 0) return -1;
    const spread = varintAt(bytes, cursor, end);
    if (spread < 0 || !Number.isSafeInteger(minUs + spread)) return -1;
    maxUs = minUs + spread;
    if (spread > 0) {
      sumUs = varintAt(bytes, cursor, end);
      if (sumUs < 0) return -1;
      sketchBytes = varintAt(bytes, cursor, end);
      if (sketchBytes < 0) return -1;
    }
  }
  const bodyAt = cursor;
  const sketchEnd = bodyAt + sketchBytes;
  if (sketchEnd > end) return -1;
  // The maintenance extension: a 0 (which never starts an entry), then its count.
  let maintenance = 0;
  let entryEnd = sketchEnd;
  if (sketchEnd < end && bytes[sketchEnd] === 0) {
    maintenance = varintAt(bytes, sketchEnd + 1, end);
    if (maintenance <= 0) return -1;
    entryEnd = cursor;
  }
  into.spoiled = false;
  const count = answered + down;
  const tally = options.tally;
  let decodes = index >= options.fromIndex && index < options.toIndex;
  decodes &&= Number.isSafeInteger(count);
  if (decodes && answered > 0 && minUs === maxUs) {
    sumUs = answered * minUs;
    decodes = Number.isSafeInteger(sumUs);
    if (decodes && tally !== null) {
      if (minUs > 0) tally.addBin(sketchKey(minUs), answered);
      else tally.addZeros(answered);
    }
  } else if (decodes && answered > 0 && tally === null) {
    decodes = checkSketchBody(bytes, bodyAt, sketchEnd, answered);
  } else if (decodes && answered > 0 && tally !== null) {
    const added = tally.addCheckedBody(bytes, bodyAt, sketchEnd, answered);
    decodes = added === 1;
    into.spoiled = added === -1;
  }
  into.index = index;
  into.begin = pos;
  into.end = entryEnd;
  into.decodes = decodes;
  into.up = up;
  into.degraded = degraded;
  into.down = down;
  into.count = count;
  into.maintenance = maintenance;
  into.latencySumUs = sumUs;
  into.latencyMinUs = answered > 0 ? minUs : null;
  into.latencyMaxUs = answered > 0 ? maxUs : null;
  return entryEnd;
}

/**
 * Whether the sketch body in bytes [pos, end) reads as sketch-codec's `readSketchBody` reads it,
 * holding exactly `answered` values. Bin gaps and counts are mostly one byte: read inline.
 */
function checkSketchBody(bytes: Uint8Array, pos: number, end: number, answered: number): boolean {
  const zeroCount = varintAt(bytes, pos, end);
  if (zeroCount < 0) return false;
  const binCount = varintAt(bytes, cursor, end);
  if (binCount < 0 || binCount > MAX_SKETCH_KEY + 1) return false;
  let at = cursor;
  let total = zeroCount;
  let previous = -1;
  for (let i = 0; i < binCount; i++) {
    let gap = at < end ? bytes[at]! : 0x80;
    if (gap < 0x80) at += 1;
    else {
      gap = varintAt(bytes, at, end);
      if (gap < 0) return false;
      at = cursor;
    }
    let count = at < end ? bytes[at]! : 0x80;
    if (count < 0x80) at += 1;
    else {
      count = varintAt(bytes, at, end);
      if (count < 0) return false;
      at = cursor;
    }
    const key = previous + 1 + gap;
    if (key > MAX_SKETCH_KEY || count === 0 || !Number.isSafeInteger(total + count)) return false;
    total += count;
    previous = key;
  }
  return at === end && total === answered;
}

/**
 * Adds the latencies of the entry at `bytes[begin, end)`, one {@link scanRun} found decoding,
 * reading only what that needs: false when its fields end early (then it cannot be one).
 */
function tallyEntry(bytes: Uint8Array, begin: number, end: number, tally: SketchTally): boolean {
  if (varintAt(bytes, begin, end) < 0) return false;
  const up = varintAt(bytes, cursor, end);
  if (up < 0) return false;
  const degraded = varintAt(bytes, cursor, end);
  if (degraded < 0 || varintAt(bytes, cursor, end) < 0) return false;
  const answered = up + degraded;
  if (answered === 0) return true;
  const min = varintAt(bytes, cursor, end);
  if (min < 0) return false;
  const spread = varintAt(bytes, cursor, end);
  if (spread < 0) return false;
  if (spread === 0) {
    if (min > 0) tally.addBin(sketchKey(min), answered);
    else tally.addZeros(answered);
    return true;
  }
  // The latency sum and the body's length, then the body's zero count and bin count.
  if (varintAt(bytes, cursor, end) < 0 || varintAt(bytes, cursor, end) < 0) return false;
  const zeroCount = varintAt(bytes, cursor, end);
  if (zeroCount < 0) return false;
  const binCount = varintAt(bytes, cursor, end);
  if (binCount < 0) return false;
  tally.addZeros(zeroCount);
  tally.addBody(bytes, cursor, binCount);
  return true;
}
