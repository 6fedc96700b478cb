import type { MonitorView } from '../../contract/index.js';
import { StatusBadge } from '../components/status-badge.js';
import { formatAgo, formatLatency } from '../format/format.js';

/** Each region's verdict and latest check for one monitor. */
export function RegionTable({ view, now }: { view: MonitorView; now: number }) {
  const last = new Map(view.regions.map((check) => [check.region, check]));
  const names = [...new Set([...view.regionStatuses.map((entry) => entry.region), ...last.keys()])].sort();
  if (names.length === 0) return <p className="muted small">No region has reported yet.</p>;
  return (
    <div className="table-wrap">
      <table className="table">
        <thead>
          <tr>
            <th>Region</th>
            <th>Status</th>
            <th className="right">Last check</th>
            <th className="right">Latency</th>
            <th>Why</th>
          </tr>
        </thead>
        <tbody>
          {names.map((region) => {
            const verdict = view.regionStatuses.find((entry) => entry.region === region);
            const check = last.get(region);
            return (
              <tr key={region}>
                <td className="strong">{region}</td>
                <td>
                  <StatusBadge status={verdict?.status ?? check?.state ?? 'pending'} size="sm" />
                </td>
                <td className="right muted">{formatAgo(check?.ts ?? verdict?.lastResultAt ?? null, now)}</td>
                <td className="num right">{formatLatency(check?.latencyMs)}</td>
                <td className="message-cell">{verdict?.message ?? check?.message ?? ''}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
