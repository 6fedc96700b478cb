import type { DurationUnit } from '../units/duration.js';

/** What failing a condition does to the check: turn it down or only degraded. */
export type Severity = 'down' | 'degraded';

/** Subjects that take no argument, by their text name. */
export const PLAIN_SUBJECTS = [
  'status',
  'response_time',
  'ttfb',
  'body',
  'cert_expires_in',
  'dns.answers',
  'connected',
] as const;

/** Every subject's name as written in the text form. */
export const SUBJECT_KINDS = [...PLAIN_SUBJECTS, 'header', 'json'] as const;
/** The name of a subject, e.g. `status` or `header`. */
export type SubjectKind = (typeof SUBJECT_KINDS)[number];

/** What a condition looks at in an observation. Header names are stored in lower case. */
export type Subject =
  | { kind: (typeof PLAIN_SUBJECTS)[number] }
  | { kind: 'header'; name: string }
  | { kind: 'json'; path: string };

/** Every operator, in the order error messages list them. */
export const OPERATORS = [
  '==',
  '!=',
  '<',
  '<=',
  '>',
  '>=',
  'in',
  'not in',
  'contains',
  'not contains',
  'matches',
  'not matches',
  'exists',
  'not exists',
] as const;
/** A comparison between a subject and a value. */
export type Operator = (typeof OPERATORS)[number];

/** Operators that take no value. */
export const UNARY_OPERATORS: ReadonlySet<Operator> = new Set(['exists', 'not exists']);

/** A plain number; for response_time and ttfb it means milliseconds. */
export interface NumberValue {
  kind: 'number';
  value: number;
}
/** A duration such as `14d`; the unit is kept so the text prints back as written. */
export interface DurationValue {
  kind: 'duration';
  ms: number;
  unit: DurationUnit;
}
/** A double-quoted string. */
export interface StringValue {
  kind: 'string';
  value: string;
}
/** A regular expression `/source/flags`, kept as text so it prints back as written. */
export interface RegexValue {
  kind: 'regex';
  source: string;
  flags: string;
}
/** `true` or `false`. */
export interface BooleanValue {
  kind: 'boolean';
  value: boolean;
}
/** `null`, for JSON values. */
export interface NullValue {
  kind: 'null';
}
/** An inclusive range of integers `min..max`. */
export interface RangeValue {
  kind: 'range';
  min: number;
  max: number;
}
/** Values that may stand alone or inside a list. */
export type ScalarValue = NumberValue | StringValue | BooleanValue | NullValue;
/** An item of a list: a scalar or a range. */
export type ListItem = ScalarValue | RangeValue;
/** A list `[v, v, ...]` of scalars and ranges, matched by `in`. */
export interface ListValue {
  kind: 'list';
  items: ListItem[];
}
/** Any value a condition compares against. */
export type Value = ScalarValue | DurationValue | RegexValue | RangeValue | ListValue;
/** The kind tag of a value. */
export type ValueKind = Value['kind'];

/**
 * One condition, e.g. `status in 200..299` or `response_time < 2s else degraded`. `value` is
 * absent exactly for the unary operators (`exists`, `not exists`).
 */
export interface Condition {
  subject: Subject;
  op: Operator;
  value?: Value;
  severity: Severity;
}
