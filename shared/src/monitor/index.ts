export * from './effective-conditions.js';
export * from './monitor-defaults.js';
export * from './monitor-schema.js';
export * from './validate-monitor.js';
