import { err, ok, type Result } from '../result.js';
import {
  type Condition,
  OPERATORS,
  type Operator,
  PLAIN_SUBJECTS,
  type Severity,
  type Subject,
  type SubjectKind,
  type Value,
} from './condition.js';
import { type ConditionParseError, expectedAt, problemAt } from './condition-parse-error.js';
import { operatorsFor, type ValueRule, valueFitsRule, valueRuleFor } from './condition-rules.js';
import { checkJsonPath, scanJsonPathEnd } from './json-path.js';
import { describeValue, matchAt, type ScannedValue, scanValue, skipSpaces } from './scan-value.js';

export type { ConditionParseError } from './condition-parse-error.js';

const SUBJECT_WORD = /[A-Za-z_][A-Za-z0-9_.]*/y;
const WORD = /[A-Za-z_][A-Za-z0-9_]*/y;
const SYMBOL_OP = /==|!=|<=|>=|<|>/y;
const HEADER_NAME = /[!#$%&'*+.^_`|~0-9A-Za-z-]+/y;
const WORD_OPS = new Set(['in', 'contains', 'matches', 'exists']);
const SUBJECTS_EXPECTED =
  'a subject (status, response_time, ttfb, body, header <name>, json <path>, cert_expires_in, dns.answers, connected)';
const OPERATORS_EXPECTED = `an operator (${OPERATORS.join(', ')})`;
const ITEM_WORDS = {
  number: 'a number',
  string: 'a string',
  boolean: 'true or false',
  null: 'null',
  range: 'a range',
};

/**
 * Parses a condition's text form, e.g. `status in [200..299, 304]`, `json $.ok == true`,
 * `response_time < 2s else degraded`. Checks that the operator and value fit the subject, so
 * anything that parses can be evaluated.
 */
export function parseCondition(text: string): Result<Condition, ConditionParseError> {
  const subject = scanSubject(text, skipSpaces(text, 0));
  if (!subject.ok) return subject;
  const opStart = skipSpaces(text, subject.value.end);
  const op = scanOperator(text, opStart, subject.value.subject.kind);
  if (!op.ok) return op;
  const rule = valueRuleFor(subject.value.subject.kind, op.value.op)!;
  let end = op.value.end;
  let value: Value | undefined;
  if (rule !== null) {
    const valueStart = skipSpaces(text, end);
    const scanned = scanValue(text, valueStart, rule.expected);
    if (!scanned.ok) return scanned;
    const misfit = checkFit(text, valueStart, scanned.value, rule);
    if (misfit) return err(misfit);
    value = scanned.value.value;
    end = scanned.value.end;
  }
  const severity = scanSeverity(text, skipSpaces(text, end));
  if (!severity.ok) return severity;
  const condition: Condition = { subject: subject.value.subject, op: op.value.op, severity: severity.value };
  if (value !== undefined) condition.value = value;
  return ok(condition);
}

function scanSubject(
  text: string,
  pos: number,
): Result<{ subject: Subject; end: number }, ConditionParseError> {
  // `body.$.path` is the design brief's spelling of `json $.path`.
  if (text.startsWith('body.$', pos)) return scanJsonSubject(text, pos + 5);
  const word = matchAt(SUBJECT_WORD, text, pos)?.[0];
  const end = pos + (word?.length ?? 0);
  if (word === 'json') return scanJsonSubject(text, skipSpaces(text, end));
  if (word === 'header') {
    const start = skipSpaces(text, end);
    const name = matchAt(HEADER_NAME, text, start)?.[0];
    if (name === undefined || start === end)
      return err(expectedAt(text, start, 'a header name such as content-type'));
    return ok({ subject: { kind: 'header', name: name.toLowerCase() }, end: start + name.length });
  }
  const plain = PLAIN_SUBJECTS.find((kind) => kind === word);
  if (plain === undefined) return err(expectedAt(text, pos, SUBJECTS_EXPECTED));
  return ok({ subject: { kind: plain }, end });
}

function scanJsonSubject(
  text: string,
  start: number,
): Result<{ subject: Subject; end: number }, ConditionParseError> {
  if (text[start] !== '$')
    return err(expectedAt(text, start, 'a JSONPath starting with $, such as $.data.ok'));
  const end = scanJsonPathEnd(text, start);
  if (!end.ok) return end;
  const plan = checkJsonPath(text, start, end.value);
  if (!plan.ok) return plan;
  return ok({ subject: { kind: 'json', path: plan.value.path }, end: end.value });
}

function scanOperator(
  text: string,
  pos: number,
  subject: SubjectKind,
): Result<{ op: Operator; end: number }, ConditionParseError> {
  let op: Operator | undefined;
  let end = pos;
  const symbol = matchAt(SYMBOL_OP, text, pos)?.[0] as Operator | undefined;
  const word = matchAt(WORD, text, pos)?.[0];
  if (symbol !== undefined) {
    op = symbol;
    end = pos + symbol.length;
  } else if (word !== undefined && WORD_OPS.has(word)) {
    op = word as Operator;
    end = pos + word.length;
  } else if (word === 'not') {
    const next = skipSpaces(text, pos + 3);
    const negated = matchAt(WORD, text, next)?.[0];
    if (next === pos + 3 || negated === undefined || !WORD_OPS.has(negated)) {
      return err(expectedAt(text, next, 'in, contains, matches or exists after not'));
    }
    op = `not ${negated}` as Operator;
    end = next + negated.length;
  }
  if (op === undefined) return err(expectedAt(text, pos, OPERATORS_EXPECTED));
  if (valueRuleFor(subject, op) === undefined) {
    const valid = listWords(operatorsFor(subject));
    return err(
      problemAt(
        pos,
        `an operator for ${subject} (${valid})`,
        `"${op}" does not apply to ${subject}; ${subject} takes ${valid}`,
      ),
    );
  }
  return ok({ op, end });
}

/** Explains why a scanned value does not fit the operator's rule; null when it fits. */
function checkFit(
  text: string,
  start: number,
  scanned: ScannedValue,
  rule: ValueRule,
): ConditionParseError | null {
  const { value, itemStarts } = scanned;
  if (valueFitsRule(value, rule)) return null;
  if (value.kind !== 'list' || !rule.kinds.includes('list')) {
    return expectedAt(text, start, rule.expected, describeValue(value));
  }
  const bad = value.items.findIndex((item) => !valueFitsRule({ kind: 'list', items: [item] }, rule));
  const itemWords = (rule.items ?? []).map((kind) =>
    kind === 'number' && rule.integer ? 'a status code' : ITEM_WORDS[kind],
  );
  return expectedAt(
    text,
    itemStarts[bad] ?? start,
    `${listWords(itemWords)} in the list`,
    describeValue(value.items[bad]!),
  );
}

function scanSeverity(text: string, pos: number): Result<Severity, ConditionParseError> {
  if (pos >= text.length) return ok('down');
  if (matchAt(WORD, text, pos)?.[0] !== 'else') {
    return err(expectedAt(text, pos, 'else down, else degraded or the end of the condition'));
  }
  const next = skipSpaces(text, pos + 4);
  const word = matchAt(WORD, text, next)?.[0];
  if (next === pos + 4 || (word !== 'down' && word !== 'degraded')) {
    return err(expectedAt(text, next, 'down or degraded after else'));
  }
  const end = skipSpaces(text, next + word.length);
  if (end < text.length) return err(expectedAt(text, end, 'the end of the condition'));
  return ok(word);
}

/** `a, b or c`. */
function listWords(words: readonly string[]): string {
  if (words.length <= 1) return words.join('');
  return `${words.slice(0, -1).join(', ')} or ${words.at(-1)}`;
}
