import { type ApiHandlers, type ApiResult, invalidInput } from '../../contract/index.js';
import { ChartQuery } from '../store/index.js';
import type { CoreContext } from './core-context.js';
import { lineStats } from '../analytics/line-stats.js';

/** Incidents of one monitor read for its range figures; a monitor has far fewer in its whole life. */
const INCIDENTS_READ = 100_000;

/**
 * The `history.*` methods: charts and range figures from rollups, recent raw checks. A deleted
 * monitor's history stays readable until retention drops it, so these do not require the monitor.
 */
export function historyHandlers(
  ctx: CoreContext,
): Pick<ApiHandlers, 'history.chart' | 'history.stats' | 'history.checks'> {
  const { store } = ctx;
  const query = (input: {
    monitorId: string;
    region?: string;
    from: number;
    to: number;
  }): ApiResult<ChartQuery> => {
    // The store's query adds its own limits (a range of at most 20 years).
    const parsed = ChartQuery.safeParse(input);
    return parsed.success
      ? { ok: true, value: parsed.data }
      : { ok: false, error: invalidInput(parsed.error.issues) };
  };

  return {
    'history.chart': (input) => {
      const q = query(input);
      return q.ok ? { ok: true, value: store.chartSeries(q.value) } : q;
    },

    'history.stats': (input) => {
      const q = query(input);
      if (!q.ok) return q;
      const incidents = store.incidents.list({ monitorId: q.value.monitorId, limit: INCIDENTS_READ });
      return { ok: true, value: lineStats(store.rangeBuckets(q.value), incidents) };
    },

    'history.checks': ({ monitorId, region, limit }) => ({
      ok: true,
      value: store.lastChecks(monitorId, limit, region),
    }),
  };
}
