import { err, ok, type Result } from '../result.js';
import { type DurationUnit, parseDuration } from '../units/duration.js';
import type { ListItem, Value } from './condition.js';
import { type ConditionParseError, expectedAt, problemAt } from './condition-parse-error.js';
import { formatValue } from './format-condition.js';

/** A value read from condition text, with where it ends and where each list item starts. */
export interface ScannedValue {
  value: Value;
  end: number;
  itemStarts: number[];
}

type Scan = Result<ScannedValue, ConditionParseError>;

const NUMBER = /-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const INTEGER = /-?\d+/y;
const UNIT = /(ms|s|m|h|d|w)(?![\p{L}\p{N}_])/uy;
const WORD = /[A-Za-z_][A-Za-z0-9_]*/y;
const FLAGS = /[A-Za-z]*/y;
const ALLOWED_FLAGS = 'imsuv';
const ESCAPES: Record<string, string> = {
  '"': '"',
  '\\': '\\',
  '/': '/',
  b: '\b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
};
const LIST_ITEM = 'a list item (a number, string, true, false, null or range)';

/** Runs a sticky regex at `pos`. */
export function matchAt(re: RegExp, text: string, pos: number): RegExpExecArray | null {
  re.lastIndex = pos;
  return re.exec(text);
}

/** The index of the first non-whitespace character at or after `pos`. */
export function skipSpaces(text: string, pos: number): number {
  let i = pos;
  while (i < text.length && /\s/.test(text[i]!)) i++;
  return i;
}

/** A value in words for error messages: `the string "abc"`, `the duration 2s`. */
export function describeValue(value: Value): string {
  const text = formatValue(value);
  const shown = text.length > 40 ? `${text.slice(0, 40)}…` : text;
  if (value.kind === 'boolean' || value.kind === 'null') return shown;
  const noun = value.kind === 'regex' ? 'regular expression' : value.kind;
  return `the ${noun} ${shown}`;
}

/** Reads one value at `pos`; `expected` words the error when nothing there looks like a value. */
export function scanValue(text: string, pos: number, expected: string): Scan {
  const c = text[pos];
  if (c === '"') return scanString(text, pos);
  if (c === '/') return scanRegex(text, pos);
  if (c === '[') return scanList(text, pos);
  if (c === '-' || (c !== undefined && c >= '0' && c <= '9')) return scanNumeric(text, pos, expected);
  const word = matchAt(WORD, text, pos)?.[0];
  const end = pos + (word?.length ?? 0);
  if (word === 'true' || word === 'false') return scanned({ kind: 'boolean', value: word === 'true' }, end);
  if (word === 'null') return scanned({ kind: 'null' }, end);
  return err(expectedAt(text, pos, expected));
}

function scanned(value: Value, end: number, itemStarts: number[] = []): Scan {
  return ok({ value, end, itemStarts });
}

function scanString(text: string, pos: number): Scan {
  let out = '';
  let from = pos + 1;
  for (let i = from; i < text.length; i++) {
    const c = text[i];
    if (c === '"') return scanned({ kind: 'string', value: out + text.slice(from, i) }, i + 1);
    if (c !== '\\') continue;
    out += text.slice(from, i);
    const e = text[i + 1] ?? '';
    const hex = e === 'u' ? /^[0-9a-fA-F]{4}/.exec(text.slice(i + 2, i + 6))?.[0] : undefined;
    if (hex) {
      out += String.fromCharCode(Number.parseInt(hex, 16));
      i += 5;
    } else if (ESCAPES[e] !== undefined) {
      out += ESCAPES[e];
      i += 1;
    } else {
      return err(
        expectedAt(text, i, 'an escape such as \\", \\\\, \\n, \\t or \\u00e9', JSON.stringify(`\\${e}`)),
      );
    }
    from = i + 1;
  }
  return err(expectedAt(text, text.length, `a closing " for the string at ${pos}`));
}

