export * from './condition.js';
export type { ConditionParseError } from './condition-parse-error.js';
export { operatorsFor, type ValueRule, valueRuleFor } from './condition-rules.js';
export * from './evaluate-condition.js';
export * from './evaluate-conditions.js';
export * from './format-condition.js';
export type { Observation } from './observation.js';
export { parseCondition } from './parse-condition.js';
