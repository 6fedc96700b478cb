import {
  type ListItem,
  OPERATORS,
  type Operator,
  type SubjectKind,
  type Value,
  type ValueKind,
} from './condition.js';

/** Which values an operator accepts on a subject, and how to ask for them in an error. */
export interface ValueRule {
  /** Words for the error message, e.g. `a number or duration (such as 500 or 2s)`. */
  expected: string;
  /** Accepted value kinds. */
  kinds: readonly ValueKind[];
  /** Accepted item kinds when `kinds` includes `list`. */
  items?: readonly ListItem['kind'][];
  /** Numbers must be integers (status codes). */
  integer?: boolean;
}

type Rules = Partial<Record<Operator, ValueRule | null>>;

const COMPARISONS = ['==', '!=', '<', '<=', '>', '>='] as const;
const PRESENCE: Rules = { exists: null, 'not exists': null };

function each(ops: readonly Operator[], rule: ValueRule): Rules {
  return Object.fromEntries(ops.map((op) => [op, rule]));
}

const STRING: ValueRule = { expected: 'a string in double quotes', kinds: ['string'] };
const REGEX: ValueRule = { expected: 'a regular expression such as /ok/i', kinds: ['regex'] };
const JSON_SCALAR: ValueRule = {
  expected: 'a number, a string, true, false or null',
  kinds: ['number', 'string', 'boolean', 'null'],
};

const STATUS: Rules = {
  ...each(COMPARISONS, { expected: 'a status code such as 200', kinds: ['number'], integer: true }),
  ...each(['in', 'not in'], {
    expected: 'a range such as 200..299 or a list such as [200..299, 304]',
    kinds: ['range', 'list'],
    items: ['number', 'range'],
    integer: true,
  }),
  ...PRESENCE,
};

const TIMING: Rules = {
  ...each(COMPARISONS, {
    expected: 'a number or duration (such as 500 or 2s)',
    kinds: ['number', 'duration'],
  }),
  ...PRESENCE,
};

const EXPIRY: Rules = {
  ...each(COMPARISONS, { expected: 'a duration such as 14d', kinds: ['duration'] }),
  ...PRESENCE,
};

const TEXT: Rules = {
  ...each(['==', '!=', 'contains', 'not contains'], STRING),
  ...each(['matches', 'not matches'], REGEX),
  ...each(['in', 'not in'], {
    expected: 'a list of strings such as ["a", "b"]',
    kinds: ['list'],
    items: ['string'],
  }),
  ...PRESENCE,
};

const JSON_RULES: Rules = {
  ...each(['==', '!=', 'contains', 'not contains'], JSON_SCALAR),
  ...each(['<', '<=', '>', '>='], { expected: 'a number', kinds: ['number'] }),
  ...each(['in', 'not in'], {
    expected: 'a range such as 1..5 or a list such as [1, "a", true]',
    kinds: ['range', 'list'],
    items: ['number', 'string', 'boolean', 'null', 'range'],
  }),
  ...each(['matches', 'not matches'], REGEX),
  ...PRESENCE,
};

const ANSWERS: Rules = {
  ...each(['contains', 'not contains'], STRING),
  ...each(['matches', 'not matches'], REGEX),
  ...PRESENCE,
};

const FLAG: Rules = {
  ...each(['==', '!='], { expected: 'true or false', kinds: ['boolean'] }),
  ...PRESENCE,
};

const RULES: Record<SubjectKind, Rules> = {
  status: STATUS,
  response_time: TIMING,
  ttfb: TIMING,
  cert_expires_in: EXPIRY,
  body: TEXT,
  header: TEXT,
  json: JSON_RULES,
  'dns.answers': ANSWERS,
  connected: FLAG,
};

/** The operators that apply to a subject, in canonical order. */
export function operatorsFor(subject: SubjectKind): Operator[] {
  return OPERATORS.filter((op) => op in RULES[subject]);
}

/** The value rule of an operator on a subject: `null` for unary operators, `undefined` if it does not apply. */
export function valueRuleFor(subject: SubjectKind, op: Operator): ValueRule | null | undefined {
  return RULES[subject][op];
}

/** Whether a parsed value satisfies a rule (kinds, list items, integers). */
export function valueFitsRule(value: Value, rule: ValueRule): boolean {
  if (!rule.kinds.includes(value.kind)) return false;
  if (value.kind === 'list')
    return value.items.every((item) => rule.items?.includes(item.kind) && fitsInteger(item, rule));
  return fitsInteger(value, rule);
}

function fitsInteger(value: Value, rule: ValueRule): boolean {
  return !rule.integer || value.kind !== 'number' || Number.isInteger(value.value);
}
