import { DDSketch } from '@datadog/sketches-js';

/**
 * Relative accuracy of every latency sketch: a reported quantile is within 1 % of a latency that
 * was really seen. Sketches of different accuracy cannot merge, so changing this needs a new
 * sketch codec version and a rebuild of stored rollups.
 */
export const SKETCH_RELATIVE_ACCURACY = 0.01;

/** A mergeable latency quantile sketch (DDSketch) holding integer microseconds. */
export type LatencySketch = DDSketch;

/** One non-empty sketch bin: its key in the sketch's logarithmic mapping and how many values it holds. */
export type SketchBin = readonly [key: number, count: number];

/** A sketch's content as plain data: how many zero latencies it holds and its non-empty bins by ascending key. */
export interface SketchContent {
  zeroCount: number;
  bins: SketchBin[];
}

/** A new, empty latency sketch. */
export function newSketch(): LatencySketch {
  return new DDSketch({ relativeAccuracy: SKETCH_RELATIVE_ACCURACY });
}

/**
 * The largest bin key a microsecond latency can map to. Decoders refuse keys above it: the
 * library's store is dense, so one corrupt key of 10⁹ would allocate a billion-slot array.
 */
export const MAX_SKETCH_KEY = newSketch().mapping.key(Number.MAX_SAFE_INTEGER);

/**
 * The sketch's content as plain data. Reads the library's dense store directly: only bin counts
 * decide quantiles, while the store's padding and offset depend on the order values arrived in.
 */
export function sketchContent(sketch: LatencySketch): SketchContent {
  const { bins, offset } = sketch.store;
  const out: SketchBin[] = [];
  for (let i = 0; i < bins.length; i++) {
    const count = bins[i]!;
    if (count !== 0) out.push([i + offset, count]);
  }
  return { zeroCount: sketch.zeroCount, bins: out };
}

/** Rebuilds a sketch from {@link sketchContent}; the caller guarantees keys ascend within [0, MAX_SKETCH_KEY]. */
export function sketchFromContent(content: SketchContent): LatencySketch {
  const sketch = newSketch();
  for (const [key, count] of content.bins) sketch.store.add(key, count);
  // The library derives `count` only in its constructor and in accept(); we filled the store directly.
  sketch.zeroCount = content.zeroCount;
  sketch.count = content.zeroCount + sketch.store.count;
  return sketch;
}
