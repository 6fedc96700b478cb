import { ArrowLeft, FileQuestion } from 'lucide-react';
import { useEffect, useMemo } from 'react';
import { EmptyState, ErrorState, Skeleton } from '../components/empty-state.js';
import { PageHeader } from '../components/page-header.js';
import { Segmented } from '../components/segmented.js';
import { StatusBadge } from '../components/status-badge.js';
import { TypeIcon } from '../components/type-icon.js';
import { useNow } from '../components/use-now.js';
import { formatSeconds, formatSpan, monitorTarget } from '../format/format.js';
import { statusLabel } from '../format/status-labels.js';
import { HeartbeatPanel } from '../heartbeats/heartbeat-panel.js';
import { IncidentCard } from '../incidents/incident-card.js';
import { useAppStore } from '../store/use-app-store.js';
import { AvailabilityStrip } from './availability-strip.js';
import type { LatencyMetric } from './chart-data.js';
import { ChecksTable } from './checks-table.js';
import { DetailActions } from './detail-actions.js';
import { LatencyChart } from './latency-chart.js';
import { PhaseBreakdown } from './phase-breakdown.js';
import { RegionTable } from './region-table.js';
import { StatCards } from './stat-cards.js';
import { RANGE_KEYS } from './time-ranges.js';

const METRICS: { value: LatencyMetric; label: string }[] = [
  { value: 'meanMs', label: 'Mean' },
  { value: 'p95Ms', label: 'p95' },
  { value: 'maxMs', label: 'Max' },
];

