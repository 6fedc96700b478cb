import type { z } from 'zod';
import type { FieldError } from '../errors.js';

type Issue = z.core.$ZodIssue;

/**
 * Zod's built-in English messages ("Too small: expected number to be >0"). Messages written in
 * our schemas are lower-case phrases ("must be 1-64 letters, ..."), so they never match and are
 * kept as written; only zod's defaults are reworded.
 */
const ZOD_DEFAULT_MESSAGE = /^(Invalid\b|Too (small|big)\b|Unrecognized key)/;

/** Turns zod issues into one readable error per bad field, paths dotted (`results.3.seq`). */
export function zodIssuesToFieldErrors(issues: readonly Issue[]): FieldError[] {
  return issues.flatMap((issue) => {
    const path = issue.path.map(String);
    const inner = innerIssues(issue);
    if (inner !== undefined) {
      return zodIssuesToFieldErrors(inner).map((e) => ({
        path: [...path, e.path].filter((p) => p !== '').join('.'),
        message: e.message,
      }));
    }
    const message = ZOD_DEFAULT_MESSAGE.test(issue.message) ? describeIssue(issue) : issue.message;
    return [{ path: path.join('.'), message }];
  });
}

/** Issues nested in another that say more than it does: a record key's own error, a near-miss union branch. */
function innerIssues(issue: Issue): Issue[] | undefined {
  if (issue.code === 'invalid_key' || issue.code === 'invalid_element')
    return issue.issues.length > 0 ? issue.issues : undefined;
  return issue.code === 'invalid_union' ? closestBranch(issue) : undefined;
}

/**
 * The one union branch whose shape matched at the top and failed only deeper in (an array of
 * regions with one bad name): its errors say far more than "matches no branch".
 */
function closestBranch(issue: Extract<Issue, { code: 'invalid_union' }>): Issue[] | undefined {
  const deep = issue.errors.filter((branch) => branch.length > 0 && branch.every((i) => i.path.length > 0));
  return deep.length === 1 ? deep[0] : undefined;
}

/** One line for humans and logs: `results.3.seq: must be greater than 0; type: is required (and 2 more)`. */
export function formatFieldErrors(errors: readonly FieldError[], max = 10): string {
  const shown = errors.slice(0, max).map((e) => (e.path === '' ? e.message : `${e.path}: ${e.message}`));
  const rest = errors.length - shown.length;
  return rest > 0 ? `${shown.join('; ')} (and ${rest} more)` : shown.join('; ');
}

function describeIssue(issue: Issue): string {
  switch (issue.code) {
    case 'invalid_type': {
      // Final issues drop the input, but zod's default text still names what was received.
      const received = /received (\w+)$/.exec(issue.message)?.[1];
      if (received === 'undefined') return 'is required';
      if (issue.expected === 'int' && received === 'number') return 'must be an integer';
      const expected = `must be ${noun(issue.expected)}`;
      return received === undefined ? expected : `${expected}, not ${noun(received)}`;
    }
    case 'too_small':
      return describeBound('min', issue.origin, issue.minimum, issue.inclusive, issue.exact);
    case 'too_big':
      return describeBound('max', issue.origin, issue.maximum, issue.inclusive, issue.exact);
    case 'invalid_format':
      return issue.format === 'regex'
        ? 'has an invalid format'
        : `must be a valid ${formatName(issue.format)}`;
    case 'not_multiple_of':
      return `must be a multiple of ${issue.divisor}`;
    case 'unrecognized_keys':
      return `has unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map(quote).join(', ')}`;
    case 'invalid_value':
      return issue.values.length === 1
        ? `must be ${quote(issue.values[0])}`
        : `must be one of ${listOf(issue.values)}`;
    case 'invalid_union':
      return describeUnion(issue);
    case 'invalid_key':
      return 'has an invalid key';
    case 'invalid_element':
      return 'has an invalid element';
    default:
      return 'is invalid';
  }
}

function describeUnion(issue: Extract<Issue, { code: 'invalid_union' }>): string {
  if ('options' in issue && issue.options !== undefined) return `must be one of ${listOf(issue.options)}`;
  if (issue.inclusive === false) return 'matches more than one allowed form';
  // Zod already reports the deeper errors of the one branch that nearly matched; it leaves a union
  // issue only when every branch failed at the top, so name the alternatives.
  const alternatives: string[] = [];
  for (const branch of issue.errors) {
    const [only] = branch;
    if (branch.length !== 1 || only === undefined || only.path.length > 0)
      return 'does not match any allowed form';
    if (only.code === 'invalid_type') alternatives.push(noun(only.expected));
    else if (only.code === 'invalid_value') alternatives.push(...only.values.map(quote));
    else return 'does not match any allowed form';
  }
  return `must be ${alternatives.join(' or ')}`;
}

function describeBound(
  side: 'min' | 'max',
  origin: string,
  limit: number | bigint,
  inclusive = true,
  exact = false,
): string {
  const unit = { string: 'characters', array: 'items', set: 'items', file: 'bytes' }[origin];
  if (unit !== undefined) {
    if (exact) return `must have exactly ${limit} ${unit}`;
    if (side === 'min' && origin !== 'file' && Number(limit) === 1 && inclusive) return 'must not be empty';
    return `must have ${side === 'min' ? 'at least' : 'at most'} ${limit} ${unit}`;
  }
  if (exact) return `must be exactly ${limit}`;
  if (side === 'min') return inclusive ? `must be at least ${limit}` : `must be greater than ${limit}`;
  return inclusive ? `must be at most ${limit}` : `must be less than ${limit}`;
}

function noun(type: string): string {
  const nouns: Record<string, string> = {
    int: 'an integer',
    number: 'a number',
    string: 'a string',
    boolean: 'true or false',
    object: 'an object',
    array: 'an array',
    record: 'an object',
    null: 'null',
    nan: 'NaN',
    undefined: 'absent',
  };
  return nouns[type] ?? `a ${type}`;
}

function formatName(format: string): string {
  const names: Record<string, string> = {
    url: 'URL',
    email: 'email address',
    uuid: 'UUID',
    ipv4: 'IPv4 address',
  };
  return names[format] ?? format;
}

function quote(value: unknown): string {
  return typeof value === 'string' ? JSON.stringify(value) : String(value);
}

function listOf(values: readonly unknown[]): string {
  return values.map(quote).join(', ');
}
