/** Heartbeat (push) monitors: schedules, states, runs and the relay's API shapes. */
export * from './heartbeat-api.js';
export * from './heartbeat-runs.js';
export * from './heartbeat-schedule.js';
export * from './heartbeat-state.js';
