export * from './bucket-summary.js';
export { type LatencySketch, SKETCH_RELATIVE_ACCURACY } from './latency-sketch.js';
export * from './resolution.js';
export * from './rollup-bucket.js';
export * from './rollup-builder.js';
export * from './rollup-codec.js';
export { SKETCH_FORMAT_VERSION } from './sketch-codec.js';
export type { TimeSpan } from './time-spans.js';
export * from './uptime.js';
