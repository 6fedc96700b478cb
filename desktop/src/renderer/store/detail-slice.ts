import type { ChartView, CheckView, MonitorStatsView } from '../../contract/index.js';
import { type LatencyMetric, mergeLiveChecks, prependChecks } from '../monitor-detail/chart-data.js';
import { chartRegions } from '../monitor-detail/chart-regions.js';
import { type RangeKey, rangeWindow } from '../monitor-detail/time-ranges.js';
import { failed, IDLE, type LoadState, LOADING, READY } from './load-state.js';
import type { SliceCreator } from './store-types.js';

/** What the monitor detail page shows for its monitor and range. */
export interface DetailState {
  monitorId: string | null;
  range: RangeKey;
  metric: LatencyMetric;
  /** One chart per region, in region order. */
  charts: ChartView[];
  /** Every region together (`*`): the availability strip. */
  overall: ChartView | null;
  stats: MonitorStatsView | null;
  /** Newest first. */
  checks: CheckView[];
  load: LoadState;
}

/** The monitor detail page's data: charts, figures and recent checks, kept live. */
export interface DetailSlice {
  detail: DetailState;
  /** Shows a monitor (keeping the range and metric chosen before). */
  openDetail(monitorId: string): Promise<void>;
  setRange(range: RangeKey): Promise<void>;
  setMetric(metric: LatencyMetric): void;
  refreshDetail(): Promise<void>;
  /** Folds live checks into the open monitor's charts and table. */
  applyChecks(checks: readonly CheckView[]): void;
  closeDetail(): void;
}

/** Rows in the last-checks table. */
export const CHECKS_LIMIT = 100;
const STATS_REFRESH_MS = 5000;

const EMPTY: DetailState = {
  monitorId: null,
  range: '24h',
  metric: 'meanMs',
  charts: [],
  overall: null,
  stats: null,
  checks: [],
  load: IDLE,
};

/** The detail slice. */
export const createDetailSlice: SliceCreator<DetailSlice> = (set, get, { transport, now }) => {
  // Answers to an older request (another monitor, another range) are dropped when they arrive late.
  let generation = 0;
  let statsTimer: ReturnType<typeof setTimeout> | null = null;

  const patch = (fields: Partial<DetailState>) => set({ detail: { ...get().detail, ...fields } });

  const load = async (monitorId: string, range: RangeKey, quiet: boolean) => {
    const mine = ++generation;
    if (!quiet) patch({ load: LOADING });
    const { from, to } = rangeWindow(range, now());
    const regions = chartRegions(get().monitors.get(monitorId), get().app?.regions ?? []);
    const [overall, stats, checks, ...charts] = await Promise.all([
      transport.call('history.chart', { monitorId, from, to }),
      transport.call('history.stats', { monitorId, from, to }),
      transport.call('history.checks', { monitorId, limit: CHECKS_LIMIT }),
      ...regions.map((region) => transport.call('history.chart', { monitorId, region, from, to })),
    ]);
    if (mine !== generation) return;
    if (!overall.ok) return patch({ load: failed(overall.error.message) });
    patch({
      overall: overall.value,
      stats: stats.ok ? stats.value : null,
      checks: checks.ok ? checks.value : [],
      charts: charts.flatMap((chart) => (chart.ok ? [chart.value] : [])),
      load: READY,
    });
  };

  const refreshStats = () => {
    statsTimer = null;
    const { monitorId, range } = get().detail;
    if (monitorId === null) return;
    const mine = generation;
    const { from, to } = rangeWindow(range, now());
    void transport.call('history.stats', { monitorId, from, to }).then((stats) => {
      if (mine === generation && stats.ok) patch({ stats: stats.value });
    });
  };

  return {
    detail: EMPTY,

    async openDetail(monitorId) {
      const current = get().detail;
      if (current.monitorId === monitorId && current.load.status !== 'error') return;
      set({ detail: { ...EMPTY, range: current.range, metric: current.metric, monitorId, load: LOADING } });
      void get().loadMonitorIncidents(monitorId);
      await load(monitorId, current.range, false);
    },

    async setRange(range) {
      const { monitorId } = get().detail;
      patch({ range });
      if (monitorId !== null) await load(monitorId, range, false);
    },

    setMetric(metric) {
      patch({ metric });
    },

    async refreshDetail() {
      const { monitorId, range } = get().detail;
      if (monitorId !== null) await load(monitorId, range, true);
    },

    applyChecks(checks) {
      const detail = get().detail;
      if (detail.monitorId === null || detail.load.status !== 'ready' || detail.overall === null) return;
      const mine = checks.filter((check) => check.monitorId === detail.monitorId);
      if (mine.length === 0) return;
      const charts = [...detail.charts];
      for (const check of mine) {
        if (charts.some((chart) => chart.region === check.region)) continue;
        // A region's first check draws a new line instead of being dropped.
        charts.push({ ...detail.overall, region: check.region, points: [] });
        charts.sort((a, b) => a.region.localeCompare(b.region));
      }
      patch({
        overall: mergeLiveChecks(detail.overall, mine),
        charts: charts.map((chart) => mergeLiveChecks(chart, mine)),
        checks: prependChecks(detail.checks, mine, CHECKS_LIMIT),
      });
      statsTimer ??= setTimeout(refreshStats, STATS_REFRESH_MS);
    },

    closeDetail() {
      generation++;
      if (statsTimer !== null) clearTimeout(statsTimer);
      statsTimer = null;
      const { range, metric } = get().detail;
      set({ detail: { ...EMPTY, range, metric } });
    },
  };
};
