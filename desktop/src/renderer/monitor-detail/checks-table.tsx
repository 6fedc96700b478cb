import { useState } from 'react';
import type { CheckView } from '../../contract/index.js';
import { StatusBadge } from '../components/status-badge.js';
import { formatClock, formatDay, formatLatency } from '../format/format.js';
import { PHASES } from './chart-data.js';

const FIRST_ROWS = 20;

/** The newest raw checks: when, where, outcome, time, status code, phases and message. */
export function ChecksTable({ checks }: { checks: readonly CheckView[] }) {
  const [all, setAll] = useState(false);
  if (checks.length === 0)
    return <p className="muted small">No checks yet. The first one runs within one interval of saving.</p>;
  const shown = all ? checks : checks.slice(0, FIRST_ROWS);
  const today = new Date().toDateString();
  return (
    <>
      <div className="table-wrap">
        <table className="table checks-table">
          <thead>
            <tr>
              <th>Time</th>
              <th>Region</th>
              <th>Result</th>
              <th className="right">Time taken</th>
              <th>Code</th>
              <th>Phases</th>
              <th>Message</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((check) => (
              <tr key={`${check.probeId}:${check.seq}`}>
                <td className="num nowrap">
                  {new Date(check.ts).toDateString() === today ? '' : `${formatDay(check.ts)} `}
                  {formatClock(check.ts, true)}
                </td>
                <td>{check.region}</td>
                <td>
                  <StatusBadge status={check.state} size="sm" />
                </td>
                <td className="num right">{formatLatency(check.latencyMs)}</td>
                <td className="num">{check.statusCode ?? '—'}</td>
                <td>
                  <MiniPhases check={check} />
                </td>
                <td className="message-cell" title={check.message}>
                  {check.message === '' ? <span className="muted">—</span> : check.message}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {checks.length > FIRST_ROWS && (
        <button type="button" className="btn btn-ghost btn-sm" onClick={() => setAll(!all)}>
          {all ? 'Show fewer' : `Show all ${checks.length}`}
        </button>
      )}
    </>
  );
}

function MiniPhases({ check }: { check: CheckView }) {
  const phases = check.phases;
  if (phases === undefined) return <span className="muted">—</span>;
  const total = Math.max(
    check.latencyMs,
    PHASES.reduce((sum, p) => sum + (phases[p.key] ?? 0), 0),
    1,
  );
  const title = PHASES.filter((p) => phases[p.key] !== undefined)
    .map((p) => `${p.label} ${formatLatency(phases[p.key])}`)
    .join(' · ');
  return (
    <div className="phase-bar phase-bar-mini" title={title}>
      {PHASES.map((p) =>
        (phases[p.key] ?? 0) > 0 ? (
          <span
            key={p.key}
            className={`phase phase-${p.key}`}
            style={{ width: `${((phases[p.key] ?? 0) / total) * 100}%` }}
          />
        ) : null,
      )}
    </div>
  );
}
