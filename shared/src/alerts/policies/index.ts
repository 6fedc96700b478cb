export * from './alert-rule.js';
export * from './delivery-record.js';
export * from './escalation-policy.js';
export * from './maintenance-window.js';
export * from './notification-schedule.js';