function scanRegex(text: string, pos: number): Scan {
  let inClass = false;
  let i = pos + 1;
  for (; i < text.length; i++) {
    const c = text[i];
    if (c === '\\') i++;
    else if (c === '[') inClass = true;
    else if (c === ']') inClass = false;
    else if (c === '/' && !inClass) break;
  }
  if (i >= text.length)
    return err(expectedAt(text, text.length, `a closing / for the regular expression at ${pos}`));
  const source = text.slice(pos + 1, i);
  if (source === '')
    return err(problemAt(pos, 'a regular expression such as /ok/i', 'the regular expression is empty'));
  const flags = matchAt(FLAGS, text, i + 1)?.[0] ?? '';
  for (let f = 0; f < flags.length; f++) {
    const flag = flags[f]!;
    if (!ALLOWED_FLAGS.includes(flag) || flags.indexOf(flag) !== f) {
      const problem = `regular expression flag "${flag}" is not allowed; use each of i, m, s, u or v at most once`;
      return err(problemAt(i + 1 + f, 'regular expression flags i, m, s, u or v', problem));
    }
  }
  try {
    new RegExp(source, flags);
  } catch (e) {
    return err(problemAt(pos, 'a valid regular expression', (e as Error).message));
  }
  return scanned({ kind: 'regex', source, flags }, i + 1 + flags.length);
}

function scanList(text: string, pos: number): Scan {
  const items: ListItem[] = [];
  const itemStarts: number[] = [];
  let i = skipSpaces(text, pos + 1);
  if (text[i] === ']') return err(expectedAt(text, i, 'a value in the list'));
  for (;;) {
    if (text[i] === '[') return err(expectedAt(text, i, LIST_ITEM, 'a list inside the list'));
    const item = scanValue(text, i, LIST_ITEM);
    if (!item.ok) return item;
    const { value } = item.value;
    if (value.kind === 'duration' || value.kind === 'regex' || value.kind === 'list') {
      return err(expectedAt(text, i, LIST_ITEM, describeValue(value)));
    }
    items.push(value);
    itemStarts.push(i);
    i = skipSpaces(text, item.value.end);
    if (text[i] === ']') return scanned({ kind: 'list', items }, i + 1, itemStarts);
    if (text[i] !== ',') return err(expectedAt(text, i, ', or ] in the list'));
    i = skipSpaces(text, i + 1);
  }
}

function scanNumeric(text: string, pos: number, expected: string): Scan {
  const literal = matchAt(NUMBER, text, pos)?.[0];
  if (literal === undefined) return err(expectedAt(text, pos, expected));
  const end = pos + literal.length;
  if (text.startsWith('..', end)) return scanRange(text, pos, literal);
  const unit = matchAt(UNIT, text, end)?.[0] as DurationUnit | undefined;
  if (unit !== undefined) {
    const ms = parseDuration(text.slice(pos, end + unit.length));
    if (!ms.ok) {
      const found = JSON.stringify(text.slice(pos, end + unit.length));
      return err(expectedAt(text, pos, 'a duration such as 30s, 5m or 14d (no sign, no exponent)', found));
    }
    if (!Number.isSafeInteger(ms.value))
      return err(problemAt(pos, 'a smaller duration', 'the duration is too large'));
    return scanned({ kind: 'duration', ms: ms.value, unit }, end + unit.length);
  }
  if (/[\p{L}_]/u.test(text[end] ?? '')) {
    return err(expectedAt(text, end, 'a unit (ms, s, m, h, d or w) right after the number, or a space'));
  }
  const value = Number(literal);
  if (!Number.isFinite(value))
    return err(problemAt(pos, 'a smaller number', `the number ${literal} is too large`));
  return scanned({ kind: 'number', value: value === 0 ? 0 : value }, end);
}

function scanRange(text: string, pos: number, first: string): Scan {
  const expected = 'an integer range such as 200..299';
  if (!/^-?\d+$/.test(first)) return err(expectedAt(text, pos, expected, JSON.stringify(first)));
  const second = matchAt(INTEGER, text, pos + first.length + 2)?.[0];
  if (second === undefined) return err(expectedAt(text, pos + first.length + 2, 'an integer after ..'));
  const end = pos + first.length + 2 + second.length;
  if (/[\p{L}\p{N}_.]/u.test(text[end] ?? ''))
    return err(expectedAt(text, end, 'a space or the end after the range'));
  const min = Number(first) || 0;
  const max = Number(second) || 0;
  if (!Number.isSafeInteger(min) || !Number.isSafeInteger(max)) {
    return err(problemAt(pos, 'a range of smaller integers', 'the range bounds are too large'));
  }
  if (min > max) {
    return err(
      problemAt(pos, 'a range whose start is not above its end', `the range ${min}..${max} is empty`),
    );
  }
  return scanned({ kind: 'range', min, max }, end);
}
