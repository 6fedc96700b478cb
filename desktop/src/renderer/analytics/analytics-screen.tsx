import { ArrowLeft, ChartColumn, Download, Printer } from 'lucide-react';
import { useEffect, useState } from 'react';
import { EmptyState, ErrorState, Skeleton } from '../components/empty-state.js';
import { PageHeader } from '../components/page-header.js';
import { formatRoute } from '../routing/routes.js';
import { useAppStore } from '../store/use-app-store.js';
import './analytics.css';
import { downloadText } from './download-text.js';
import { OverviewStats } from './overview-stats.js';
import { OverviewTable } from './overview-table.js';
import { RangePicker } from './range-picker.js';
import { ReportBody } from './report-body.js';
import { formatRange } from './sla-format.js';

const TARGETS = [0.99, 0.995, 0.999, 0.9995, 0.9999];

/** Reports: every monitor's SLA over a range, or one monitor's report; exported as CSV or printed. */
export function AnalyticsScreen({ monitorId }: { monitorId: string | null }) {
  const choice = useAppStore((s) => s.analyticsRange);
  const setChoice = useAppStore((s) => s.setAnalyticsRange);
  const target = useAppStore((s) => s.slaTarget);
  const setTarget = useAppStore((s) => s.setSlaTarget);
  const overview = useAppStore((s) => s.slaOverview);
  const overviewLoad = useAppStore((s) => s.slaOverviewLoad);
  const report = useAppStore((s) => s.monitorReport);
  const reportLoad = useAppStore((s) => s.monitorReportLoad);
  const loadOverview = useAppStore((s) => s.loadSlaOverview);
  const loadReport = useAppStore((s) => s.loadMonitorReport);
  const exportCsv = useAppStore((s) => s.exportSlaCsv);
  const toast = useAppStore((s) => s.toast);
  const [exporting, setExporting] = useState(false);

  const reload = () => void (monitorId === null ? loadOverview() : loadReport(monitorId));
  // The loaders read the range from the store; `choice` is here to reload when it changes.
  useEffect(() => {
    if (monitorId === null) void loadOverview();
    else void loadReport(monitorId);
  }, [monitorId, choice, loadOverview, loadReport]);

  const shown = monitorId === null ? overview : report?.monitorId === monitorId ? report : null;
  const load = monitorId === null ? overviewLoad : reportLoad;
  const download = async () => {
    setExporting(true);
    const result = await exportCsv(monitorId === null ? undefined : [monitorId]);
    setExporting(false);
    if (!result.ok) return toast('error', 'Could not export the CSV', result.error.message);
    downloadText(result.value.filename, result.value.text);
  };

  return (
    <div className="page analytics-page">
      <PageHeader
        leading={
          monitorId === null ? undefined : (
            <a
              className="icon-btn no-print"
              href={formatRoute({ screen: 'analytics', monitorId: null })}
              aria-label="All monitors"
              title="All monitors"
            >
              <ArrowLeft size={16} />
            </a>
          )
        }
        title={monitorId === null ? 'Reports' : report?.monitorId === monitorId ? report.name : monitorId}
        subtitle={
          shown === null
            ? 'Uptime, outages and response times over a range'
            : monitorId === null
              ? `SLA overview · ${formatRange(shown.from, shown.to)} (UTC) · ${overview?.rows.length ?? 0} monitors`
              : `SLA report · ${formatRange(shown.from, shown.to)} (UTC)`
        }
        actions={
          <div className="analytics-actions no-print">
            <RangePicker value={choice} onChange={setChoice} />
            <label className="sla-target">
              <span className="muted small">Target</span>
              <select
                className="select select-sm"
                value={target}
                onChange={(e) => setTarget(Number(e.target.value))}
              >
                {TARGETS.map((t) => (
                  <option key={t} value={t}>
                    {(t * 100).toFixed(t >= 0.9995 ? 2 : 1)}%
                  </option>
                ))}
              </select>
            </label>
            <button
              type="button"
              className="btn"
              onClick={() => void download()}
              disabled={exporting || shown === null}
            >
              <Download size={14} /> Export CSV
            </button>
            <button type="button" className="btn" onClick={() => window.print()} disabled={shown === null}>
              <Printer size={14} /> Print report
            </button>
          </div>
        }
      />
      <div className="page-body">
        {load.status === 'error' && shown === null ? (
          <ErrorState message={load.error ?? ''} onRetry={reload} />
        ) : shown === null ? (
          <div className="card">
            <Skeleton lines={6} height={32} />
          </div>
        ) : monitorId === null && overview !== null ? (
          overview.rows.length === 0 ? (
            <div className="card">
              <EmptyState icon={ChartColumn} title="Nothing to report yet">
                Reports appear once a monitor has checks in the range.
              </EmptyState>
            </div>
          ) : (
            <>
              <OverviewStats overview={overview} target={target} />
              <section className="card report-card">
                <OverviewTable overview={overview} target={target} />
              </section>
            </>
          )
        ) : report !== null ? (
          <ReportBody report={report} target={target} />
        ) : null}
        <p className="print-only muted small">
          Generated by Vantage on {new Date(shown?.generatedAt ?? 0).toUTCString()}. Uptime is time-weighted:
          outages (incidents, and failed checks in most regions) against the range, planned maintenance
          excluded.
        </p>
      </div>
    </div>
  );
}
