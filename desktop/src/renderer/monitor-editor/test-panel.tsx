import { CircleCheck, CircleX, FlaskConical, TriangleAlert } from 'lucide-react';
import { useState } from 'react';
import type { ApiError, OneOffView } from '../../contract/index.js';
import { PhaseBar } from '../components/phase-bar.js';
import { StatusBadge } from '../components/status-badge.js';
import { formatDateTime, formatLatency } from '../format/format.js';
import { useAppStore } from '../store/use-app-store.js';
import { idFromName } from './form-check.js';

/**
 * "Test now": runs the unsaved configuration once from a chosen region through `monitors.test`
 * and shows the outcome, its phase timings and every condition's verdict.
 */
export function TestPanel({ input, ready }: { input: Record<string, unknown>; ready: boolean }) {
  const app = useAppStore((s) => s.app);
  const testMonitor = useAppStore((s) => s.testMonitor);
  const regions = app?.regions.length ? app.regions : [app?.embedded?.region ?? 'local'];
  const [region, setRegion] = useState(app?.embedded?.region ?? regions[0] ?? 'local');
  const [running, setRunning] = useState(false);
  const [outcome, setOutcome] = useState<
    { ok: true; value: OneOffView } | { ok: false; error: ApiError } | null
  >(null);

  const run = async () => {
    setRunning(true);
    const monitor = input.id === undefined ? { ...input, id: idFromName(String(input.name ?? '')) } : input;
    setOutcome(await testMonitor(monitor, region));
    setRunning(false);
  };

  return (
    <section className="card test-panel" aria-label="Test now">
      <h2 className="section-title">
        <FlaskConical size={15} /> Test before saving
      </h2>
      <div className="test-controls">
        <select
          className="select"
          value={region}
          onChange={(event) => setRegion(event.target.value)}
          aria-label="Region to test from"
        >
          {regions.map((name) => (
            <option key={name} value={name}>
              from {name}
            </option>
          ))}
        </select>
        <button type="button" className="btn" onClick={() => void run()} disabled={!ready || running}>
          {running ? 'Testing…' : 'Test now'}
        </button>
      </div>
      {!ready && <p className="muted small">Fix the highlighted fields to run a test.</p>}
      <div className="test-result" aria-live="polite">
        {running && <div className="skeleton" style={{ height: 72 }} />}
        {!running && outcome !== null && !outcome.ok && (
          <div className="inline-alert inline-alert-down">
            <TriangleAlert size={15} />
            <span>{outcome.error.message}</span>
          </div>
        )}
        {!running && outcome?.ok === true && <OneOffResult result={outcome.value} />}
      </div>
    </section>
  );
}

/** One check's outcome in full: state, time, status code, message, phases and verdicts. */
export function OneOffResult({ result }: { result: OneOffView }) {
  return (
    <div className="one-off" data-state={result.state}>
      <div className="one-off-head">
        <StatusBadge status={result.state} />
        <span className="num strong">{formatLatency(result.latencyMs)}</span>
        {result.statusCode !== undefined && <span className="chip">HTTP {result.statusCode}</span>}
        <span className="muted small">
          {result.region} · {formatDateTime(result.ts)}
          {result.attempts > 1 ? ` · ${result.attempts} attempts` : ''}
        </span>
      </div>
      {result.message !== '' && <p className="one-off-message">{result.message}</p>}
      <PhaseBar phases={result.phases} total={result.latencyMs} />
      {result.certExpiresAt !== undefined && (
        <p className="muted small">
          Certificate expires {formatDateTime(result.certExpiresAt)}
          {result.certIssuer !== undefined ? ` · issued by ${result.certIssuer}` : ''}
        </p>
      )}
      {result.verdicts !== undefined && result.verdicts.length > 0 && (
        <ul className="verdicts">
          {result.verdicts.map((verdict, i) => (
            <li key={i} className={verdict.pass ? 'pass' : `fail fail-${verdict.severity}`}>
              {verdict.pass ? <CircleCheck size={14} /> : <CircleX size={14} />}
              <code>{verdict.condition}</code>
              {!verdict.pass && <span className="verdict-message">{verdict.message}</span>}
              {!verdict.pass && verdict.severity === 'degraded' && (
                <span className="chip chip-xs">degraded</span>
              )}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
