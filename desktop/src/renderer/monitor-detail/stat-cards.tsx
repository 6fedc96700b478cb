import type { MonitorStatsView } from '../../contract/index.js';
import { formatLatency, formatUptime } from '../format/format.js';

/** The range's figures: uptime, percentiles, check and incident counts. */
export function StatCards({ stats, loading }: { stats: MonitorStatsView | null; loading: boolean }) {
  const figures: { label: string; value: string; hint?: string }[] = [
    { label: 'Uptime', value: formatUptime(stats?.uptime, 3) },
    { label: 'p50', value: formatLatency(stats?.latency?.p50Ms), hint: 'median response time' },
    { label: 'p95', value: formatLatency(stats?.latency?.p95Ms) },
    { label: 'p99', value: formatLatency(stats?.latency?.p99Ms) },
    { label: 'Checks', value: stats === null ? '—' : stats.checks.toLocaleString() },
    { label: 'Incidents', value: stats === null ? '—' : stats.incidents.toLocaleString() },
  ];
  return (
    <div className="stat-grid">
      {figures.map((figure) => (
        <div key={figure.label} className="stat" title={figure.hint}>
          <div className="stat-label">{figure.label}</div>
          <div className={`stat-value num${loading ? ' loading' : ''}`}>
            {loading && stats === null ? '\u00a0' : figure.value}
          </div>
        </div>
      ))}
    </div>
  );
}
