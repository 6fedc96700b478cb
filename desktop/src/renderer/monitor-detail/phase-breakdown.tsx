import { useMemo } from 'react';
import type { CheckView } from '../../contract/index.js';
import { formatLatency } from '../format/format.js';
import { PHASES, phaseBreakdown } from './chart-data.js';

/** Where the time goes, per region: the average of each phase over the recent checks. */
export function PhaseBreakdown({ checks }: { checks: readonly CheckView[] }) {
  const rows = useMemo(() => phaseBreakdown(checks), [checks]);
  if (rows.length === 0)
    return (
      <p className="muted small">No phase timings yet: they appear with the first HTTP, TCP or TLS checks.</p>
    );
  const totals = rows.map((row) => PHASES.reduce((sum, phase) => sum + row[phase.key], 0));
  const scale = Math.max(...totals, 1);
  return (
    <div className="phase-breakdown">
      {rows.map((row, i) => (
        <div key={row.region} className="phase-row">
          <span className="phase-region">{row.region}</span>
          <div className="phase-bar phase-bar-track">
            {PHASES.map((phase) =>
              row[phase.key] > 0 ? (
                <span
                  key={phase.key}
                  className={`phase phase-${phase.key}`}
                  style={{ width: `${(row[phase.key] / scale) * 100}%` }}
                  title={`${phase.label}: ${formatLatency(row[phase.key])}`}
                />
              ) : null,
            )}
          </div>
          <span className="num small">{formatLatency(totals[i])}</span>
        </div>
      ))}
      <ul className="phase-legend">
        {PHASES.map((phase) => (
          <li key={phase.key}>
            <span className={`phase-swatch phase-${phase.key}`} />
            {phase.label}
          </li>
        ))}
      </ul>
    </div>
  );
}
