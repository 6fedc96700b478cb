import {
  type BucketKey,
  decodeRunEntry,
  type LatencySketch,
  type Resolution,
  type RollupBucket,
  type ScannedEntry,
  type SketchTally,
} from '@vantage/shared';

/** The latencies of a whole line of {@link LazyBucket}s (made together), tallied as they were read. */
export interface LineTally {
  readonly tally: SketchTally;
  /** How many buckets the line has. */
  readonly size: number;
}

/** A bucket's counts and latency figures, as a run's entry holds them. */
export type BucketFigures = Omit<ScannedEntry, 'index' | 'begin' | 'end' | 'decodes' | 'spoiled'>;

/**
 * A rollup bucket read from a stored run whose sketch is decoded on first use: figures that only
 * count, or that tally sketches from their bytes ({@link tallyLatencies}), never build it. Its
 * entry was checked when read (shared's `scanRun`), so the decode cannot fail. It keeps the run's
 * buffer and the entry's place in it rather than a view per bucket.
 */
export class LazyBucket implements RollupBucket {
  readonly monitorId: string;
  readonly region: string;
  readonly resolution: Resolution;
  readonly start: number;
  up: number;
  degraded: number;
  down: number;
  count: number;
  // Only set when positive, as decoded buckets have it (absent when 0).
  declare maintenance?: number;
  latencySumUs: number;
  latencyMinUs: number | null;
  latencyMaxUs: number | null;
  #bytes: Uint8Array | null;
  readonly #begin: number;
  readonly #end: number;
  #sketch: LatencySketch | null = null;

  #line: LineTally | null;

  constructor(
    key: BucketKey,
    figures: BucketFigures,
    bytes: Uint8Array,
    begin: number,
    end: number,
    line: LineTally | null = null,
  ) {
    this.monitorId = key.monitorId;
    this.region = key.region;
    this.resolution = key.resolution;
    this.start = key.start;
    this.up = figures.up;
    this.degraded = figures.degraded;
    this.down = figures.down;
    this.count = figures.count;
    if (figures.maintenance > 0) this.maintenance = figures.maintenance;
    this.latencySumUs = figures.latencySumUs;
    this.latencyMinUs = figures.latencyMinUs;
    this.latencyMaxUs = figures.latencyMaxUs;
    this.#bytes = bytes;
    this.#begin = begin;
    this.#end = end;
    this.#line = line;
  }

  /** The line this bucket was made with, while its latencies are those it was read with. */
  get line(): LineTally | null {
    return this.#line;
  }

  /** The bucket's sketch, decoded from its entry the first time it is asked for. */
  get sketch(): LatencySketch {
    if (this.#sketch === null) {
      const decoded = decodeRunEntry(this.#bytes!.subarray(this.#begin, this.#end), this);
      if (!decoded.ok) throw new Error(`a checked run entry does not decode: it ${decoded.error}`);
      this.#sketch = decoded.value.sketch;
      this.#bytes = null;
    }
    return this.#sketch;
  }

  set sketch(sketch: LatencySketch) {
    this.#sketch = sketch;
    this.#bytes = null;
    this.#line = null;
  }

  /** Adds the bucket's latencies to `tally`, from its entry's bytes while the sketch is not decoded. */
  tallyInto(tally: SketchTally): void {
    if (this.#bytes !== null) tally.addRunEntry(this.#bytes, this.#begin, this.#end);
    else tally.addSketch(this.sketch);
  }
}

/** Adds a bucket's latencies to `tally`: a {@link LazyBucket}'s without decoding its sketch. */
export function tallyLatencies(tally: SketchTally, bucket: RollupBucket): void {
  if (bucket instanceof LazyBucket) bucket.tallyInto(tally);
  else tally.addSketch(bucket.sketch);
}

/**
 * Adds the latencies of `buckets` to `tally`: the tally of their line when they are exactly one
 * line of {@link LazyBucket}s made together (all of it, oldest first), otherwise bucket by bucket.
 */
export function tallyBuckets(tally: SketchTally, buckets: readonly RollupBucket[]): void {
  const line = wholeLine(buckets);
  if (line !== null) tally.addTally(line.tally);
  else for (const bucket of buckets) tallyLatencies(tally, bucket);
}

function wholeLine(buckets: readonly RollupBucket[]): LineTally | null {
  const first = buckets[0];
  const line = first instanceof LazyBucket ? first.line : null;
  if (line === null || line.size !== buckets.length) return null;
  let previous = Number.NEGATIVE_INFINITY;
  for (const bucket of buckets) {
    if (!(bucket instanceof LazyBucket) || bucket.line !== line || bucket.start <= previous) return null;
    previous = bucket.start;
  }
  return line;
}
