export * from './csv.js';
export * from './down-runs.js';
export * from './outages.js';
export * from './sla-figures.js';
