import { validateMonitor } from '@vantage/shared';
import { ArrowRight, BellRing, Globe, RadioTower, Sparkles, Upload } from 'lucide-react';
import { type FormEvent, useState } from 'react';
import { idFromName, placeErrors } from '../monitor-editor/form-check.js';
import { useAppStore } from '../store/use-app-store.js';
import { quickMonitorInput } from './quick-monitor.js';

/** The first screen of a new install (and of an empty one): one field to start monitoring, and where to go next. */
export function WelcomePanel({ firstRun }: { firstRun: boolean }) {
  const app = useAppStore((s) => s.app);
  const saveMonitor = useAppStore((s) => s.saveMonitor);
  const navigate = useAppStore((s) => s.navigate);
  const toast = useAppStore((s) => s.toast);
  const [address, setAddress] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const input = quickMonitorInput(address);
    const checked = validateMonitor({ ...input, id: idFromName(String(input.name)) });
    if (!checked.ok) {
      const placed = placeErrors(checked.error);
      setError(placed.errors.url ?? placed.errors.name ?? placed.general[0] ?? 'check the address');
      return;
    }
    setBusy(true);
    const result = await saveMonitor(input, null);
    setBusy(false);
    if (!result.ok) {
      setError(placeErrors(result.error.fields ?? []).errors.url ?? result.error.message);
      return;
    }
    toast('success', `Monitoring ${result.value.monitor.name}`, 'The first check runs in a moment.');
    navigate({ screen: 'monitor', monitorId: result.value.monitor.id });
  };

  const region = app?.embedded?.region ?? 'local';
  return (
    <div className="page">
      <div className="welcome">
        <div className="welcome-hero">
          <div className="welcome-badge">
            <Sparkles size={14} /> {firstRun ? 'Welcome to Vantage' : 'No monitors yet'}
          </div>
          <h1>Know the moment your site breaks — from everywhere.</h1>
          <p className="welcome-lead">
            {app?.embedded
              ? `A relay and a probe already run inside this app (region “${region}”), so monitoring starts the second you add something.`
              : 'Your relay is connected. Add a monitor and its probes start checking it right away.'}
          </p>
          <form className="welcome-form" onSubmit={(event) => void submit(event)} noValidate>
            <div className={`welcome-input${error !== null ? ' has-error' : ''}`}>
              <Globe size={18} />
              <input
                autoFocus
                type="text"
                inputMode="url"
                placeholder="https://example.com"
                value={address}
                onChange={(event) => {
                  setAddress(event.target.value);
                  setError(null);
                }}
                aria-label="Address to monitor"
                aria-invalid={error !== null}
              />
              <button type="submit" className="btn btn-primary" disabled={busy || address.trim() === ''}>
                {busy ? 'Adding…' : 'Start monitoring'} <ArrowRight size={15} />
              </button>
            </div>
            <div className="field-error" role="alert">
              {error !== null ? `URL ${error}` : '\u00a0'}
            </div>
          </form>
          <div className="welcome-alt">
            <button
              type="button"
              className="btn btn-ghost"
              onClick={() => navigate({ screen: 'editor', monitorId: null })}
            >
              Open the full editor — TCP, DNS, TLS, heartbeat, browser
            </button>
            <button type="button" className="btn btn-ghost" onClick={() => navigate({ screen: 'settings' })}>
              <Upload size={14} /> Import a configuration
            </button>
          </div>
        </div>
        <ol className="welcome-steps">
          <li className="welcome-step active">
            <span className="step-num">1</span>
            <div>
              <strong>Add a monitor</strong>
              <p>HTTP, TCP, DNS, TLS certificates, cron heartbeats or a real browser.</p>
            </div>
          </li>
          <li className="welcome-step">
            <span className="step-num">
              <BellRing size={14} />
            </span>
            <div>
              <strong>Get told, once</strong>
              <p>Failures are confirmed before you hear of them; one incident, not a storm of alerts.</p>
            </div>
          </li>
          <li className="welcome-step">
            <span className="step-num">
              <RadioTower size={14} />
            </span>
            <div>
              <strong>Add regions</strong>
              <p>
                Run a probe on any VPS to check from there too. <a href="#/probes">How to add a probe</a>
              </p>
            </div>
          </li>
        </ol>
      </div>
    </div>
  );
}
