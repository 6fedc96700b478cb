import type { MonitorReportView } from '../../contract/methods/analytics-methods.js';
import { formatDateTime, formatLatency, formatUptime } from '../format/format.js';
import { formatRoute } from '../routing/routes.js';
import { formatDuration, uptimeTone } from './sla-format.js';

/** The outages of the range, newest first, each with its cause and a link to its incidents. */
export function OutageTable({ report }: { report: MonitorReportView }) {
  if (report.outages.length === 0) return <p className="muted small">No outage in this range.</p>;
  return (
    <div className="table-wrap">
      <table className="table" data-testid="outages">
        <thead>
          <tr>
            <th>Start</th>
            <th>End</th>
            <th className="right">Duration</th>
            <th>Cause</th>
            <th>Regions</th>
          </tr>
        </thead>
        <tbody>
          {[...report.outages].reverse().map((o) => (
            <tr key={o.start}>
              <td className="num">{formatDateTime(o.start)}</td>
              <td className="num">
                {o.open ? <span className="tone-down">ongoing</span> : formatDateTime(o.end)}
              </td>
              <td className="num right">{formatDuration(o.durationS)}</td>
              <td className="message-cell">
                {o.cause}
                {o.incidentIds.map((id) => (
                  <a
                    key={id}
                    className="chip chip-xs outage-incident no-print-link"
                    href={formatRoute({ screen: 'incidents', incidentId: id })}
                  >
                    {id}
                  </a>
                ))}
              </td>
              <td className="muted">{o.regions.join(', ')}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Each region's figures side by side: where the monitor fails and where it is slow. */
export function RegionComparison({ report, target }: { report: MonitorReportView; target: number }) {
  if (report.regions.length === 0)
    return <p className="muted small">No region has reported in this range.</p>;
  return (
    <div className="table-wrap">
      <table className="table" data-testid="region-comparison">
        <thead>
          <tr>
            <th>Region</th>
            <th className="right">Uptime</th>
            <th className="right">Downtime</th>
            <th className="right">Outages</th>
            <th className="right">Checks</th>
            <th className="right">p50</th>
            <th className="right">p95</th>
            <th className="right">p99</th>
          </tr>
        </thead>
        <tbody>
          {report.regions.map((r) => (
            <tr key={r.region}>
              <td className="strong">{r.region}</td>
              <td className="right">
                <span className={`sla-uptime tone-${uptimeTone(r.uptime, target)}`}>
                  {formatUptime(r.uptime, 3)}
                </span>
              </td>
              <td className="num right">{formatDuration(r.downtimeS)}</td>
              <td className="num right">{r.outages}</td>
              <td className="num right muted">{r.checks.toLocaleString()}</td>
              <td className="num right">{formatLatency(r.latency?.p50Ms)}</td>
              <td className="num right">{formatLatency(r.latency?.p95Ms)}</td>
              <td className="num right">{formatLatency(r.latency?.p99Ms)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
