import type { PageIncident, PageIncidentStatus } from '@vantage/shared';
import { Trash2 } from 'lucide-react';
import { type FormEvent, useState } from 'react';
import { Dialog } from '../components/dialog.js';
import { Segmented } from '../components/segmented.js';
import { StatusDot } from '../components/status-badge.js';
import { formatDateTime, formatWhen } from '../format/format.js';
import { useAppStore } from '../store/use-app-store.js';
import {
  currentStatus,
  IMPACT_LABEL,
  impactTone,
  nextStatus,
  STATUS_LABEL,
  STATUS_OPTIONS,
} from './incident-steps.js';

/** One written incident: its stage and impact, its updates newest first, and a form for the next one. */
export function WrittenIncident({
  slug,
  incident,
  labels,
  now,
}: {
  slug: string;
  incident: PageIncident;
  labels: Map<string, string>;
  now: number;
}) {
  const postPageUpdate = useAppStore((s) => s.postPageUpdate);
  const deletePageIncident = useAppStore((s) => s.deletePageIncident);
  const toast = useAppStore((s) => s.toast);
  const stage = currentStatus(incident);
  const resolved = incident.resolvedAt !== undefined;
  const [status, setStatus] = useState<PageIncidentStatus>(nextStatus(stage));
  const [message, setMessage] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [confirm, setConfirm] = useState(false);

  const post = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    const result = await postPageUpdate(slug, incident.id, { status, message });
    setBusy(false);
    if (!result.ok) return setError(result.error.fields?.[0]?.message ?? result.error.message);
    setError(null);
    setMessage('');
    setStatus(nextStatus(currentStatus(result.value)));
  };
  const remove = async () => {
    const result = await deletePageIncident(slug, incident.id);
    setConfirm(false);
    if (!result.ok) toast('error', 'Could not delete the incident', result.error.message);
  };

  return (
    <article
      className={`incident written-incident${resolved ? ' resolved' : ' open'}`}
      data-incident-id={incident.id}
    >
      <div className="incident-head">
        <StatusDot
          tone={resolved ? 'up' : impactTone(incident.impact)}
          pulse={!resolved && incident.impact !== 'none'}
        />
        <div className="incident-main">
          <div className="incident-title">
            <span className="strong">{incident.title}</span>
            <span className={`chip chip-xs ${resolved ? 'chip-up' : 'chip-down'}`}>
              {STATUS_LABEL[stage]}
            </span>
            <span className="chip chip-xs">{IMPACT_LABEL[incident.impact]}</span>
          </div>
          <div className="incident-meta muted small">
            Opened {formatDateTime(incident.createdAt)}
            {incident.monitorIds.length > 0 &&
              ` · affects ${incident.monitorIds.map((id) => labels.get(id) ?? id).join(', ')}`}
          </div>
        </div>
        <button
          type="button"
          className="icon-btn icon-btn-danger"
          aria-label={`Delete ${incident.title}`}
          onClick={() => setConfirm(true)}
        >
          <Trash2 size={14} />
        </button>
      </div>
      <ol className="timeline">
        {[...incident.updates].reverse().map((update, i) => (
          <li key={i} className={`timeline-page-${update.status}`}>
            <span className="timeline-dot" />
            <span className="timeline-time num">{formatWhen(update.at, now)}</span>
            <span className="timeline-kind">{STATUS_LABEL[update.status]}</span>
            <span className="timeline-message">{update.message}</span>
          </li>
        ))}
      </ol>
      {!resolved && (
        <form className="update-form" onSubmit={(event) => void post(event)} noValidate>
          <Segmented
            label="Update status"
            size="sm"
            options={STATUS_OPTIONS}
            value={status}
            onChange={setStatus}
          />
          <input
            className={`input${error !== null ? ' invalid' : ''}`}
            value={message}
            aria-label={`Update to ${incident.title}`}
            placeholder={status === 'resolved' ? 'The fix is live; everything works again.' : 'What changed?'}
            onChange={(event) => setMessage(event.target.value)}
          />
          <button type="submit" className="btn btn-sm btn-primary" disabled={busy}>
            {busy ? 'Posting…' : 'Post update'}
          </button>
          {error !== null && <div className="field-error update-error">{error}</div>}
        </form>
      )}
      {confirm && (
        <Dialog
          title={`Delete “${incident.title}”?`}
          onClose={() => setConfirm(false)}
          footer={
            <>
              <button type="button" className="btn" onClick={() => setConfirm(false)} data-autofocus>
                Cancel
              </button>
              <button type="button" className="btn btn-danger" onClick={() => void remove()}>
                <Trash2 size={14} /> Delete incident
              </button>
            </>
          }
        >
          It disappears from the page and its history. Subscribers are not told.
        </Dialog>
      )}
    </article>
  );
}
