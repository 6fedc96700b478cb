/**
 * Relative accuracy of every latency sketch: a reported quantile is within 1 % of a latency that
 * was really seen. Sketches of different accuracy cannot merge, so changing this needs a new
 * sketch codec version and a rebuild of stored rollups.
 */
export const SKETCH_RELATIVE_ACCURACY = 0.01;

/** One non-empty sketch bin: its key in the sketch's logarithmic mapping and how many values it holds. */
export type SketchBin = readonly [key: number, count: number];

/** A sketch's content as plain data: how many zero latencies it holds and its non-empty bins by ascending key. */
export interface SketchContent {
  zeroCount: number;
  bins: SketchBin[];
}

// DDSketch's logarithmic mapping, computed exactly as @datadog/sketches-js computes it (same
// operations in the same order), so keys, quantiles and the stored bytes stay those of version 1.
const GAMMA_MANTISSA = (2 * SKETCH_RELATIVE_ACCURACY) / (1 - SKETCH_RELATIVE_ACCURACY);
const GAMMA = 1 + GAMMA_MANTISSA;
const MULTIPLIER = (1 / Math.log1p(GAMMA_MANTISSA)) * Math.log(2);
const VALUE_SCALE = 2 / (1 + GAMMA);
// Values at or below this count as zero, as in the library (2⁻¹⁰²³ × γ).
const MIN_POSSIBLE = 2 ** -1023 * GAMMA;

/** The bin key of a positive value in the sketch's logarithmic mapping. */
export function sketchKey(value: number): number {
  return Math.ceil(Math.log2(value) * MULTIPLIER);
}

/** What {@link sketchBin} gives for a value the sketch counts as zero (it has no key). */
export const ZERO_BIN = Number.NEGATIVE_INFINITY;

/**
 * The bin a value falls in: its key, or {@link ZERO_BIN}. Throws on a negative or non-finite value.
 * Computed once, it records one value in many sketches with {@link LatencySketch.acceptBin}.
 */
export function sketchBin(value: number): number {
  if (!(value >= 0) || value === Number.POSITIVE_INFINITY) {
    throw new RangeError(`a latency sketch holds finite, non-negative values, got ${value}`);
  }
  return value <= MIN_POSSIBLE ? ZERO_BIN : sketchKey(value);
}

/** The value a bin key stands for: within the relative accuracy of every value mapped to it. */
export function sketchValue(key: number): number {
  return 2 ** (key / MULTIPLIER) * VALUE_SCALE;
}

const NO_BINS = Object.freeze([]) as unknown as number[];

/**
 * A mergeable latency quantile sketch holding integer microseconds: DDSketch with a logarithmic
 * mapping at {@link SKETCH_RELATIVE_ACCURACY}, storing only non-empty bins.
 *
 * Our own store rather than the library's: its dense store allocates 128 slots (two arrays, 3–4 kB)
 * the moment a sketch sees its first value, and ingest opens a sketch per bucket per result, so that
 * allocation and its garbage collection were most of ingest. A minute holds one or a few keys, a
 * day a few hundred, so sorted parallel arrays that grow by one key at a time are both smaller and
 * faster here. Keys, quantiles and merge results equal the library's (a property test checks).
 */
export class LatencySketch {
  /** Values recorded as 0 (a latency of 0 µs). */
  zeroCount = 0;
  /** All values recorded, zeros included. */
  count = 0;
  // Ascending keys and their counts; never an empty bin. Empty sketches share one frozen array
  // (a bucket has a sketch, and most are built, filled once and dropped): code that grows the
  // arrays replaces them while empty (see #add), and writing into the shared one would throw.
  #keys: number[] = NO_BINS;
  #counts: number[] = NO_BINS;

  /** Records one value: 0 or a positive number of µs. Throws on a negative or non-finite value. */
  accept(value: number): void {
    this.acceptBin(sketchBin(value));
  }

  /** Records one value by the bin {@link sketchBin} gave for it. */
  acceptBin(bin: number): void {
    this.count += 1;
    if (bin === ZERO_BIN) this.zeroCount += 1;
    else this.#add(bin, 1);
  }

  /** Adds every value of `other` into this sketch; `other` is left unchanged. */
  merge(other: LatencySketch): void {
    this.count += other.count;
    this.zeroCount += other.zeroCount;
    const keys = other.#keys;
    const counts = other.#counts;
    if (keys.length === 0) return;
    if (this.#keys.length === 0) {
      this.#keys = keys.slice();
      this.#counts = counts.slice();
      return;
    }
    // Few keys (a minute into an hour): insert one by one. Many: one linear merge.
    if (keys.length <= 8) {
      for (let i = 0; i < keys.length; i++) this.#add(keys[i]!, counts[i]!);
      return;
    }
    this.#mergeSorted(keys, counts);
  }

