import { LatencySketch, MAX_SKETCH_KEY, sketchKey } from './latency-sketch.js';
import { varintAt, varintEnd } from './varint-at.js';

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
   * entry must be one run-entry-scan's `scanRun` found decoding (readers check entries as they
   * read them); it throws on one that does not decode.
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

/**
 * Walks the sketch body in `bytes[pos, end)` as sketch-codec's `readSketchBody` reads it, holding
 * exactly `answered` values, and adds its latencies to `tally` in the same pass when one is given:
 * 1 when whole (its zeros added too), 0 when bad before any bin was added, -1 when bad after some
 * were (they stay). Bin gaps and counts are mostly one byte: read inline.
 */
export function walkSketchBody(
  bytes: Uint8Array,
  pos: number,
  end: number,
  answered: number,
  tally: SketchTally | null,
): -1 | 0 | 1 {
  const zeroCount = varintAt(bytes, pos, end);
  if (zeroCount < 0) return 0;
  const binCount = varintAt(bytes, varintEnd.pos, end);
  if (binCount < 0 || binCount > MAX_SKETCH_KEY + 1) return 0;
  let at = varintEnd.pos;
  let total = zeroCount;
  let previous = -1;
  for (let i = 0; i < binCount; i++) {
    let gap = at < end ? bytes[at]! : 0x80;
    if (gap < 0x80) at += 1;
    else {
      gap = varintAt(bytes, at, end);
      if (gap < 0) return previous < 0 || tally === null ? 0 : -1;
      at = varintEnd.pos;
    }
    let count = at < end ? bytes[at]! : 0x80;
    if (count < 0x80) at += 1;
    else {
      count = varintAt(bytes, at, end);
      if (count < 0) return previous < 0 || tally === null ? 0 : -1;
      at = varintEnd.pos;
    }
    const key = previous + 1 + gap;
    if (key > MAX_SKETCH_KEY || count === 0 || !Number.isSafeInteger(total + count))
      return previous < 0 || tally === null ? 0 : -1;
    total += count;
    previous = key;
    tally?.addBin(key, count);
  }
  if (at !== end || total !== answered) return previous < 0 || tally === null ? 0 : -1;
  tally?.addZeros(zeroCount);
  return 1;
}

/**
 * Adds the latencies of the entry at `bytes[begin, end)`, one run-entry-scan's `scanRun` found
 * decoding: false when it does not read as one.
 */
function tallyEntry(bytes: Uint8Array, begin: number, end: number, tally: SketchTally): boolean {
  if (varintAt(bytes, begin, end) < 0) return false;
  const up = varintAt(bytes, varintEnd.pos, end);
  if (up < 0) return false;
  const degraded = varintAt(bytes, varintEnd.pos, end);
  if (degraded < 0 || varintAt(bytes, varintEnd.pos, end) < 0) return false;
  const answered = up + degraded;
  if (answered === 0) return true;
  const min = varintAt(bytes, varintEnd.pos, end);
  if (min < 0) return false;
  const spread = varintAt(bytes, varintEnd.pos, end);
  if (spread < 0) return false;
  if (spread === 0) {
    if (min > 0) tally.addBin(sketchKey(min), answered);
    else tally.addZeros(answered);
    return true;
  }
  // The latency sum, then the body's length and the body.
  if (varintAt(bytes, varintEnd.pos, end) < 0) return false;
  const length = varintAt(bytes, varintEnd.pos, end);
  if (length < 0) return false;
  const body = varintEnd.pos;
  return walkSketchBody(bytes, body, body + length, answered, tally) === 1;
}
