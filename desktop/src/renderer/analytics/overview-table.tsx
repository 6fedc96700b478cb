import { ArrowDown, ArrowUp } from 'lucide-react';
import { useMemo, useState } from 'react';
import type { SlaOverviewView } from '../../contract/methods/analytics-methods.js';
import { formatLatency, formatUptime } from '../format/format.js';
import { formatRoute } from '../routing/routes.js';
import { type OverviewColumn, type OverviewSort, nextSort, sortOverview } from './overview-sort.js';
import { formatDuration, uptimeTone } from './sla-format.js';

const COLUMNS: { column: OverviewColumn; label: string; right?: boolean }[] = [
  { column: 'name', label: 'Monitor' },
  { column: 'uptime', label: 'Uptime', right: true },
  { column: 'downtimeS', label: 'Downtime', right: true },
  { column: 'incidents', label: 'Incidents', right: true },
  { column: 'mttrS', label: 'MTTR', right: true },
  { column: 'p95Ms', label: 'p95', right: true },
];

/** Every monitor's SLA line, sortable, each uptime coloured against the target; a row opens its report. */
export function OverviewTable({ overview, target }: { overview: SlaOverviewView; target: number }) {
  const [sort, setSort] = useState<OverviewSort>({ column: 'name', descending: false });
  const rows = useMemo(() => sortOverview(overview.rows, sort), [overview.rows, sort]);
  const missed = overview.rows.filter((r) => r.uptime !== null && r.uptime < target).length;
  return (
    <div className="table-wrap">
      <table className="table sla-table" data-testid="sla-overview">
        <thead>
          <tr>
            {COLUMNS.map((c) => (
              <th
                key={c.column}
                className={c.right ? 'right' : undefined}
                aria-sort={sort.column === c.column ? (sort.descending ? 'descending' : 'ascending') : 'none'}
              >
                <button
                  type="button"
                  className="sort-button"
                  onClick={() => setSort(nextSort(sort, c.column))}
                >
                  {c.label}
                  {sort.column === c.column &&
                    (sort.descending ? (
                      <ArrowDown size={12} aria-hidden />
                    ) : (
                      <ArrowUp size={12} aria-hidden />
                    ))}
                </button>
              </th>
            ))}
            <th className="right">Checks</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.monitorId} className="sla-row">
              <td className="strong">
                <a href={formatRoute({ screen: 'analytics', monitorId: row.monitorId })}>{row.name}</a>
              </td>
              <td className="right">
                <span className={`sla-uptime tone-${uptimeTone(row.uptime, target)}`}>
                  {formatUptime(row.uptime, 3)}
                </span>
              </td>
              <td className="num right">{formatDuration(row.downtimeS)}</td>
              <td className="num right">{row.incidents}</td>
              <td className="num right">{formatDuration(row.mttrS)}</td>
              <td className="num right">{formatLatency(row.p95Ms)}</td>
              <td className="num right muted">{row.checks.toLocaleString()}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <td className="strong">
              {overview.totals.monitors} monitors
              {missed > 0 && <span className="sla-missed"> · {missed} below target</span>}
            </td>
            <td className="right strong">{formatUptime(overview.totals.uptime, 3)}</td>
            <td className="num right">{formatDuration(overview.totals.downtimeS)}</td>
            <td className="num right">{overview.totals.incidents}</td>
            <td className="num right">{formatDuration(overview.totals.mttrS)}</td>
            <td />
            <td />
          </tr>
        </tfoot>
      </table>
    </div>
  );
}
