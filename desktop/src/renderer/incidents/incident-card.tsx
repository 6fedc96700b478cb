import { Check, ChevronDown, ChevronRight } from 'lucide-react';
import { useState } from 'react';
import type { IncidentView } from '../../contract/index.js';
import { IncidentAlerts } from '../alerting/incident-alerts.js';
import { StatusDot } from '../components/status-badge.js';
import { formatAgo, formatDateTime, formatSpan, formatWhen } from '../format/format.js';
import { useAppStore } from '../store/use-app-store.js';

const KIND_LABEL: Record<IncidentView['timeline'][number]['kind'], string> = {
  opened: 'Opened',
  'region.down': 'Region down',
  'region.up': 'Region up',
  status: 'Status',
  acknowledged: 'Acknowledged',
  resolved: 'Resolved',
};

/** One incident: monitor, cause, how long, regions, acknowledgement, and its timeline when expanded. */
export function IncidentCard({
  incident,
  now,
  showMonitor = true,
  initiallyOpen = false,
}: {
  incident: IncidentView;
  now: number;
  showMonitor?: boolean;
  initiallyOpen?: boolean;
}) {
  const acknowledge = useAppStore((s) => s.acknowledge);
  const toast = useAppStore((s) => s.toast);
  const [open, setOpen] = useState(initiallyOpen);
  const [busy, setBusy] = useState(false);
  const resolved = incident.resolvedAt !== undefined;
  const duration = (incident.resolvedAt ?? now) - incident.openedAt;

  const ack = async () => {
    setBusy(true);
    const result = await acknowledge(incident.id);
    setBusy(false);
    if (!result.ok) toast('error', 'Could not acknowledge', result.error.message);
  };

  return (
    <article
      className={`incident${resolved ? ' resolved' : ' open'}`}
      data-incident-id={incident.id}
      id={`incident-${incident.id}`}
    >
      <div className="incident-head">
        <button
          type="button"
          className="icon-btn"
          aria-expanded={open}
          aria-label={open ? 'Hide timeline' : 'Show timeline'}
          onClick={() => setOpen(!open)}
        >
          {open ? <ChevronDown size={16} /> : <ChevronRight size={16} />}
        </button>
        <StatusDot tone={resolved ? 'up' : 'down'} pulse={!resolved} />
        <div className="incident-main">
          <div className="incident-title">
            {showMonitor && (
              <a href={`#/monitors/${encodeURIComponent(incident.monitorId)}`} className="strong">
                {incident.monitorName}
              </a>
            )}
            <span className={`chip chip-xs ${resolved ? 'chip-up' : 'chip-down'}`}>
              {resolved ? 'Resolved' : 'Ongoing'}
            </span>
            {incident.acknowledgedAt !== undefined && !resolved && (
              <span className="chip chip-xs">Acknowledged</span>
            )}
          </div>
          <div className="incident-cause">{incident.cause}</div>
          <div className="incident-meta muted small">
            Started {formatDateTime(incident.openedAt)} ({formatAgo(incident.openedAt, now)}) ·{' '}
            {resolved ? 'lasted' : 'for'} {formatSpan(duration)}
            {incident.regions.length > 0 && ` · ${incident.regions.join(', ')}`}
            {incident.acknowledgedAt !== undefined &&
              ` · acknowledged by ${incident.acknowledgedBy ?? 'someone'} ${formatAgo(incident.acknowledgedAt, now)}`}
          </div>
        </div>
        {!resolved && incident.acknowledgedAt === undefined && (
          <button type="button" className="btn btn-sm" onClick={() => void ack()} disabled={busy}>
            <Check size={13} /> {busy ? 'Acknowledging…' : 'Acknowledge'}
          </button>
        )}
      </div>
      {open && (
        <ol className="timeline">
          {incident.timeline.map((entry, i) => (
            <li key={i} className={`timeline-${entry.kind.replace('.', '-')}`}>
              <span className="timeline-dot" />
              <span className="timeline-time num">{formatWhen(entry.ts, now)}</span>
              <span className="timeline-kind">{KIND_LABEL[entry.kind]}</span>
              {entry.region !== undefined && <span className="chip chip-xs">{entry.region}</span>}
              <span className="timeline-message">{entry.message}</span>
            </li>
          ))}
        </ol>
      )}
      {open && <IncidentAlerts incidentId={incident.id} now={now} />}
    </article>
  );
}
