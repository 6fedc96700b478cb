import { RefreshCw } from 'lucide-react';
import { type FormEvent, useState } from 'react';
import { StatusDot } from '../components/status-badge.js';
import { useNow } from '../components/use-now.js';
import { useAppStore } from '../store/use-app-store.js';

/** Where results come from: the embedded relay or a remote one, with the live connection state. */
export function RelaySettings() {
  const settings = useAppStore((s) => s.settings);
  const sync = useAppStore((s) => s.sync);
  const updateSettings = useAppStore((s) => s.updateSettings);
  const reconnectRelay = useAppStore((s) => s.reconnectRelay);
  const toast = useAppStore((s) => s.toast);
  const now = useNow();
  const [mode, setMode] = useState(settings?.relayMode ?? 'embedded');
  const [url, setUrl] = useState(settings?.remoteUrl ?? '');
  const [token, setToken] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [saving, setSaving] = useState(false);
  const [reconnecting, setReconnecting] = useState(false);
  if (settings === null) return null;

  const changed =
    mode !== settings.relayMode ||
    (mode === 'remote' && (url !== (settings.remoteUrl ?? '') || token !== ''));
  const save = async (event: FormEvent) => {
    event.preventDefault();
    setSaving(true);
    const patch =
      mode === 'embedded'
        ? { relayMode: mode }
        : {
            relayMode: mode,
            remoteUrl: url.trim() === '' ? null : url.trim(),
            ...(token === '' ? {} : { remoteToken: token }),
          };
    const result = await updateSettings(patch);
    setSaving(false);
    if (!result.ok) {
      const fields = Object.fromEntries((result.error.fields ?? []).map((f) => [f.path, f.message]));
      setErrors(Object.keys(fields).length > 0 ? fields : { '': result.error.message });
      return;
    }
    setErrors({});
    setToken('');
    toast('success', mode === 'embedded' ? 'Using the embedded relay' : 'Connecting to the remote relay');
  };
  const reconnect = async () => {
    setReconnecting(true);
    await reconnectRelay();
    setReconnecting(false);
  };
  const tone =
    sync?.connection === 'connected' ? 'up' : sync?.connection === 'connecting' ? 'degraded' : 'down';

  return (
    <section className="card settings-section" aria-labelledby="relay-title">
      <h2 className="section-title" id="relay-title">
        Relay
      </h2>
      {sync !== null && (
        <div className="connection-state">
          <StatusDot tone={tone} pulse={tone === 'down'} />
          <div>
            <div className="strong">
              {sync.connection === 'connected'
                ? 'Connected'
                : sync.connection === 'connecting'
                  ? 'Connecting…'
                  : sync.connection === 'unauthorized'
                    ? 'Token refused'
                    : 'Disconnected'}
              <span className="muted"> · {sync.mode === 'embedded' ? 'embedded relay' : 'remote relay'}</span>
            </div>
            <div className="muted small mono">{sync.relayUrl ?? 'no address'}</div>
            {sync.lastError !== null && <div className="field-error">{sync.lastError}</div>}
            <div className="muted small">
              Log position {sync.cursor.toLocaleString()}
              {sync.pendingChanges > 0 && ` · ${sync.pendingChanges} change(s) waiting to be sent`}
              {sync.nextAttemptAt !== null &&
                sync.connection !== 'connected' &&
                ` · next attempt in ${Math.max(0, Math.ceil((sync.nextAttemptAt - now) / 1000))} s`}
            </div>
          </div>
          <button
            type="button"
            className="btn btn-sm"
            onClick={() => void reconnect()}
            disabled={reconnecting}
          >
            <RefreshCw size={13} className={reconnecting ? 'spin' : ''} /> Reconnect now
          </button>
        </div>
      )}
      {sync !== null && sync.mode !== settings.relayMode && (
        <div className="inline-alert inline-alert-info">
          This run uses the {sync.mode} relay given on the command line; the choice below applies when Vantage
          starts without one.
        </div>
      )}
      <form onSubmit={(event) => void save(event)} className="relay-form">
        <label className="radio-card">
          <input
            type="radio"
            name="relayMode"
            checked={mode === 'embedded'}
            onChange={() => setMode('embedded')}
          />
          <span>
            <span className="strong">Embedded</span>
            <span className="muted small">
              A relay and a local probe run inside this app. Nothing else to install; checks run while it is
              open.
            </span>
          </span>
        </label>
        <label className="radio-card">
          <input
            type="radio"
            name="relayMode"
            checked={mode === 'remote'}
            onChange={() => setMode('remote')}
          />
          <span>
            <span className="strong">Remote</span>
            <span className="muted small">
              Your relay on a server keeps monitoring and alerting while this computer sleeps.
            </span>
          </span>
        </label>
        {mode === 'remote' && (
          <div className="form-grid indent">
            <div className={`field${errors.remoteUrl ? ' field-invalid' : ''}`}>
              <label className="field-label" htmlFor="remote-url">
                Relay address
              </label>
              <input
                id="remote-url"
                className="input mono"
                value={url}
                placeholder="wss://relay.example.com/ws"
                onChange={(event) => setUrl(event.target.value)}
              />
              <div className={errors.remoteUrl ? 'field-error' : 'field-hint'}>
                {errors.remoteUrl ?? 'ws://, wss://, http:// or https://'}
              </div>
            </div>
            <div className={`field${errors.remoteToken ? ' field-invalid' : ''}`}>
              <label className="field-label" htmlFor="remote-token">
                Desktop token
              </label>
              <input
                id="remote-token"
                className="input mono"
                type="password"
                autoComplete="off"
                value={token}
                placeholder={
                  settings.remoteTokenSet
                    ? '•••••••• (saved; type to replace)'
                    : 'from vantage-relay token create --role desktop'
                }
                onChange={(event) => setToken(event.target.value)}
              />
              <div className={errors.remoteToken ? 'field-error' : 'field-hint'}>
                {errors.remoteToken ?? 'Stored on this computer, never shown again'}
              </div>
            </div>
          </div>
        )}
        {errors[''] !== undefined && <div className="field-error">{errors['']}</div>}
        <div className="form-actions">
          <button type="submit" className="btn btn-primary" disabled={!changed || saving}>
            {saving ? 'Saving…' : 'Save relay settings'}
          </button>
        </div>
      </form>
    </section>
  );
}
