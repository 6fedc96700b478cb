import type { SlaOverviewView } from '../../contract/methods/analytics-methods.js';
import { formatUptime } from '../format/format.js';
import { formatDuration, uptimeTone } from './sla-format.js';

/** The overview's totals as cards: the fleet's mean uptime, downtime, outages and how many missed the target. */
export function OverviewStats({ overview, target }: { overview: SlaOverviewView; target: number }) {
  const { totals } = overview;
  const missed = overview.rows.filter((r) => r.uptime !== null && r.uptime < target).length;
  const figures = [
    { label: 'Mean uptime', value: formatUptime(totals.uptime, 3), tone: uptimeTone(totals.uptime, target) },
    { label: 'Downtime', value: formatDuration(totals.downtimeS) },
    { label: 'Outages', value: totals.outages.toLocaleString() },
    { label: 'Incidents', value: totals.incidents.toLocaleString() },
    { label: 'MTTR', value: formatDuration(totals.mttrS) },
    {
      label: 'Below target',
      value: `${missed} of ${totals.monitors}`,
      tone: missed > 0 ? 'down' : 'up',
    },
  ];
  return (
    <div className="stat-grid">
      {figures.map((f) => (
        <div
          key={f.label}
          className="stat"
          data-testid={`total-${f.label.toLowerCase().replaceAll(' ', '-')}`}
        >
          <div className="stat-label">{f.label}</div>
          <div className={`stat-value num tone-${f.tone ?? 'plain'}`}>{f.value}</div>
        </div>
      ))}
    </div>
  );
}
