import type { Condition } from './condition.js';
import {
  type ConditionOutcome,
  type EvaluatorFactory,
  expectation,
  membership,
  numberPredicate,
  passRelation,
  presence,
  regexOf,
  requiredValue,
  scalarOf,
  showJson,
  valueText,
} from './condition-phrases.js';
import { checkJsonPath, type JsonPathPlan, NOT_FOUND, queryJsonPath } from './json-path.js';
import type { Observation } from './observation.js';

const INVALID = Symbol('invalid JSON');
type ParsedBody = { body: string; doc: unknown };

// Every json condition of a check reads the same body: parse it once per observation. The body
// is compared too, so an observation object reused with a new body is parsed again.
const parsedBodies = new WeakMap<Observation, ParsedBody>();

/** The observation's body as parsed JSON, INVALID, or undefined when there is no body. */
function parsedBody(obs: Observation): unknown {
  const body = obs.body;
  if (body === undefined) return undefined;
  const cached = parsedBodies.get(obs);
  if (cached !== undefined && cached.body === body) return cached.doc;
  let doc: unknown;
  try {
    doc = JSON.parse(body);
  } catch {
    doc = INVALID;
  }
  parsedBodies.set(obs, { body, doc });
  return doc;
}

/** `json $.data.ok == true` → `$.data.ok was false, expected true`. */
export const compileJson: EvaluatorFactory = (c) => {
  const path = c.subject.kind === 'json' ? c.subject.path : '$';
  const checked = checkJsonPath(path, 0, path.length);
  // The parser checked the path already; an AST built by hand with a bad path is a bug.
  if (!checked.ok) throw new Error(`invalid JSONPath ${path}: ${checked.error.message}`);
  const plan = checked.value;
  const { op } = c;
  if (op === 'exists' || op === 'not exists') {
    return (obs) => {
      const found = lookup(plan, obs);
      return typeof found === 'string'
        ? presence(op, null, found)
        : presence(op, `${path} was found (${showJson(found.value)})`, '');
    };
  }
  const judge = jsonJudge(c, path);
  return (obs) => {
    const found = lookup(plan, obs);
    return typeof found === 'string' ? { pass: false, message: found } : judge(found.value);
  };
};

/** The value at the path, or the sentence saying why there is none. */
function lookup(plan: JsonPathPlan, obs: Observation): { value: unknown } | string {
  const doc = parsedBody(obs);
  if (doc === undefined) return `${plan.path} could not be read: body was not observed`;
  if (doc === INVALID) return `${plan.path} could not be read: the body is not JSON`;
  const value = queryJsonPath(plan, doc);
  return value === NOT_FOUND ? `${plan.path} was not found in the body` : { value };
}

function jsonJudge(c: Condition, path: string): (value: unknown) => ConditionOutcome {
  const { op } = c;
  const value = requiredValue(c);
  const shown = valueText(c);
  if (op === 'contains' || op === 'not contains' || op === 'matches' || op === 'not matches') {
    const test = op.endsWith('matches') ? matchesTest(regexOf(value)) : containsTest(scalarOf(value));
    const negated = op.startsWith('not ');
    const [verb, yes, no] = op.endsWith('matches')
      ? ['match', 'matches', 'does not match']
      : ['contain', 'contains', 'does not contain'];
    return (actual) => {
      const pass = test(actual) !== negated;
      if (pass) return { pass, message: `${path} ${negated ? no : yes} ${shown}` };
      return {
        pass,
        message: `${path} was ${showJson(actual)}, expected it ${negated ? 'not ' : ''}to ${verb} ${shown}`,
      };
    };
  }
  const test = valueTest(c);
  const passWords = ` ${passRelation(op, value)} ${shown}`;
  const failWords = `, expected ${expectation(op, shown, value)}`;
  return (actual) =>
    test(actual)
      ? { pass: true, message: `${path} ${showJson(actual)}${passWords}` }
      : { pass: false, message: `${path} was ${showJson(actual)}${failWords}` };
}

/** ==, != (strict, no type coercion), <, <=, >, >= (numbers only), in, not in. */
function valueTest(c: Condition): (actual: unknown) => boolean {
  const value = requiredValue(c);
  if (c.op === '==' || c.op === '!=') {
    const wanted = scalarOf(value);
    return c.op === '==' ? (actual) => actual === wanted : (actual) => actual !== wanted;
  }
  if (c.op === 'in' || c.op === 'not in') {
    const member = membership(value);
    return c.op === 'in' ? member : (actual) => !member(actual);
  }
  const compare = numberPredicate(c.op, value, value.kind === 'number' ? value.value : Number.NaN);
  return (actual) => typeof actual === 'number' && compare(actual);
}

/** Substring of a string, or an element of an array. */
function containsTest(wanted: string | number | boolean | null): (actual: unknown) => boolean {
  return (actual) => {
    if (typeof actual === 'string') return typeof wanted === 'string' && actual.includes(wanted);
    return Array.isArray(actual) && actual.includes(wanted);
  };
}

/** Strings, and numbers and booleans by their text; objects, arrays and null never match. */
function matchesTest(regex: RegExp): (actual: unknown) => boolean {
  return (actual) => {
    const t = typeof actual;
    return (t === 'string' || t === 'number' || t === 'boolean') && regex.test(String(actual));
  };
}
