import type { Condition, ListItem, Operator, Value } from './condition.js';
import { formatValue } from './format-condition.js';
import type { Observation } from './observation.js';

/** Whether one observation passed one condition, and a sentence saying why. */
export interface ConditionOutcome {
  pass: boolean;
  message: string;
}

/** A compiled check of one condition against an observation. */
export type Evaluate = (obs: Observation) => ConditionOutcome;

/** Builds the evaluator of one subject kind. */
export type EvaluatorFactory = (c: Condition) => Evaluate;

const SNIPPET_MAX = 80;
const LIST_SHOWN = 10;

/** The relation a passing comparison states: `status 200 is in 200..299`. */
export function passRelation(op: Operator, value: Value): string {
  const list = value.kind === 'list';
  const words: Partial<Record<Operator, string>> = {
    '==': 'is',
    '!=': 'is not',
    '<': 'is under',
    '<=': 'is at most',
    '>': 'is over',
    '>=': 'is at least',
    in: list ? 'is one of' : 'is in',
    'not in': list ? 'is none of' : 'is outside',
  };
  return words[op] ?? op;
}

/** What a failing comparison expected: `status was 503, expected 200..299`. */
export function expectation(op: Operator, valueText: string, value: Value): string {
  const list = value.kind === 'list';
  const words: Partial<Record<Operator, string>> = {
    '==': '',
    '!=': 'a value other than ',
    '<': 'less than ',
    '<=': 'at most ',
    '>': 'more than ',
    '>=': 'at least ',
    in: list ? 'one of ' : '',
    'not in': list ? 'none of ' : 'a value outside ',
  };
  return `${words[op] ?? `${op} `}${valueText}`;
}

/** A predicate over numbers for a comparison or `in` against a number, range or list. */
export function numberPredicate(op: Operator, value: Value, limit: number): (n: number) => boolean {
  switch (op) {
    case '==':
      return (n) => n === limit;
    case '!=':
      return (n) => n !== limit;
    case '<':
      return (n) => n < limit;
    case '<=':
      return (n) => n <= limit;
    case '>':
      return (n) => n > limit;
    case '>=':
      return (n) => n >= limit;
    case 'in':
      return membership(value);
    case 'not in': {
      const member = membership(value);
      return (n) => !member(n);
    }
    default:
      throw new Error(`operator ${op} is not a numeric comparison`);
  }
}

/** A predicate telling whether a value is in a range or equals/falls in any item of a list. */
export function membership(value: Value): (x: unknown) => boolean {
  if (value.kind === 'range') {
    const { min, max } = value;
    return (x) => typeof x === 'number' && x >= min && x <= max;
  }
  if (value.kind !== 'list') throw new Error(`membership needs a range or list, not ${value.kind}`);
  const tests = value.items.map(itemPredicate);
  return (x) => tests.some((test) => test(x));
}

function itemPredicate(item: ListItem): (x: unknown) => boolean {
  if (item.kind === 'range') return membership(item);
  const wanted = scalarOf(item);
  return (x) => x === wanted;
}

/** The JavaScript value of a scalar condition value. */
export function scalarOf(value: Value): string | number | boolean | null {
  if (value.kind === 'number' || value.kind === 'string' || value.kind === 'boolean') return value.value;
  if (value.kind === 'null') return null;
  throw new Error(`${value.kind} is not a scalar`);
}

/** The regular expression of a regex value, compiled once. */
export function regexOf(value: Value | undefined): RegExp {
  if (value?.kind !== 'regex') throw new Error('matches needs a regular expression');
  return new RegExp(value.source, value.flags);
}

/** The value of a condition that the parser guarantees to have one. */
export function requiredValue(c: Condition): Value {
  if (c.value === undefined) throw new Error(`condition with ${c.op} has no value`);
  return c.value;
}

/** The condition's value as it reads in sentences (its text form). */
export function valueText(c: Condition): string {
  return c.value === undefined ? '' : formatValue(c.value);
}

/** A string as a sentence quotes it, cut to a readable length. */
export function snippet(text: string): string {
  return JSON.stringify(text.length > SNIPPET_MAX ? `${text.slice(0, SNIPPET_MAX)}…` : text);
}

/** Any JSON value as a sentence shows it, cut to a readable length. */
export function showJson(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > SNIPPET_MAX ? `${text.slice(0, SNIPPET_MAX)}…` : text;
}

/** A list of strings as a sentence shows it: `[1.2.3.4, 5.6.7.8]`. */
export function showList(items: readonly string[]): string {
  const shown = items.slice(0, LIST_SHOWN).join(', ');
  return items.length > LIST_SHOWN ? `[${shown}, … ${items.length} in all]` : `[${shown}]`;
}

/**
 * The outcome of `exists` / `not exists`, and of any other operator when the value is absent
 * (then only `not exists` passes). `present` describes the value when it was observed.
 */
export function presence(op: Operator, present: string | null, absent: string): ConditionOutcome {
  if (present === null) return { pass: op === 'not exists', message: absent };
  if (op === 'not exists') return { pass: false, message: `${present}, expected it to be absent` };
  return { pass: true, message: present };
}
