import {
  type AlertMessage,
  type AlertNotice,
  type AlertNoticeKind,
  type AlertSeverity,
  alertSeverity,
  alertSummary,
  alertTitle,
  noticeHeadline,
  type WebhookChannelConfig,
} from '@vantage/shared';

/** Identifies the body's shape; a breaking change would get a new name (see README.md). */
export const WEBHOOK_SCHEMA = 'vantage.alert.v1';

/** One incident in a webhook body; absent facts are `null`, so every key is always present. */
export interface WebhookNotice {
  kind: AlertNoticeKind;
  monitor: { id: string; name: string; target: string | null };
  incidentId: string;
  /** The story the notice belongs to: degraded, down and recovered of one spell share it. */
  storyId: string;
  headline: string;
  cause: string;
  regions: string[];
  openedAt: string;
  resolvedAt: string | null;
  durationMs: number;
  acknowledgedAt: string | null;
  acknowledgedBy: string | null;
  certExpiresAt: string | null;
  ackUrl: string | null;
  openUrl: string | null;
}

/** The JSON body of a generic webhook, documented in README.md beside this file. */
export interface WebhookBody {
  schema: typeof WEBHOOK_SCHEMA;
  id: string | null;
  timestamp: number;
  sentAt: string;
  channel: { id: string; name: string };
  title: string;
  summary: string;
  severity: AlertSeverity;
  notices: WebhookNotice[];
}

/**
 * Builds the body. `timestamp` (Unix seconds) is the send time, repeated in the
 * X-Vantage-Timestamp header; as part of the signed body it lets receivers refuse replays.
 */
export function buildWebhookBody(
  message: AlertMessage,
  config: WebhookChannelConfig,
  sentAt: number,
): WebhookBody {
  return {
    schema: WEBHOOK_SCHEMA,
    id: message.id ?? null,
    timestamp: Math.floor(sentAt / 1000),
    sentAt: new Date(sentAt).toISOString(),
    channel: { id: config.id, name: config.name },
    title: alertTitle(message),
    summary: alertSummary(message),
    severity: alertSeverity(message),
    notices: message.notices.map((n) => webhookNotice(n, message.at)),
  };
}

function webhookNotice(notice: AlertNotice, at: number): WebhookNotice {
  return {
    kind: notice.kind,
    monitor: { id: notice.monitorId, name: notice.monitorName, target: notice.target ?? null },
    incidentId: notice.incidentId,
    storyId: notice.storyId ?? notice.incidentId,
    headline: noticeHeadline(notice, at),
    cause: notice.cause,
    regions: notice.regions,
    openedAt: iso(notice.openedAt)!,
    resolvedAt: iso(notice.resolvedAt),
    durationMs: Math.max(0, (notice.resolvedAt ?? at) - notice.openedAt),
    acknowledgedAt: iso(notice.acknowledgedAt),
    acknowledgedBy: notice.acknowledgedBy ?? null,
    certExpiresAt: iso(notice.certExpiresAt),
    ackUrl: notice.ackUrl ?? null,
    openUrl: notice.openUrl ?? null,
  };
}

function iso(ms: number | undefined): string | null {
  return ms === undefined ? null : new Date(ms).toISOString();
}
