import type { HeartbeatDetail, HeartbeatState, MonitorOf } from '@vantage/shared';
import { RefreshCw } from 'lucide-react';
import { useEffect, useState } from 'react';
import { CopyBlock } from '../components/copy-block.js';
import { ErrorState, Skeleton } from '../components/empty-state.js';
import { StatusDot } from '../components/status-badge.js';
import { formatAgo, formatSpan, formatWhen } from '../format/format.js';
import type { Tone } from '../format/status-labels.js';
import { useAppStore } from '../store/use-app-store.js';
import { dueText } from './heartbeat-due.js';
import { heartbeatSnippets } from './heartbeat-snippets.js';
import { HeartbeatRunsTable } from './heartbeat-runs-table.js';
import './heartbeats.css';

/** How often the panel re-reads the heartbeat while it is open. */
const REFRESH_MS = 5_000;

const STATE: Record<HeartbeatState, { label: string; tone: Tone }> = {
  new: { label: 'Waiting for first ping', tone: 'pending' },
  up: { label: 'Up', tone: 'up' },
  late: { label: 'Late', tone: 'degraded' },
  down: { label: 'Down', tone: 'down' },
  paused: { label: 'Paused', tone: 'paused' },
};

/** A heartbeat monitor's ping URL with snippets to call it, its state, next due time and runs. */
export function HeartbeatPanel({ monitor, now }: { monitor: MonitorOf<'heartbeat'>; now: number }) {
  const detail = useAppStore((s) => s.heartbeats[monitor.id]);
  const load = useAppStore((s) => s.heartbeatLoads[monitor.id]);
  const loadHeartbeat = useAppStore((s) => s.loadHeartbeat);

  useEffect(() => {
    void loadHeartbeat(monitor.id);
    const timer = setInterval(() => void loadHeartbeat(monitor.id), REFRESH_MS);
    return () => clearInterval(timer);
  }, [monitor.id, loadHeartbeat]);

  if (detail === undefined) {
    return (
      <section className="card heartbeat-panel">
        <h2 className="section-title">Ping URL</h2>
        {load?.status === 'error' ? (
          <ErrorState compact message={load.error ?? ''} onRetry={() => void loadHeartbeat(monitor.id)} />
        ) : (
          <Skeleton lines={3} />
        )}
      </section>
    );
  }
  return (
    <>
      <section className="card heartbeat-panel">
        <div className="card-header">
          <h2 className="section-title">Ping URL</h2>
          <RotateButton monitorId={monitor.id} />
        </div>
        <CopyBlock text={detail.url} label="ping URL" />
        <HeartbeatFacts detail={detail} now={now} />
        <Snippets detail={detail} monitor={monitor} />
      </section>
      <section className="card">
        <h2 className="section-title">Runs</h2>
        <HeartbeatRunsTable runs={detail.runs} now={now} />
      </section>
    </>
  );
}

function HeartbeatFacts({ detail, now }: { detail: HeartbeatDetail; now: number }) {
  const state = STATE[detail.state];
  const due = dueText(detail.nextDueAt, now, formatSpan, formatWhen);
  return (
    <dl className="heartbeat-facts">
      <div>
        <dt>State</dt>
        <dd>
          <span className={`badge badge-${state.tone} badge-sm`} data-heartbeat-state={detail.state}>
            <StatusDot tone={state.tone} pulse={state.tone === 'down'} />
            {state.label}
          </span>
          {detail.message !== '' && detail.state !== 'new' && detail.state !== 'paused' && (
            <span className="muted small heartbeat-message">{detail.message}</span>
          )}
        </dd>
      </div>
      <div>
        <dt>Last ping</dt>
        <dd>{formatAgo(detail.lastPingAt, now)}</dd>
      </div>
      <div>
        <dt>Next due</dt>
        <dd>{due}</dd>
      </div>
      <div>
        <dt>Down at</dt>
        <dd>{detail.downAt === null ? '—' : formatWhen(detail.downAt, now)}</dd>
      </div>
    </dl>
  );
}

const TABS = [
  { key: 'curl', label: 'curl' },
  { key: 'crontab', label: 'crontab' },
  { key: 'wrapper', label: 'Shell wrapper' },
] as const;

function Snippets({ detail, monitor }: { detail: HeartbeatDetail; monitor: MonitorOf<'heartbeat'> }) {
  const [tab, setTab] = useState<(typeof TABS)[number]['key']>('curl');
  const snippets = heartbeatSnippets(detail.url, monitor);
  return (
    <div className="heartbeat-snippets">
      <div className="segmented segmented-sm" role="tablist" aria-label="Snippet">
        {TABS.map((t) => (
          <button
            key={t.key}
            type="button"
            role="tab"
            aria-selected={tab === t.key}
            className={tab === t.key ? 'active' : ''}
            onClick={() => setTab(t.key)}
          >
            {t.label}
          </button>
        ))}
      </div>
      <CopyBlock text={snippets[tab]} label={`${tab} snippet`} />
      <p className="muted small">
        Append <code>/start</code> when a run begins, <code>/fail</code> or <code>/&lt;exit code&gt;</code>{' '}
        when it ends; a POST body (up to 10 KB) is kept as the run&apos;s log, and <code>?rid=</code> pairs
        runs that overlap.
      </p>
    </div>
  );
}

function RotateButton({ monitorId }: { monitorId: string }) {
  const rotate = useAppStore((s) => s.rotateHeartbeatToken);
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<string | null>(null);
  if (!confirming) {
    return (
      <button type="button" className="btn btn-ghost btn-sm" onClick={() => setConfirming(true)}>
        <RefreshCw size={14} /> New URL
      </button>
    );
  }
  return (
    <span className="heartbeat-rotate">
      <span className="small muted">{error ?? 'The current URL stops working at once.'}</span>
      <button
        type="button"
        className="btn btn-danger btn-sm"
        onClick={() =>
          void rotate(monitorId).then((answer) => {
            if (answer.ok) setConfirming(false);
            else setError(answer.error.message);
          })
        }
      >
        Replace URL
      </button>
      <button type="button" className="btn btn-ghost btn-sm" onClick={() => setConfirming(false)}>
        Cancel
      </button>
    </span>
  );
}
