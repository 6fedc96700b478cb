import { z } from 'zod';
import { CheckResult } from '../results/check-result.js';
import { LogCursor, RequestId } from './wire-primitives.js';

/** Most results in one `results.page`. The relay also cuts pages to stay under the desktop's frame limit. */
export const MAX_RESULTS_PER_PAGE = 1000;

/** A result as stored in the relay's log, with its position there. */
export const LoggedResult = CheckResult.extend({ cursor: LogCursor.min(1) });
/** A result as stored in the relay's log. */
export type LoggedResult = z.output<typeof LoggedResult>;

/**
 * `results.page`: the next results after the desktop's cursor, in log order. The first page
 * answering a `results.subscribe` carries its `requestId`, even when empty. The desktop stores the
 * page (idempotently, by `probeId:seq`) and then sends `results.commit` with `cursor`.
 */
export const ResultsPageMessage = z
  .object({
    type: z.literal('results.page'),
    requestId: RequestId.optional(),
    results: z.array(LoggedResult).max(MAX_RESULTS_PER_PAGE),
    /** The log position this page reaches: at least its last result's cursor. */
    cursor: LogCursor,
    /** How many log entries remain after this page. */
    backlog: z.number().int().nonnegative(),
    /** True once the backlog is drained; later pages are live results. */
    live: z.boolean(),
  })
  .superRefine((page, ctx) => {
    let previous = 0;
    page.results.forEach((result, i) => {
      if (result.cursor <= previous) {
        ctx.addIssue({
          code: 'custom',
          path: ['results', i, 'cursor'],
          message: 'must be greater than the one before',
        });
      }
      previous = result.cursor;
    });
    if (page.cursor < previous)
      ctx.addIssue({
        code: 'custom',
        path: ['cursor'],
        message: "must be at least the last result's cursor",
      });
    if (page.live && page.backlog > 0)
      ctx.addIssue({ code: 'custom', path: ['live'], message: 'cannot be true while backlog is above 0' });
  });
/** `results.page`: a page of the result log. */
export type ResultsPageMessage = z.output<typeof ResultsPageMessage>;
