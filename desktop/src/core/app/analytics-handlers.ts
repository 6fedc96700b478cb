import type { ApiHandlers } from '../../contract/index.js';
import { monitorReport, reportSubject, slaCsv, slaCsvFilename, slaOverview } from '../analytics/index.js';
import type { CoreConfig } from './core-options.js';
import { type CoreContext, notFound } from './core-context.js';

/** What the analytics handlers need: the store and the clock. */
export type AnalyticsContext = Pick<CoreContext, 'store'> & { readonly config: Pick<CoreConfig, 'now'> };

/**
 * The `analytics.*` methods: SLA reports from the local store (rollups, incidents, a sample of raw
 * checks). A report needs the monitor's configuration for its name and regions; a deleted
 * monitor's history is still in `history.*`.
 */
export function analyticsHandlers(
  ctx: AnalyticsContext,
): Pick<ApiHandlers, 'analytics.report' | 'analytics.overview' | 'analytics.slaCsv'> {
  const { store } = ctx;
  return {
    'analytics.report': ({ monitorId, region, from, to }) => {
      const subject = reportSubject(store, monitorId);
      if (subject === null) return notFound(`monitor ${monitorId}`);
      const now = ctx.config.now();
      return {
        ok: true,
        value: monitorReport(store, subject, {
          monitorId,
          ...(region === undefined ? {} : { region }),
          from,
          to,
          now,
        }),
      };
    },

    'analytics.overview': ({ from, to }) => ({
      ok: true,
      value: slaOverview(store, { from, to, now: ctx.config.now() }),
    }),

    'analytics.slaCsv': ({ from, to, monitorIds }) => {
      const overview = slaOverview(store, {
        from,
        to,
        now: ctx.config.now(),
        ...(monitorIds === undefined ? {} : { monitorIds }),
      });
      return {
        ok: true,
        value: { filename: slaCsvFilename(from, to), text: slaCsv(overview), rows: overview.rows.length },
      };
    },
  };
}
