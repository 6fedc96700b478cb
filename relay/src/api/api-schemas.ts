import {
  Incident,
  IncidentId,
  LogCursor,
  LoggedResult,
  MAX_RESULTS_PER_PAGE,
  MonitorId,
  MonitorSchema,
  MonitorStatusEntry,
  ProbeInfo,
  Revision,
} from '@vantage/shared';
import { z } from 'zod';
import { ApiErrorBody } from './api-error.js';

// Request and response shapes of the REST API, built from the shared schemas so the OpenAPI
// document, the validation and the WebSocket protocol can never disagree.

/** A monitor id in the path. */
export const MonitorParams = z.object({ id: MonitorId });
/** An incident id in the path. */
export const IncidentParams = z.object({ id: IncidentId });

/** Optimistic locking for a change: refused with 409 unless the monitor set is still at this revision. */
export const ChangeQuery = z.object({
  baseRevision: queryInt(0, Number.MAX_SAFE_INTEGER)
    .optional()
    .describe('refuse the change (409) unless the monitor set is still at this revision'),
});

/** A monitor as stored, with the set's revision after the change. */
export const MonitorWithRevision = z.object({ revision: Revision, monitor: MonitorSchema });
/** The whole monitor set. */
export const MonitorList = z.object({ revision: Revision, monitors: z.array(MonitorSchema) });
/** The revision after a deletion. */
export const DeletedMonitor = z.object({ revision: Revision, id: MonitorId });

/** Everything's status right now. */
export const StatusBody = z.object({
  monitors: z.array(MonitorStatusEntry),
  incidents: z.array(Incident),
  probes: z.array(ProbeInfo),
});

/** A whole number from the query string, with a plain message when it is not a number at all. */
function queryInt(min: number, max: number) {
  return z.coerce
    .number({ error: (issue) => (issue.code === 'invalid_type' ? 'must be a number' : undefined) })
    .int()
    .min(min)
    .max(max);
}

const flag = z.enum(['true', 'false']).transform((text) => text === 'true');

/** Filters of `GET /incidents`. */
export const IncidentQuerySchema = z.object({
  open: flag.optional().describe('only open (true) or only resolved (false) incidents'),
  monitorId: MonitorId.optional(),
  limit: queryInt(1, 1000).default(100),
});
/** A list of incidents, newest first. */
export const IncidentList = z.object({ incidents: z.array(Incident) });
/** Who acknowledges an incident. */
export const AckBody = z.object({ by: z.string().trim().min(1).max(200) });

/** The probes the relay knows. */
export const ProbeList = z.object({ probes: z.array(ProbeInfo) });

/** Paging through the result log. */
export const ResultQuery = z.object({
  after: queryInt(0, Number.MAX_SAFE_INTEGER)
    .default(0)
    .describe('cursor of the last result already read; 0 for the start'),
  limit: queryInt(1, MAX_RESULTS_PER_PAGE).default(500),
});
/** One page of the result log. */
export const ResultPage = z.object({
  results: z.array(LoggedResult),
  /** Pass as `after` to read on; equals the last result's cursor, or `after` when nothing was new. */
  cursor: LogCursor,
  /** The newest cursor in the log. */
  head: LogCursor,
  /** The oldest cursor still retained; results before it were pruned. */
  tail: LogCursor,
});

/** Error answers a route may give, for the OpenAPI document. */
export function errors(...statuses: number[]): Record<number, typeof ApiErrorBody> {
  return Object.fromEntries(statuses.map((status) => [status, ApiErrorBody]));
}
