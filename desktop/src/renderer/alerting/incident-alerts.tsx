import type { DeliveryRecord } from '@vantage/shared';
import { useEffect, useState } from 'react';
import { formatWhen } from '../format/format.js';
import { useAppStore } from '../store/use-app-store.js';
import { CHANNEL_KIND_INFO } from './channel-kinds.js';
import { DeliveryBadge } from './delivery-badge.js';

/** The alerts the relay sent about one incident, per channel with their status; nothing when none. */
export function IncidentAlerts({ incidentId, now }: { incidentId: string; now: number }) {
  const deliveriesOfIncident = useAppStore((s) => s.deliveriesOfIncident);
  const channels = useAppStore((s) => s.alerting.channels);
  const loadAlerting = useAppStore((s) => s.loadAlerting);
  const [records, setRecords] = useState<DeliveryRecord[]>([]);
  useEffect(() => {
    let live = true;
    void deliveriesOfIncident(incidentId).then((found) => live && setRecords(found));
    return () => {
      live = false;
    };
  }, [incidentId, deliveriesOfIncident]);
  const needChannels = records.length > 0 && channels.length === 0;
  useEffect(() => {
    if (needChannels) void loadAlerting(['channels']);
  }, [needChannels, loadAlerting]);
  if (records.length === 0) return null;
  return (
    <div className="incident-alerts">
      <span className="muted small">Alerts sent</span>
      {records.map((record) => {
        const channel = channels.find((c) => c.channel.id === record.channelId)?.channel;
        const Icon = channel === undefined ? null : CHANNEL_KIND_INFO[channel.kind].icon;
        const last = record.attempts.at(-1);
        return (
          <a
            key={record.id}
            href="#/alerting/deliveries"
            className="incident-alert"
            title={last === undefined ? 'not tried yet' : `${last.outcome}: ${last.detail}`}
          >
            {Icon !== null && <Icon size={12} />}
            {channel?.name ?? record.channelId}
            <DeliveryBadge status={record.status} retrying={record.attempts.length > 0} />
            <span className="muted small">{formatWhen(record.deliveredAt ?? record.createdAt, now)}</span>
          </a>
        );
      })}
    </div>
  );
}
