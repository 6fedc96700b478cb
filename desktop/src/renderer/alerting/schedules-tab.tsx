import type { ChannelSchedule } from '@vantage/shared';
import { scheduleAllows } from '@vantage/shared';
import { CalendarClock, Plus } from 'lucide-react';
import { useState } from 'react';
import { EmptyState } from '../components/empty-state.js';
import { useAppStore } from '../store/use-app-store.js';
import { ConfirmDelete, ItemActions } from './alerting-controls.js';
import { CHANNEL_KIND_INFO } from './channel-kinds.js';
import { describeRange } from './policy-text.js';
import { ScheduleEditor } from './schedule-editor.js';

/** Channel schedules: when each channel may be used (e.g. SMS only outside office hours). */
export function SchedulesTab({ now }: { now: number }) {
  const schedules = useAppStore((s) => s.alerting.schedules);
  const channels = useAppStore((s) => s.alerting.channels);
  const deleteAlerting = useAppStore((s) => s.deleteAlerting);
  const [editing, setEditing] = useState<ChannelSchedule | 'new' | null>(null);
  const [deleting, setDeleting] = useState<ChannelSchedule | null>(null);
  const canAdd = channels.some((c) => !schedules.some((s) => s.channelId === c.channel.id));
  const channelOf = (id: string) => channels.find((c) => c.channel.id === id)?.channel;
  const add = (
    <button
      type="button"
      className="btn btn-primary btn-sm"
      disabled={!canAdd}
      onClick={() => setEditing('new')}
    >
      <Plus size={14} /> Add schedule
    </button>
  );

  return (
    <>
      {schedules.length === 0 ? (
        <div className="card">
          <EmptyState
            icon={CalendarClock}
            title="Every channel is used around the clock"
            action={canAdd ? add : undefined}
          >
            A schedule limits when one channel is used, in its own time zone: Slack only during office hours,
            SMS and phone calls only outside them. Alerts outside a channel’s hours are not sent to it.
            {channels.length === 0 && ' Add a channel first.'}
          </EmptyState>
        </div>
      ) : (
        <div className="card alert-list">
          <div className="card-header">
            <h2 className="section-title">Channel schedules</h2>
            {add}
          </div>
          {schedules.map((schedule) => {
            const channel = channelOf(schedule.channelId);
            const Icon = channel === undefined ? CalendarClock : CHANNEL_KIND_INFO[channel.kind].icon;
            const open = scheduleAllows(schedule, now);
            const name = channel?.name ?? schedule.channelId;
            return (
              <div key={schedule.channelId} className="alert-item" data-schedule={schedule.channelId}>
                <div className="alert-item-row">
                  <span className="kind-icon">
                    <Icon size={16} />
                  </span>
                  <div className="alert-item-main">
                    <div className="alert-item-title">{name}</div>
                    <div className="schedule-ranges">
                      <span className="muted small">
                        {schedule.send === 'within' ? 'Only' : 'Only outside'}
                      </span>
                      {schedule.ranges.map((range, i) => (
                        <span key={i} className="chip chip-xs mono">
                          {describeRange(range)}
                        </span>
                      ))}
                      <span className="muted small">{schedule.timeZone}</span>
                    </div>
                  </div>
                  <div className="alert-item-state">
                    <span className={`badge badge-sm ${open ? 'badge-up' : 'badge-paused'}`}>
                      {open ? 'Sending now' : 'Quiet now'}
                    </span>
                  </div>
                  <ItemActions
                    name={name}
                    onEdit={() => setEditing(schedule)}
                    onDelete={() => setDeleting(schedule)}
                  />
                </div>
              </div>
            );
          })}
        </div>
      )}
      {editing !== null && (
        <ScheduleEditor schedule={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />
      )}
      {deleting !== null && (
        <ConfirmDelete
          what="this schedule"
          consequence="The channel is then used at any hour."
          onDelete={() => deleteAlerting('schedules', deleting.channelId)}
          onClose={() => setDeleting(null)}
        />
      )}
    </>
  );
}
