import { JSONPath } from 'jsonpath-plus';
import { err, ok, type Result } from '../result.js';
import { type ConditionParseError, expectedAt } from './condition-parse-error.js';

/**
 * A checked JSONPath. `steps` lists the names and indexes of a singular path (`$.a.b[0]`),
 * which is walked directly: fast, and it yields one value. Paths with wildcards, `..`, slices,
 * unions or filters have `steps: null`, run through jsonpath-plus and yield the array of
 * their matches.
 */
export interface JsonPathPlan {
  path: string;
  steps: (string | number)[] | null;
}

/** What a query returns when the path matches nothing. */
export const NOT_FOUND: unique symbol = Symbol('not found');

const NAME = /[\p{L}\p{N}_$-]+/uy;
const INDEX_LIST = /(-?\d+)(,-?\d+)*/y;
const SLICE = /(-?\d+)?:(-?\d+)?(:\d+)?/y;
const QUOTED = /(['"])([^'"\]]*)\1/y;

/** Finds where a path token starting at `start` ends: the first whitespace outside brackets and quotes. */
export function scanJsonPathEnd(text: string, start: number): Result<number, ConditionParseError> {
  const open: number[] = [];
  let quote = '';
  let i = start;
  for (; i < text.length; i++) {
    const c = text[i]!;
    if (quote) {
      if (c === '\\') i++;
      else if (c === quote) quote = '';
    } else if (c === "'" || c === '"') quote = c;
    else if (c === '[' || c === '(') open.push(i);
    else if (c === ']' || c === ')') open.pop();
    else if (/\s/.test(c) && open.length === 0) break;
  }
  if (quote) return err(expectedAt(text, i, `a closing ${quote} in the JSON path`));
  const unclosed = open.at(-1);
  if (unclosed !== undefined) {
    const closer = text[unclosed] === '[' ? ']' : ')';
    return err(expectedAt(text, i, `a ${closer} to close the ${text[unclosed]} at ${unclosed}`));
  }
  return ok(i);
}

/** Checks the path `text.slice(start, end)`; error positions are indexes into `text`. */
export function checkJsonPath(
  text: string,
  start: number,
  end: number,
): Result<JsonPathPlan, ConditionParseError> {
  const path = text.slice(start, end);
  if (path[0] !== '$') return err(expectedAt(text, start, 'a JSONPath starting with $'));
  let steps: (string | number)[] | null = [];
  const at = (re: RegExp, i: number) => {
    re.lastIndex = i;
    const m = re.exec(text);
    return m && m.index + m[0].length <= end ? m : null;
  };
  let i = start + 1;
  while (i < end) {
    if (text.startsWith('..', i)) {
      steps = null;
      i += 2;
      if (text[i] === '[') continue;
      if (text[i] === '*') i++;
      else {
        const name = at(NAME, i);
        if (!name) return err(expectedAt(text, i, 'a name, * or [ after .. in the JSON path'));
        i += name[0].length;
      }
    } else if (text[i] === '.') {
      i++;
      const name = at(NAME, i);
      if (text[i] === '*') {
        steps = null;
        i++;
      } else if (name) {
        steps?.push(name[0]);
        i += name[0].length;
      } else return err(expectedAt(text, i, 'a name or * after . in the JSON path'));
    } else if (text[i] === '[') {
      const bracket = checkBracket(text, i, end, at);
      if (!bracket.ok) return bracket;
      if (bracket.value.step === null) steps = null;
      else steps?.push(bracket.value.step);
      i = bracket.value.end;
    } else {
      return err(expectedAt(text, i, '., .. or [ in the JSON path, or a space after it'));
    }
  }
  return ok({ path, steps });
}

type Matcher = (re: RegExp, i: number) => RegExpExecArray | null;

/** Checks one `[...]` segment at `i`; `step` is its name or index when singular. */
function checkBracket(
  text: string,
  i: number,
  end: number,
  at: Matcher,
): Result<{ step: string | number | null; end: number }, ConditionParseError> {
  const inner = i + 1;
  const close = (j: number, step: string | number | null) =>
    text[j] === ']' ? ok({ step, end: j + 1 }) : err(expectedAt(text, j, '] in the JSON path'));
  if (text[inner] === '*') return close(inner + 1, null);
  const quoted = at(QUOTED, inner);
  if (quoted) return close(inner + quoted[0].length, quoted[2]!);
  if (text[inner] === '?' || text[inner] === '(') return checkScript(text, inner, end);
  const slice = at(SLICE, inner);
  const indexes = at(INDEX_LIST, inner);
  if (slice && (!indexes || slice[0].length > indexes[0].length)) return close(inner + slice[0].length, null);
  if (indexes) return close(inner + indexes[0].length, indexes[2] ? null : Number(indexes[1]));
  return err(
    expectedAt(text, inner, `an index, slice, quoted name, * or filter ?(...) inside [ ] of the JSON path`),
  );
}

/** Checks a filter `?(...)` or script `(...)` by letting jsonpath-plus compile it once. */
function checkScript(
  text: string,
  start: number,
  end: number,
): Result<{ step: null; end: number }, ConditionParseError> {
  const open = text[start] === '?' ? start + 1 : start;
  if (text[open] !== '(') return err(expectedAt(text, open, '( after ? in the JSON path filter'));
  let depth = 0;
  let quote = '';
  for (let j = open; j < end; j++) {
    const c = text[j]!;
    if (quote) {
      if (c === '\\') j++;
      else if (c === quote) quote = '';
    } else if (c === "'" || c === '"') quote = c;
    else if (c === '(') depth++;
    else if (c === ')' && --depth === 0) {
      if (text[j + 1] !== ']') return err(expectedAt(text, j + 1, '] after the filter in the JSON path'));
      try {
        // Syntax errors surface when the expression is compiled, which happens on its first use.
        JSONPath({
          path: `$[${text.slice(start, j + 1)}]`,
          json: [{}],
          eval: 'safe',
          ignoreEvalErrors: true,
        });
      } catch {
        return err(expectedAt(text, start, 'a valid filter expression in the JSON path'));
      }
      return ok({ step: null, end: j + 2 });
    }
  }
  return err(expectedAt(text, end, ') to close the filter in the JSON path'));
}

/** The value at a singular path, the array of matches of any other path, or NOT_FOUND. */
export function queryJsonPath(plan: JsonPathPlan, doc: unknown): unknown {
  if (plan.steps === null) {
    if (doc === null || typeof doc !== 'object') return NOT_FOUND;
    try {
      const matches: unknown = JSONPath({
        path: plan.path,
        json: doc,
        wrap: true,
        eval: 'safe',
        ignoreEvalErrors: true,
      });
      return Array.isArray(matches) && matches.length > 0 ? matches : NOT_FOUND;
    } catch {
      return NOT_FOUND;
    }
  }
  let node = doc;
  for (const step of plan.steps) {
    node = child(node, step);
    if (node === NOT_FOUND) return NOT_FOUND;
  }
  return node;
}

// Own properties only, so `$.constructor` or `$.__proto__` never reach the prototype chain.
function child(node: unknown, step: string | number): unknown {
  if (Array.isArray(node)) {
    const index = typeof step === 'number' ? step : /^\d+$/.test(step) ? Number(step) : Number.NaN;
    // Negative indexes count from the end, as in RFC 9535.
    const at = index < 0 ? node.length + index : index;
    return Number.isInteger(at) && at >= 0 && at < node.length ? node[at] : NOT_FOUND;
  }
  if (node === null || typeof node !== 'object') return NOT_FOUND;
  const key = String(step);
  return Object.hasOwn(node, key) ? (node as Record<string, unknown>)[key] : NOT_FOUND;
}