/** One monitor in depth: live latency per region, figures over a range, checks, regions and incidents. */
export function DetailScreen({ monitorId }: { monitorId: string }) {
  const view = useAppStore((s) => s.monitors.get(monitorId));
  const monitorsLoad = useAppStore((s) => s.monitorsLoad);
  const detail = useAppStore((s) => s.detail);
  const openDetail = useAppStore((s) => s.openDetail);
  const closeDetail = useAppStore((s) => s.closeDetail);
  const setRange = useAppStore((s) => s.setRange);
  const setMetric = useAppStore((s) => s.setMetric);
  const refreshDetail = useAppStore((s) => s.refreshDetail);
  const navigate = useAppStore((s) => s.navigate);
  const incidents = useAppStore((s) => s.incidents);
  const now = useNow();

  useEffect(() => {
    void openDetail(monitorId);
    return () => closeDetail();
  }, [monitorId, openDetail, closeDetail]);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const target = event.target as HTMLElement | null;
      if (
        event.defaultPrevented ||
        event.metaKey ||
        event.ctrlKey ||
        ['INPUT', 'TEXTAREA', 'SELECT'].includes(target?.tagName ?? '')
      )
        return;
      if (event.key === 'e') navigate({ screen: 'editor', monitorId });
      if (event.key === 'Escape') navigate({ screen: 'dashboard' });
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [monitorId, navigate]);

  const mine = useMemo(
    () =>
      Object.values(incidents)
        .filter((incident) => incident.monitorId === monitorId)
        .sort((a, b) => b.openedAt - a.openedAt),
    [incidents, monitorId],
  );

  if (view === undefined) {
    if (monitorsLoad.status !== 'ready')
      return (
        <div className="page">
          <PageHeader title="Monitor" subtitle="Loading…" />
          <div className="page-body">
            <div className="card">
              <Skeleton lines={6} height={28} />
            </div>
          </div>
        </div>
      );
    return (
      <div className="page">
        <EmptyState
          icon={FileQuestion}
          title="No such monitor"
          action={
            <a className="btn" href="#/">
              Back to monitors
            </a>
          }
        >
          There is no monitor with the id <code>{monitorId}</code>. It may have been deleted.
        </EmptyState>
      </div>
    );
  }

  const { monitor } = view;
  const ready = detail.load.status === 'ready' && detail.monitorId === monitorId;
  const windowFrom = detail.overall?.from ?? now - 86_400_000;
  const windowTo = detail.overall?.to ?? now;
  return (
    <div className="page">
      <PageHeader
        leading={
          <button
            type="button"
            className="icon-btn"
            aria-label="Back to monitors"
            onClick={() => navigate({ screen: 'dashboard' })}
          >
            <ArrowLeft size={18} />
          </button>
        }
        title={
          <span className="title-with-badge">
            <TypeIcon type={monitor.type} size={18} />
            {monitor.name}
            <StatusBadge status={view.status} />
          </span>
        }
        subtitle={
          <span className="detail-subtitle">
            <span className="mono">{monitorTarget(monitor)}</span>
            {/* A heartbeat's schedule is its target text; its interval only paces the relay's checks. */}
            {monitor.type !== 'heartbeat' && <span>every {formatSeconds(monitor.interval)}</span>}
            {view.statusSince !== null && (
              <span>{`${statusLabel(view.status)} for ${formatSpan(now - view.statusSince)}`}</span>
            )}
            {!view.synced && <span className="chip chip-xs">not on the relay yet</span>}
          </span>
        }
        actions={<DetailActions view={view} />}
      />
      <div className="page-body detail">
        {view.statusMessage !== '' && view.status !== 'up' && (
          <div
            className={`inline-alert inline-alert-${view.status === 'degraded' ? 'degraded' : view.status === 'down' || view.status === 'dependency_down' ? 'down' : 'info'}`}
          >
            {view.statusMessage}
          </div>
        )}
        {monitor.type === 'heartbeat' && <HeartbeatPanel monitor={monitor} now={now} />}
        <div className="detail-controls">
          <Segmented
            label="Range"
            options={RANGE_KEYS.map((key) => ({ value: key, label: key }))}
            value={detail.range}
            onChange={(range) => void setRange(range)}
          />
          <Segmented
            label="Latency figure"
            size="sm"
            options={METRICS}
            value={detail.metric}
            onChange={setMetric}
          />
        </div>
        <StatCards stats={ready ? detail.stats : null} loading={!ready} />
        <section className="card">
          <div className="card-header">
            <h2 className="section-title">Response time</h2>
            <span className="muted small">
              {detail.charts.length > 1
                ? `${detail.charts.length} regions`
                : (detail.charts[0]?.region ?? '')}{' '}
              · live
            </span>
          </div>
          {detail.load.status === 'error' ? (
            <ErrorState compact message={detail.load.error ?? ''} onRetry={() => void refreshDetail()} />
          ) : !ready ? (
            <div className="chart-placeholder skeleton" />
          ) : (
            <>
              <LatencyChart charts={detail.charts} metric={detail.metric} from={windowFrom} to={windowTo} />
              {detail.overall !== null && <AvailabilityStrip chart={detail.overall} />}
            </>
          )}
        </section>
        <div className="detail-columns">
          <section className="card">
            <h2 className="section-title">Regions</h2>
            <RegionTable view={view} now={now} />
          </section>
          <section className="card">
            <h2 className="section-title">Where the time goes</h2>
            {ready ? <PhaseBreakdown checks={detail.checks} /> : <Skeleton lines={3} />}
          </section>
        </div>
        <section className="card">
          <h2 className="section-title">Incidents</h2>
          {mine.length === 0 ? (
            <p className="muted small">
              No incidents. When enough regions confirm a failure, one opens here.
            </p>
          ) : (
            <div className="incident-list">
              {mine.slice(0, 20).map((incident) => (
                <IncidentCard key={incident.id} incident={incident} now={now} showMonitor={false} />
              ))}
            </div>
          )}
        </section>
        <section className="card">
          <h2 className="section-title">Latest checks</h2>
          {ready ? <ChecksTable checks={detail.checks} /> : <Skeleton lines={5} />}
        </section>
      </div>
    </div>
  );
}
