/** @vantage/shared: the pure core every other part of Vantage imports. */
export * from './analytics/index.js';
export * from './collections/indexed-heap.js';
export * from './conditions/index.js';
export * from './errors.js';
export * from './evaluator/index.js';
export * from './monitor/index.js';
export * from './protocol/index.js';
export * from './result.js';
export * from './results/check-result.js';
export * from './results/kept-verdicts.js';
export * from './rollups/index.js';
export * from './units/duration.js';
export * from './validation/field-errors.js';
export * from './config/parse-config-text.js';
export * from './alerts/index.js';
export * from './status-pages/index.js';
export * from './heartbeats/index.js';
