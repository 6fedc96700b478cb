/** The status evaluator: region and monitor statuses, quorum, dependencies and incidents. */
export * from './evaluated-monitor.js';
export * from './evaluator-events.js';
export * from './evaluator-outputs.js';
export { EvaluatorSnapshot } from './evaluator-snapshot.js';
export * from './incident.js';
export { STALE_AFTER_INTERVALS } from './monitor-record.js';
export { quorumMet } from './monitor-status.js';
export { MonitorStatus, RegionStatus } from './status.js';
export { Evaluator, type RegionView } from './status-evaluator.js';
