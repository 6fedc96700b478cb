import { BellRing, CalendarClock, Plus, Send } from 'lucide-react';
import { useEffect, useState } from 'react';
import type { ChannelView, TestOutcomeView } from '../../contract/methods/alerting-methods.js';
import { EmptyState } from '../components/empty-state.js';
import { formatAgo } from '../format/format.js';
import { useAppStore } from '../store/use-app-store.js';
import { ConfirmDelete, ItemActions } from './alerting-controls.js';
import { ChannelEditor } from './channel-editor.js';
import { CHANNEL_KIND_INFO } from './channel-kinds.js';
import { DeliveryBadge } from './delivery-badge.js';
import { TestOutcome } from './test-outcome.js';

const REFRESH_MS = 10_000;

/** The channels: where alerts go, how the newest delivery went, test, edit and delete. */
export function ChannelsTab({ now }: { now: number }) {
  const channels = useAppStore((s) => s.alerting.channels);
  const schedules = useAppStore((s) => s.alerting.schedules);
  const deleteAlerting = useAppStore((s) => s.deleteAlerting);
  const [editing, setEditing] = useState<ChannelView | 'new' | null>(null);
  const [deleting, setDeleting] = useState<ChannelView | null>(null);
  const scheduled = new Set(schedules.map((s) => s.channelId));
  const loadAlerting = useAppStore((s) => s.loadAlerting);
  // Keeps each channel's "last delivery" current while the tab is open.
  useEffect(() => {
    const timer = setInterval(() => void loadAlerting(['channels']), REFRESH_MS);
    return () => clearInterval(timer);
  }, [loadAlerting]);

  return (
    <>
      {channels.length === 0 ? (
        <div className="card">
          <EmptyState
            icon={BellRing}
            title="No alert channels yet"
            action={
              <button type="button" className="btn btn-primary" onClick={() => setEditing('new')}>
                <Plus size={14} /> Add a channel
              </button>
            }
          >
            A channel is a place the relay sends alerts to: email, Slack, Discord, Teams, Telegram, PagerDuty,
            ntfy, SMS, a phone call or your own webhook. The relay sends them even while this computer sleeps.
          </EmptyState>
        </div>
      ) : (
        <div className="card alert-list">
          <div className="card-header">
            <h2 className="section-title">Channels</h2>
            <button type="button" className="btn btn-sm btn-primary" onClick={() => setEditing('new')}>
              <Plus size={14} /> Add channel
            </button>
          </div>
          {channels.map((view) => (
            <ChannelRow
              key={view.channel.id}
              view={view}
              now={now}
              scheduled={scheduled.has(view.channel.id)}
              onEdit={() => setEditing(view)}
              onDelete={() => setDeleting(view)}
            />
          ))}
        </div>
      )}
      {editing !== null && (
        <ChannelEditor
          channel={editing === 'new' ? null : editing.channel}
          onClose={() => setEditing(null)}
        />
      )}
      {deleting !== null && (
        <ConfirmDelete
          what={`“${deleting.channel.name}”`}
          consequence="Rules and escalation steps that name this channel stop sending to it, and messages still queued for it fail."
          onDelete={() => deleteAlerting('channels', deleting.channel.id)}
          onClose={() => setDeleting(null)}
        />
      )}
    </>
  );
}

function ChannelRow({
  view,
  now,
  scheduled,
  onEdit,
  onDelete,
}: {
  view: ChannelView;
  now: number;
  scheduled: boolean;
  onEdit: () => void;
  onDelete: () => void;
}) {
  const testChannel = useAppStore((s) => s.testChannel);
  const [outcome, setOutcome] = useState<TestOutcomeView | null>(null);
  const [testing, setTesting] = useState(false);
  const { channel, lastDelivery } = view;
  const info = CHANNEL_KIND_INFO[channel.kind];
  const test = async () => {
    setTesting(true);
    setOutcome(null);
    const result = await testChannel(channel.id);
    setTesting(false);
    setOutcome(result.ok ? result.value : { ok: false, error: result.error.message });
  };
  return (
    <div className={`alert-item${channel.enabled ? '' : ' disabled'}`} data-channel-id={channel.id}>
      <div className="alert-item-row">
        <span className="kind-icon" title={info.label}>
          <info.icon size={16} />
        </span>
        <div className="alert-item-main">
          <div className="alert-item-title">
            {channel.name}
            {!channel.enabled && <span className="badge badge-sm badge-paused">Disabled</span>}
            {scheduled && (
              <span className="chip chip-xs" title="Has a schedule (see Schedules)">
                <CalendarClock size={11} /> scheduled
              </span>
            )}
          </div>
          <div className="muted small">
            {info.label} · <span className="mono">{channel.id}</span>
          </div>
        </div>
        <div className="alert-item-state">
          {lastDelivery === null ? (
            <span className="muted small">Nothing sent yet</span>
          ) : (
            <>
              <DeliveryBadge status={lastDelivery.status} retrying={lastDelivery.error !== null} />
              <span className="muted small" title={lastDelivery.error ?? undefined}>
                {formatAgo(lastDelivery.at, now)}
              </span>
            </>
          )}
        </div>
        <ItemActions name={channel.name} onEdit={onEdit} onDelete={onDelete}>
          <button type="button" className="btn btn-sm" disabled={testing} onClick={() => void test()}>
            <Send size={13} /> {testing ? 'Sending…' : 'Send test'}
          </button>
        </ItemActions>
      </div>
      {outcome !== null && <TestOutcome outcome={outcome} />}
    </div>
  );
}
