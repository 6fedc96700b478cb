import type { Condition, Severity, SubjectKind } from './condition.js';
import type { ConditionOutcome, Evaluate, EvaluatorFactory } from './condition-phrases.js';
import { formatCondition } from './format-condition.js';
import { compileJson } from './json-evaluator.js';
import {
  compileCertExpiresIn,
  compileConnected,
  compileResponseTime,
  compileStatus,
  compileTtfb,
} from './measure-evaluators.js';
import type { Observation } from './observation.js';
import { compileBody, compileDnsAnswers, compileHeader } from './text-evaluators.js';

export type { ConditionOutcome } from './condition-phrases.js';

/** A condition prepared for repeated evaluation: regexes compiled, sentences half-built. */
export interface CompiledCondition {
  readonly condition: Condition;
  /** The canonical text, as verdicts report it. */
  readonly text: string;
  readonly severity: Severity;
  /** Evaluates the condition against one observation. */
  readonly evaluate: Evaluate;
}

const FACTORIES: Record<SubjectKind, EvaluatorFactory> = {
  status: compileStatus,
  response_time: compileResponseTime,
  ttfb: compileTtfb,
  cert_expires_in: compileCertExpiresIn,
  connected: compileConnected,
  body: compileBody,
  header: compileHeader,
  'dns.answers': compileDnsAnswers,
  json: compileJson,
};

// Conditions are immutable once parsed, so each is compiled once however often it is evaluated.
const compiledConditions = new WeakMap<Condition, CompiledCondition>();

/** Compiles a parsed condition once; later calls with the same object return the same result. */
export function compileCondition(condition: Condition): CompiledCondition {
  const cached = compiledConditions.get(condition);
  if (cached !== undefined) return cached;
  const compiled: CompiledCondition = {
    condition,
    text: formatCondition(condition),
    severity: condition.severity,
    evaluate: FACTORIES[condition.subject.kind](condition),
  };
  compiledConditions.set(condition, compiled);
  return compiled;
}

/** Whether an observation passes a condition, with a sentence a user understands either way. */
export function evaluateCondition(condition: Condition, obs: Observation): ConditionOutcome {
  return compileCondition(condition).evaluate(obs);
}
