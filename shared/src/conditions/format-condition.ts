import { type DurationUnit, unitMs } from '../units/duration.js';
import type { Condition, Subject, Value } from './condition.js';

/**
 * The canonical text of a condition: single spaces, lower-case header names, numbers in their
 * shortest form, strings JSON-escaped, `else down` left out. Parsing it gives the same condition.
 */
export function formatCondition(c: Condition): string {
  const parts = [formatSubject(c.subject), c.op];
  if (c.value !== undefined) parts.push(formatValue(c.value));
  if (c.severity === 'degraded') parts.push('else degraded');
  return parts.join(' ');
}

/** A subject as written: `status`, `header content-type`, `json $.data.ok`. */
export function formatSubject(subject: Subject): string {
  if (subject.kind === 'header') return `header ${subject.name}`;
  if (subject.kind === 'json') return `json ${subject.path}`;
  return subject.kind;
}

/** A value as written: `200`, `14d`, `"ok"`, `/up/i`, `200..299`, `[200..299, 304]`. */
export function formatValue(value: Value): string {
  switch (value.kind) {
    case 'number':
      return String(value.value);
    case 'duration':
      return `${durationAmount(value.ms, value.unit)}${value.unit}`;
    case 'string':
      return JSON.stringify(value.value);
    case 'regex':
      return `/${value.source}/${value.flags}`;
    case 'boolean':
      return String(value.value);
    case 'null':
      return 'null';
    case 'range':
      return `${value.min}..${value.max}`;
    case 'list':
      return `[${value.items.map(formatValue).join(', ')}]`;
  }
}

/**
 * The amount that, written before `unit`, parses back to exactly `ms`. Usually the plain
 * quotient (`1.5` for 90m in hours); a quotient that prints in exponent form falls back to
 * the fewest fixed decimals that still round to `ms`.
 */
function durationAmount(ms: number, unit: DurationUnit): string {
  const per = unitMs(unit);
  const backToMs = (text: string) => Math.round(Number(text) * per) === ms;
  const plain = String(ms / per);
  if (/^\d+(\.\d+)?$/.test(plain) && backToMs(plain)) return plain;
  for (let digits = 1; digits <= 20; digits++) {
    const fixed = (ms / per).toFixed(digits).replace(/0+$/, '');
    if (backToMs(fixed)) return fixed.endsWith('.') ? fixed.slice(0, -1) : fixed;
  }
  return plain;
}
