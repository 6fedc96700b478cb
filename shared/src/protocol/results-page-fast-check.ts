import { isInt, isPlainResult, keyCount } from './plain-result-check.js';
import { LoggedResult, MAX_RESULTS_PER_PAGE, type ResultsPageMessage } from './result-log.js';

/** RequestId's limit, in code points; a longer id in UTF-16 units goes to the schema. */
const REQUEST_ID_MAX = 100;
/** Keys every accepted page has: all but the optional `requestId`. */
const PAGE_KEYS = 5;

/**
 * The `results.page` schema, checked by hand for the frame a desktop receives most: the twin of
 * fastResultsBatch, with the same contract. `undefined` means "let the schema decide" (and
 * explain): it never rejects by itself, and what it returns equals what `ResultsPageMessage`
 * returns. A result it cannot settle by hand goes through `LoggedResult` alone; an unknown key,
 * a refinement the page breaks or anything unusual in the envelope leaves the page to the schema.
 * Expects a value from `JSON.parse`: plain objects and arrays with own properties only.
 */
export function fastResultsPage(frame: Record<string, unknown>): ResultsPageMessage | undefined {
  if (frame.type !== 'results.page') return undefined;
  let keys = PAGE_KEYS;
  const requestId = frame.requestId;
  if (requestId !== undefined) {
    if (typeof requestId !== 'string' || requestId.length < 1 || requestId.length > REQUEST_ID_MAX) {
      return undefined;
    }
    keys++;
  }
  const cursor = frame.cursor;
  const backlog = frame.backlog;
  const live = frame.live;
  if (!isInt(cursor) || cursor < 0 || !isInt(backlog) || backlog < 0) return undefined;
  if (typeof live !== 'boolean' || (live && backlog > 0)) return undefined;
  const results = frame.results;
  if (!Array.isArray(results) || results.length > MAX_RESULTS_PER_PAGE) return undefined;
  if (keyCount(frame) !== keys) return undefined;

  // A plain loop without closures: this runs for every result a desktop catches up on.
  let previous = 0;
  for (let i = 0; i < results.length; i++) {
    let resultCursor: number;
    if (isPlainResult(results[i], 'logged')) {
      resultCursor = (results[i] as LoggedResult).cursor;
    } else {
      const parsed = LoggedResult.safeParse(results[i]);
      if (!parsed.success) return undefined;
      results[i] = parsed.data;
      resultCursor = parsed.data.cursor;
    }
    if (resultCursor <= previous) return undefined;
    previous = resultCursor;
  }
  if (cursor < previous) return undefined;

  const page = results as ResultsPageMessage['results'];
  // The schema leaves an absent optional key absent, so the page gets one only when sent one.
  return typeof requestId === 'string'
    ? { type: 'results.page', requestId, results: page, cursor, backlog, live }
    : { type: 'results.page', results: page, cursor, backlog, live };
}
