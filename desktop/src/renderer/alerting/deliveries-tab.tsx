import type { DeliveryRecord, DeliveryStatus } from '@vantage/shared';
import { ChevronDown, ChevronRight, ScrollText } from 'lucide-react';
import { Fragment, useEffect, useState } from 'react';
import { EmptyState, ErrorState } from '../components/empty-state.js';
import { Segmented } from '../components/segmented.js';
import { formatWhen } from '../format/format.js';
import { useAppStore } from '../store/use-app-store.js';
import { CHANNEL_KIND_INFO } from './channel-kinds.js';
import { DeliveryBadge } from './delivery-badge.js';
import { describeNotices } from './delivery-text.js';

const REFRESH_MS = 5000;
const STATUSES: { value: DeliveryStatus | 'all'; label: string }[] = [
  { value: 'all', label: 'All' },
  { value: 'pending', label: 'Pending' },
  { value: 'delivered', label: 'Sent' },
  { value: 'failed', label: 'Failed' },
];

/** The delivery log: every message the relay sent or tries to send, newest first, refreshed while open. */
export function DeliveriesTab({ now }: { now: number }) {
  const deliveries = useAppStore((s) => s.deliveries);
  const load = useAppStore((s) => s.deliveriesLoad);
  const filter = useAppStore((s) => s.deliveryFilter);
  const setFilter = useAppStore((s) => s.setDeliveryFilter);
  const loadDeliveries = useAppStore((s) => s.loadDeliveries);
  const channels = useAppStore((s) => s.alerting.channels);
  const [open, setOpen] = useState<string | null>(null);

  useEffect(() => {
    void loadDeliveries();
    const timer = setInterval(() => void loadDeliveries(), REFRESH_MS);
    return () => clearInterval(timer);
  }, [loadDeliveries]);

  const channelOf = (id: string) => channels.find((c) => c.channel.id === id)?.channel;
  const filtered = filter.channelId !== null || filter.status !== null;
  return (
    <div className="card">
      <div className="card-header">
        <h2 className="section-title">Delivery log</h2>
        <div className="button-row">
          <select
            className="select"
            aria-label="Channel"
            value={filter.channelId ?? ''}
            onChange={(e) => setFilter({ channelId: e.target.value === '' ? null : e.target.value })}
          >
            <option value="">All channels</option>
            {channels.map((c) => (
              <option key={c.channel.id} value={c.channel.id}>
                {c.channel.name}
              </option>
            ))}
          </select>
          <Segmented
            label="Status"
            size="sm"
            options={STATUSES}
            value={filter.status ?? 'all'}
            onChange={(status) => setFilter({ status: status === 'all' ? null : status })}
          />
        </div>
      </div>
      {load.status === 'error' && deliveries.length === 0 ? (
        <ErrorState compact message={load.error ?? ''} onRetry={() => void loadDeliveries()} />
      ) : deliveries.length === 0 ? (
        <EmptyState
          compact
          icon={ScrollText}
          title={filtered ? 'Nothing matches these filters' : 'Nothing sent yet'}
        >
          {filtered
            ? 'Try all channels or all statuses.'
            : 'Every alert the relay sends lands here with each attempt and the provider’s answer. Test sends from the Channels tab are not logged.'}
        </EmptyState>
      ) : (
        <div className="table-wrap">
          <table className="table delivery-table">
            <thead>
              <tr>
                <th aria-label="Details" />
                <th>Time</th>
                <th>Channel</th>
                <th>What</th>
                <th>Status</th>
                <th className="num">Attempts</th>
              </tr>
            </thead>
            <tbody>
              {deliveries.map((record) => {
                const channel = channelOf(record.channelId);
                const Icon = channel === undefined ? ScrollText : CHANNEL_KIND_INFO[channel.kind].icon;
                const expanded = open === record.id;
                return (
                  <Fragment key={record.id}>
                    <tr
                      className={`delivery-row${expanded ? ' expanded' : ''}`}
                      data-delivery-id={record.id}
                      data-status={record.status}
                      onClick={() => setOpen(expanded ? null : record.id)}
                    >
                      <td>
                        <button
                          type="button"
                          className="icon-btn"
                          aria-expanded={expanded}
                          aria-label="Show attempts"
                        >
                          {expanded ? <ChevronDown size={14} /> : <ChevronRight size={14} />}
                        </button>
                      </td>
                      <td className="nowrap">{formatWhen(record.createdAt, now)}</td>
                      <td className="nowrap">
                        <span className="channel-cell">
                          <Icon size={13} /> {channel?.name ?? record.channelId}
                        </span>
                      </td>
                      <td>
                        <DeliveryWhat record={record} />
                      </td>
                      <td>
                        <DeliveryBadge status={record.status} retrying={record.attempts.length > 0} />
                      </td>
                      <td className="num">{record.attempts.length}</td>
                    </tr>
                    {expanded && (
                      <tr className="delivery-detail">
                        <td />
                        <td colSpan={5}>
                          <Attempts record={record} now={now} />
                        </td>
                      </tr>
                    )}
                  </Fragment>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}

function DeliveryWhat({ record }: { record: DeliveryRecord }) {
  const { title, more, incidentId } = describeNotices(record);
  return (
    <span className="delivery-what">
      {incidentId === null ? (
        title
      ) : (
        <a href={`#/incidents/${encodeURIComponent(incidentId)}`} onClick={(e) => e.stopPropagation()}>
          {title}
        </a>
      )}
      {more > 0 && <span className="muted small"> and {more} more</span>}
    </span>
  );
}

function Attempts({ record, now }: { record: DeliveryRecord; now: number }) {
  return (
    <div className="attempts">
      {record.attempts.length === 0 ? (
        <div className="muted small">
          {record.nextAttemptAt === null
            ? 'No attempt yet.'
            : `First attempt ${formatWhen(record.nextAttemptAt, now)}.`}
        </div>
      ) : (
        <ol className="attempt-list">
          {record.attempts.map((attempt, i) => (
            <li key={i} className={`attempt attempt-${attempt.outcome}`}>
              <span className="nowrap mono small">{formatWhen(attempt.at, now)}</span>
              <span className="attempt-outcome">{attempt.outcome}</span>
              <span className="muted small">{attempt.durationMs} ms</span>
              <span className="attempt-detail mono small">{attempt.detail}</span>
            </li>
          ))}
        </ol>
      )}
      {record.status === 'pending' && record.nextAttemptAt !== null && record.attempts.length > 0 && (
        <div className="muted small">Next attempt {formatWhen(record.nextAttemptAt, now)}.</div>
      )}
    </div>
  );
}
