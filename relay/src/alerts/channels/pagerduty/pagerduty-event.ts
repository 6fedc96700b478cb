import {
  type AlertNotice,
  type AlertNoticeKind,
  noticeFacts,
  noticeHeadline,
  type PagerDutyChannelConfig,
  truncateText,
} from '@vantage/shared';

/** What Events API v2 does with a notice (https://developer.pagerduty.com/docs/events-api-v2/overview/). */
export type PagerDutyAction = 'trigger' | 'acknowledge' | 'resolve';

/** PagerDuty's severities. */
type PagerDutySeverity = 'critical' | 'error' | 'warning' | 'info';

/** One Events API v2 event; `payload` is only sent with `trigger`. */
export interface PagerDutyEvent {
  routing_key: string;
  event_action: PagerDutyAction;
  dedup_key: string;
  payload?: {
    summary: string;
    source: string;
    severity: PagerDutySeverity;
    timestamp: string;
    component: string;
    group?: string;
    class: AlertNoticeKind;
    custom_details: Record<string, string>;
  };
  client?: string;
  client_url?: string;
  links?: { href: string; text: string }[];
}

// Reminders and escalations re-trigger: PagerDuty folds them into the open alert by dedup key.
const ACTIONS: Readonly<Record<AlertNoticeKind, PagerDutyAction>> = {
  down: 'trigger',
  degraded: 'trigger',
  reminder: 'trigger',
  escalation: 'trigger',
  'cert-expiry': 'trigger',
  test: 'trigger',
  acknowledged: 'acknowledge',
  recovered: 'resolve',
};

const SEVERITIES: Readonly<Record<AlertNoticeKind, PagerDutySeverity>> = {
  down: 'critical',
  reminder: 'critical',
  escalation: 'critical',
  degraded: 'warning',
  'cert-expiry': 'warning',
  test: 'info',
  acknowledged: 'info',
  recovered: 'info',
};

/** What PagerDuty should do with a notice. */
export function pagerDutyAction(kind: AlertNoticeKind): PagerDutyAction {
  return ACTIONS[kind];
}

/**
 * The event for one notice. The dedup key is the story id (the incident id unless a degraded
 * spell led into it), so the trigger, acknowledge and resolve of one incident all land on the
 * same PagerDuty alert, and a retried trigger is deduplicated instead of paging twice.
 */
export function buildPagerDutyEvent(
  notice: AlertNotice,
  at: number,
  config: PagerDutyChannelConfig,
  action = pagerDutyAction(notice.kind),
): PagerDutyEvent {
  const base = {
    routing_key: config.routingKey,
    event_action: action,
    dedup_key: notice.storyId ?? notice.incidentId,
  };
  if (action !== 'trigger') return base;
  const headline = noticeHeadline(notice, at);
  return {
    ...base,
    payload: {
      summary: truncateText(notice.cause === '' ? headline : `${headline}: ${notice.cause}`, 1024),
      source: truncateText(notice.target ?? notice.monitorName, 255),
      severity: SEVERITIES[notice.kind],
      timestamp: new Date(
        notice.kind === 'down' || notice.kind === 'degraded' ? notice.openedAt : at,
      ).toISOString(),
      component: truncateText(notice.monitorName, 255),
      ...(notice.regions.length > 0 ? { group: notice.regions.join(', ') } : {}),
      class: notice.kind,
      custom_details: Object.fromEntries(noticeFacts(notice, at).map((f) => [f.label, f.value])),
    },
    client: 'Vantage',
    ...(notice.openUrl === undefined
      ? {}
      : { client_url: notice.openUrl, links: [{ href: notice.openUrl, text: 'Open in Vantage' }] }),
  };
}