  /**
   * The value at quantile `q` (0 … 1), as DDSketch answers it: the bin holding rank q × (count − 1),
   * counting zeros first. NaN when the sketch is empty or `q` is outside 0 … 1.
   */
  getValueAtQuantile(q: number): number {
    if (q < 0 || q > 1 || this.count === 0) return Number.NaN;
    const rank = q * (this.count - 1);
    if (rank < this.zeroCount) return 0;
    const rest = rank - this.zeroCount;
    const keys = this.#keys;
    const counts = this.#counts;
    let running = 0;
    for (let i = 0; i < keys.length; i++) {
      running += counts[i]!;
      if (running > rest) return sketchValue(keys[i]!);
    }
    return sketchValue(keys[keys.length - 1]!);
  }

  /**
   * Records `count` values in the bin of `key`, for decoders rebuilding a stored sketch. Bins given in
   * ascending key order are appended without a search.
   */
  addBin(key: number, count: number): void {
    if (!(count > 0) || !Number.isSafeInteger(count) || !Number.isSafeInteger(key)) {
      throw new RangeError(`a sketch bin needs an integer key and a positive count, got ${key} × ${count}`);
    }
    this.count += count;
    this.#add(key, count);
  }

  /** The non-empty bins as plain data, by ascending key. */
  bins(): SketchBin[] {
    const out: SketchBin[] = new Array(this.#keys.length);
    for (let i = 0; i < out.length; i++) out[i] = [this.#keys[i]!, this.#counts[i]!];
    return out;
  }

  /** Calls `visit` with each non-empty bin by ascending key, without allocating. */
  forEachBin(visit: (key: number, count: number) => void): void {
    for (let i = 0; i < this.#keys.length; i++) visit(this.#keys[i]!, this.#counts[i]!);
  }

  /** How many non-empty bins there are. */
  get binCount(): number {
    return this.#keys.length;
  }

  #add(key: number, weight: number): void {
    const keys = this.#keys;
    let hi = keys.length;
    if (hi === 0) {
      // Literals of one item: a first push would reserve 16 slots per array, and most sketches
      // (a minute's) never get a second key.
      this.#keys = [key];
      this.#counts = [weight];
      return;
    }
    // Latencies of one series cluster: the newest key is the likeliest, then a binary search.
    if (keys[hi - 1]! < key) {
      keys.push(key);
      this.#counts.push(weight);
      return;
    }
    let lo = 0;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (keys[mid]! < key) lo = mid + 1;
      else hi = mid;
    }
    if (keys[lo] === key) this.#counts[lo]! += weight;
    else {
      keys.splice(lo, 0, key);
      this.#counts.splice(lo, 0, weight);
    }
  }

  #mergeSorted(keys: readonly number[], counts: readonly number[]): void {
    const a = this.#keys;
    const ac = this.#counts;
    const outKeys: number[] = [];
    const outCounts: number[] = [];
    let i = 0;
    let j = 0;
    while (i < a.length || j < keys.length) {
      const ka = i < a.length ? a[i]! : Number.POSITIVE_INFINITY;
      const kb = j < keys.length ? keys[j]! : Number.POSITIVE_INFINITY;
      if (ka < kb) {
        outKeys.push(ka);
        outCounts.push(ac[i++]!);
      } else if (kb < ka) {
        outKeys.push(kb);
        outCounts.push(counts[j++]!);
      } else {
        outKeys.push(ka);
        outCounts.push(ac[i++]! + counts[j++]!);
      }
    }
    this.#keys = outKeys;
    this.#counts = outCounts;
  }
}

/** A new, empty latency sketch. */
export function newSketch(): LatencySketch {
  return new LatencySketch();
}

/**
 * The largest bin key a microsecond latency can map to. Decoders refuse keys above it, so a corrupt
 * blob cannot claim an absurd key.
 */
export const MAX_SKETCH_KEY = sketchKey(Number.MAX_SAFE_INTEGER);

/** The sketch's content as plain data. */
export function sketchContent(sketch: LatencySketch): SketchContent {
  return { zeroCount: sketch.zeroCount, bins: sketch.bins() };
}

/** Rebuilds a sketch from {@link sketchContent}; the caller guarantees keys ascend within [0, MAX_SKETCH_KEY]. */
export function sketchFromContent(content: SketchContent): LatencySketch {
  const sketch = new LatencySketch();
  sketch.zeroCount = content.zeroCount;
  sketch.count = content.zeroCount;
  for (const [key, count] of content.bins) sketch.addBin(key, count);
  return sketch;
}
