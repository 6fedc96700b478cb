import type { MonitorReportView } from '../../contract/methods/analytics-methods.js';
import { formatDateTime, formatLatency, formatUptime, plural } from '../format/format.js';
import { formatDuration, uptimeTone } from './sla-format.js';

interface Figure {
  label: string;
  value: string;
  hint?: string;
  tone?: string;
  /** A long value (a date): a smaller font keeps the card one line. */
  small?: boolean;
}

/** The report's figures as cards: availability first, then response times. */
export function ReportStats({ report, target }: { report: MonitorReportView; target: number }) {
  const last = report.lastDowntime;
  const availability: Figure[] = [
    {
      label: 'Uptime',
      value: formatUptime(report.uptime, 3),
      hint: `target ${formatUptime(target, 2)}`,
      tone: uptimeTone(report.uptime, target),
    },
    { label: 'Downtime', value: formatDuration(report.downtimeS), hint: 'in the range' },
    {
      label: 'Incidents',
      value: report.incidentCount.toLocaleString(),
      hint: plural(report.outages.length, 'outage'),
    },
    { label: 'MTTR', value: formatDuration(report.mttrS), hint: 'mean time to recover' },
    { label: 'MTBF', value: formatDuration(report.mtbfS), hint: 'between failures' },
    {
      label: 'Last downtime',
      value: last === null ? 'None' : formatDateTime(last.start),
      hint:
        last === null ? 'none before the range ended' : `${formatDuration(last.durationS)}: ${last.cause}`,
      small: true,
    },
  ];
  const speed: Figure[] = [
    { label: 'p50', value: formatLatency(report.latency?.p50Ms), hint: 'median response time' },
    { label: 'p95', value: formatLatency(report.latency?.p95Ms) },
    { label: 'p99', value: formatLatency(report.latency?.p99Ms) },
    { label: 'Average', value: formatLatency(report.latency?.avgMs) },
    { label: 'Checks', value: report.checks.toLocaleString() },
    {
      label: 'Checks passed',
      value: formatUptime(report.checkUptime, 3),
      hint: 'up or degraded',
    },
  ];
  return (
    <div className="report-stats">
      {[availability, speed].map((figures, i) => (
        <div key={i} className="stat-grid">
          {figures.map((f) => (
            <div
              key={f.label}
              className="stat"
              title={f.hint}
              data-testid={`stat-${f.label.toLowerCase().replaceAll(' ', '-')}`}
            >
              <div className="stat-label">{f.label}</div>
              <div
                className={`stat-value num${f.tone === undefined ? '' : ` tone-${f.tone}`}${f.small === true ? ' stat-value-sm' : ''}`}
              >
                {f.value}
              </div>
              {f.hint !== undefined && <div className="stat-hint muted small">{f.hint}</div>}
            </div>
          ))}
        </div>
      ))}
    </div>
  );
}
