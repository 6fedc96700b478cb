import type { HeartbeatRun } from '@vantage/shared';
import { Fragment, useState } from 'react';
import { formatLatency, formatSpan, formatWhen } from '../format/format.js';

const RESULT: Record<HeartbeatRun['kind'], { label: string; chip: string }> = {
  success: { label: 'Success', chip: 'chip chip-xs chip-up' },
  fail: { label: 'Failed', chip: 'chip chip-xs chip-down' },
  started: { label: 'Started', chip: 'chip chip-xs' },
};

/** A heartbeat's recent runs, newest first; a row with a log opens to show it. */
export function HeartbeatRunsTable({ runs, now }: { runs: readonly HeartbeatRun[]; now: number }) {
  const [open, setOpen] = useState<number | null>(null);
  if (runs.length === 0) return <p className="muted small">No runs yet. Ping the URL above to record one.</p>;
  return (
    <div className="table-wrap">
      <table className="table heartbeat-runs">
        <thead>
          <tr>
            <th>Started</th>
            <th>Ended</th>
            <th className="right">Duration</th>
            <th>Result</th>
            <th>Exit code</th>
            <th>Log</th>
          </tr>
        </thead>
        <tbody>
          {runs.map((run, i) => (
            <Fragment key={`${run.startedAt ?? ''}:${run.endedAt ?? ''}:${i}`}>
              <tr>
                <td className="num nowrap">
                  {run.startedAt === null ? '—' : formatWhen(run.startedAt, now)}
                </td>
                <td className="num nowrap">{run.endedAt === null ? '—' : formatWhen(run.endedAt, now)}</td>
                <td className="num right">{run.durationMs === null ? '—' : durationText(run.durationMs)}</td>
                <td>
                  <span className={RESULT[run.kind].chip}>{RESULT[run.kind].label}</span>
                </td>
                <td className="num">{run.exitCode ?? '—'}</td>
                <td>
                  {run.log === '' ? (
                    <span className="muted">—</span>
                  ) : (
                    <button
                      type="button"
                      className="btn btn-ghost btn-sm"
                      aria-expanded={open === i}
                      onClick={() => setOpen(open === i ? null : i)}
                    >
                      {open === i ? 'Hide log' : `Show log (${run.log.length} B)`}
                    </button>
                  )}
                </td>
              </tr>
              {open === i && (
                <tr className="heartbeat-log-row">
                  <td colSpan={6}>
                    <pre className="heartbeat-log">{run.log}</pre>
                  </td>
                </tr>
              )}
            </Fragment>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function durationText(ms: number): string {
  return ms < 60_000 ? formatLatency(ms) : formatSpan(ms);
}
