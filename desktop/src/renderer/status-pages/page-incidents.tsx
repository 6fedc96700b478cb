import type { PageIncidentImpact, PageIncidentStatus, StatusPageDetail } from '@vantage/shared';
import { Megaphone, Send } from 'lucide-react';
import { type FormEvent, useEffect, useState } from 'react';
import { EmptyState, ErrorState, Skeleton } from '../components/empty-state.js';
import { Segmented } from '../components/segmented.js';
import { useNow } from '../components/use-now.js';
import { useAppStore } from '../store/use-app-store.js';
import { IMPACT_LABEL, STATUS_OPTIONS } from './incident-steps.js';
import { WrittenIncident } from './written-incident.js';

const IMPACT_OPTIONS = (['none', 'minor', 'major', 'critical'] as const).map((value) => ({
  value,
  label: IMPACT_LABEL[value],
}));

type Fields = Record<string, string>;
const fieldsOf = (error: { message: string; fields?: { path: string; message: string }[] | undefined }) => {
  const fields: Fields = {};
  for (const f of error.fields ?? []) fields[f.path] ??= f.message;
  return Object.keys(fields).length > 0 ? fields : { '': error.message };
};

/** A page's written incidents: write one, post updates through its stages, read its timeline. */
export function PageIncidents({ slug, detail }: { slug: string; detail: StatusPageDetail | null }) {
  const incidents = useAppStore((s) => s.pageIncidents[slug]);
  const loadPageIncidents = useAppStore((s) => s.loadPageIncidents);
  const [error, setError] = useState<string | null>(null);
  const now = useNow();
  const reload = () =>
    void loadPageIncidents(slug).then((result) => setError(result.ok ? null : result.error.message));
  useEffect(reload, [slug, loadPageIncidents]);
  const labels = new Map(
    (detail?.page.sections ?? []).flatMap((section) => section.monitors.map((m) => [m.monitorId, m.label])),
  );

  return (
    <div className="page-body page-incidents">
      <IncidentWriter slug={slug} labels={labels} />
      {error !== null && incidents === undefined ? (
        <div className="card">
          <ErrorState message={error} onRetry={reload} />
        </div>
      ) : incidents === undefined ? (
        <div className="card">
          <Skeleton lines={4} height={32} />
        </div>
      ) : incidents.length === 0 ? (
        <div className="card">
          <EmptyState icon={Megaphone} title="No incidents written" compact>
            When something breaks, tell your visitors here: what is affected, what you know, and each step
            until it is resolved. Subscribers receive every update.
          </EmptyState>
        </div>
      ) : (
        <div className="incident-list">
          {incidents.map((incident) => (
            <WrittenIncident key={incident.id} slug={slug} incident={incident} labels={labels} now={now} />
          ))}
        </div>
      )}
    </div>
  );
}

function IncidentWriter({ slug, labels }: { slug: string; labels: Map<string, string> }) {
  const createPageIncident = useAppStore((s) => s.createPageIncident);
  const toast = useAppStore((s) => s.toast);
  const [title, setTitle] = useState('');
  const [impact, setImpact] = useState<PageIncidentImpact>('minor');
  const [status, setStatus] = useState<PageIncidentStatus>('investigating');
  const [message, setMessage] = useState('');
  const [affected, setAffected] = useState<ReadonlySet<string>>(new Set());
  const [errors, setErrors] = useState<Fields>({});
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    const result = await createPageIncident(slug, {
      title,
      impact,
      status,
      message,
      monitorIds: [...affected],
    });
    setBusy(false);
    if (!result.ok) return setErrors(fieldsOf(result.error));
    setErrors({});
    setTitle('');
    setMessage('');
    setAffected(new Set());
    setStatus('investigating');
    toast('success', `Posted “${result.value.title}”`, 'It is on the page, and subscribers are being told.');
  };

  return (
    <form className="card form-section incident-writer" onSubmit={(event) => void submit(event)} noValidate>
      <h2 className="section-title">Write an incident</h2>
      <div className="form-grid">
        <div className={`field field-wide${errors.title ? ' field-invalid' : ''}`}>
          <label className="field-label" htmlFor="incident-title">
            Title
          </label>
          <input
            id="incident-title"
            className="input"
            value={title}
            placeholder="Checkout is failing for some customers"
            aria-invalid={errors.title !== undefined}
            onChange={(event) => setTitle(event.target.value)}
          />
          <div className={errors.title ? 'field-error' : 'field-hint'}>
            {errors.title ?? 'What visitors read first'}
          </div>
        </div>
        <div className="field">
          <span className="field-label">Impact</span>
          <Segmented label="Impact" size="sm" options={IMPACT_OPTIONS} value={impact} onChange={setImpact} />
        </div>
        <div className="field">
          <span className="field-label">Status</span>
          <Segmented label="Status" size="sm" options={STATUS_OPTIONS} value={status} onChange={setStatus} />
        </div>
        <div className="field field-wide">
          <span className="field-label">Affected monitors</span>
          <div className="chip-row" role="group" aria-label="Affected monitors">
            {labels.size === 0 && <span className="muted small">The page lists no monitors.</span>}
            {[...labels].map(([id, label]) => (
              <button
                key={id}
                type="button"
                className={`chip chip-toggle${affected.has(id) ? ' active' : ''}`}
                aria-pressed={affected.has(id)}
                onClick={() => {
                  const next = new Set(affected);
                  if (!next.delete(id)) next.add(id);
                  setAffected(next);
                }}
              >
                {label}
              </button>
            ))}
          </div>
          <div className="field-hint">Their rows on the page show the incident</div>
        </div>
        <div className={`field field-wide${errors.message ? ' field-invalid' : ''}`}>
          <label className="field-label" htmlFor="incident-message">
            Message
          </label>
          <textarea
            id="incident-message"
            className="textarea"
            rows={3}
            value={message}
            placeholder="We are investigating errors when paying by card."
            aria-invalid={errors.message !== undefined}
            onChange={(event) => setMessage(event.target.value)}
          />
          <div className={errors.message ? 'field-error' : 'field-hint'}>
            {errors.message ?? 'The first update; subscribers receive it'}
          </div>
        </div>
      </div>
      {errors[''] !== undefined && <div className="field-error">{errors['']}</div>}
      <div className="form-actions">
        <button type="submit" className="btn btn-primary" disabled={busy}>
          <Send size={14} /> {busy ? 'Posting…' : 'Post incident'}
        </button>
      </div>
    </form>
  );
}
