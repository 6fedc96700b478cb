import { memo } from 'react';
import type { MonitorView } from '../../contract/index.js';
import { formatLatency } from '../format/format.js';
import { statusLabel, statusTone } from '../format/status-labels.js';
import { StatusDot } from './status-badge.js';

/** One dot per region with its verdict (or its last check's state before the first verdict). */
export const RegionDots = memo(function RegionDots({ view }: { view: MonitorView }) {
  const entries = regionEntries(view);
  if (entries.length === 0) return <span className="muted small">—</span>;
  return (
    <div className="region-dots">
      {entries.slice(0, 8).map((entry) => (
        <StatusDot key={entry.region} tone={entry.tone} title={entry.title} />
      ))}
      {entries.length > 8 && <span className="muted small">+{entries.length - 8}</span>}
    </div>
  );
});

function regionEntries(view: MonitorView) {
  const last = new Map(view.regions.map((check) => [check.region, check]));
  const names = new Set([...view.regionStatuses.map((entry) => entry.region), ...last.keys()]);
  return [...names].sort().map((region) => {
    const verdict = view.regionStatuses.find((entry) => entry.region === region);
    const check = last.get(region);
    const state = verdict?.status ?? check?.state ?? 'pending';
    const latency = check === undefined ? '' : ` · ${formatLatency(check.latencyMs)}`;
    const why = verdict?.message ?? check?.message ?? '';
    return {
      region,
      tone: statusTone(state),
      title: `${region}: ${statusLabel(state)}${latency}${why === '' ? '' : ` · ${why}`}`,
    };
  });
}
