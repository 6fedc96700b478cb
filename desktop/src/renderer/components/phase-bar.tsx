import type { PhaseTimings } from '@vantage/shared';
import { formatLatency } from '../format/format.js';
import { PHASES } from '../monitor-detail/chart-data.js';

/** A check's phases as one stacked bar with a legend: where the time went. */
export function PhaseBar({ phases, total }: { phases: PhaseTimings | undefined; total: number }) {
  const parts = PHASES.map((phase) => ({ ...phase, ms: phases?.[phase.key] ?? 0 })).filter(
    (part) => part.ms > 0,
  );
  const sum = parts.reduce((acc, part) => acc + part.ms, 0);
  if (parts.length === 0) return <div className="muted small">No phase timings for this check.</div>;
  const scale = Math.max(sum, total);
  return (
    <div className="phase-bar-wrap">
      <div className="phase-bar" role="img" aria-label="Phase timings">
        {parts.map((part) => (
          <span
            key={part.key}
            className={`phase phase-${part.key}`}
            style={{ width: `${(part.ms / scale) * 100}%` }}
            title={`${part.label}: ${formatLatency(part.ms)}`}
          />
        ))}
      </div>
      <ul className="phase-legend">
        {parts.map((part) => (
          <li key={part.key}>
            <span className={`phase-swatch phase-${part.key}`} />
            {part.label} <span className="num">{formatLatency(part.ms)}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}
