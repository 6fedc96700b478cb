import { type ApiResult, apiError, DesktopErrorCode } from '../../contract/index.js';
import type { MonitorReportView, SlaOverviewView } from '../../contract/methods/analytics-methods.js';
import { defaultRangeChoice, type RangeChoice, rangeOf } from '../analytics/report-range.js';
import { failed, IDLE, LOADING, type LoadState, READY, reloading } from './load-state.js';
import type { SliceCreator } from './store-types.js';

/** The SLA CSV as the core answers it. */
export interface SlaCsvFile {
  filename: string;
  text: string;
  rows: number;
}

/** SLA reports: the chosen range and target, the overview of every monitor, one monitor's report. */
export interface AnalyticsSlice {
  analyticsRange: RangeChoice;
  /** The SLA target (uptime as a fraction) the overview highlights against. */
  slaTarget: number;
  slaOverview: SlaOverviewView | null;
  slaOverviewLoad: LoadState;
  monitorReport: MonitorReportView | null;
  monitorReportLoad: LoadState;
  setAnalyticsRange(choice: RangeChoice): void;
  setSlaTarget(target: number): void;
  /** Loads the overview over the chosen range. */
  loadSlaOverview(): Promise<void>;
  /** Loads a monitor's report over the chosen range, for all regions or one. */
  loadMonitorReport(monitorId: string, region?: string | null): Promise<void>;
  /** The SLA CSV over the chosen range (some monitors or all). */
  exportSlaCsv(monitorIds?: string[]): Promise<ApiResult<SlaCsvFile>>;
}

/** The analytics slice. */
export const createAnalyticsSlice: SliceCreator<AnalyticsSlice> = (set, get, { transport, now }) => {
  // Answers to a request that a newer one replaced (the range changed meanwhile) are dropped.
  let overviewTicket = 0;
  let reportTicket = 0;
  const range = () => rangeOf(get().analyticsRange, now());
  return {
    analyticsRange: defaultRangeChoice(now()),
    slaTarget: 0.999,
    slaOverview: null,
    slaOverviewLoad: IDLE,
    monitorReport: null,
    monitorReportLoad: IDLE,

    setAnalyticsRange(choice) {
      set({ analyticsRange: choice });
    },

    setSlaTarget(target) {
      set({ slaTarget: target });
    },

    async loadSlaOverview() {
      const r = range();
      if (!r.ok) return set({ slaOverviewLoad: failed(r.reason) });
      const ticket = ++overviewTicket;
      set({ slaOverviewLoad: reloading(get().slaOverviewLoad) });
      const result = await transport.call('analytics.overview', { from: r.from, to: r.to });
      if (ticket !== overviewTicket) return;
      if (!result.ok) return set({ slaOverviewLoad: failed(result.error.message) });
      set({ slaOverview: result.value, slaOverviewLoad: READY });
    },

    async loadMonitorReport(monitorId, region) {
      const r = range();
      if (!r.ok) return set({ monitorReportLoad: failed(r.reason) });
      const ticket = ++reportTicket;
      const same = get().monitorReport?.monitorId === monitorId;
      set({
        monitorReportLoad: same ? reloading(get().monitorReportLoad) : LOADING,
        ...(same ? {} : { monitorReport: null }),
      });
      const result = await transport.call('analytics.report', {
        monitorId,
        ...(region == null ? {} : { region }),
        from: r.from,
        to: r.to,
      });
      if (ticket !== reportTicket) return;
      if (!result.ok) return set({ monitorReportLoad: failed(result.error.message) });
      set({ monitorReport: result.value, monitorReportLoad: READY });
    },

    async exportSlaCsv(monitorIds) {
      const r = range();
      if (!r.ok) return { ok: false, error: apiError(DesktopErrorCode.invalidInput, r.reason) };
      return transport.call('analytics.slaCsv', {
        from: r.from,
        to: r.to,
        ...(monitorIds === undefined ? {} : { monitorIds }),
      });
    },
  };
};
