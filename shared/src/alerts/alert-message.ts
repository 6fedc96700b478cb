import { z } from 'zod';
import { Timestamp } from '../evaluator/status.js';
import { RegionName } from '../results/check-result.js';

/**
 * Why a channel is told about an incident: it opened (`down`, `degraded`), closed
 * (`recovered`), someone took it (`acknowledged`), it is still open (`reminder`), nobody took
 * it in time (`escalation`), a certificate nears expiry, or a user pressed "send test".
 */
export const AlertNoticeKind = z.enum([
  'down',
  'degraded',
  'recovered',
  'acknowledged',
  'reminder',
  'escalation',
  'cert-expiry',
  'test',
]);
/** Why a channel is told about an incident. */
export type AlertNoticeKind = z.infer<typeof AlertNoticeKind>;

const LinkUrl = z.url({ protocol: /^https?$/, error: 'must be an http:// or https:// URL' }).max(2000);

/** One incident a message reports, with what a reader needs to act on it. */
export const AlertNotice = z.object({
  kind: AlertNoticeKind,
  monitorId: z.string().min(1).max(64),
  monitorName: z.string().min(1).max(200),
  /** The incident; PagerDuty uses it as the dedup key, so it is stable for the incident's life. */
  incidentId: z.string().min(1).max(200),
  /**
   * The first id of the story this notice continues (degraded, then down, then recovered are one
   * story); receivers that deduplicate (PagerDuty) key on it. Absent: the incident id.
   */
  storyId: z.string().min(1).max(200).optional(),
  /** What is checked (URL, host:port), shown so a reader knows what broke without opening the app. */
  target: z.string().max(2000).optional(),
  cause: z.string().max(2000).default(''),
  regions: z.array(RegionName).max(100).default([]),
  openedAt: Timestamp,
  resolvedAt: Timestamp.optional(),
  acknowledgedAt: Timestamp.optional(),
  acknowledgedBy: z.string().max(200).optional(),
  /** For `cert-expiry`: when the certificate stops being valid. */
  certExpiresAt: Timestamp.optional(),
  /** A signed link that acknowledges the incident (see the relay's ack links). */
  ackUrl: LinkUrl.optional(),
  /** Where to see the incident (status page, dashboard). */
  openUrl: LinkUrl.optional(),
});
/** One incident a message reports. */
export type AlertNotice = z.infer<typeof AlertNotice>;

/**
 * What a channel is asked to deliver: one notice, or several grouped into one message when many
 * incidents change at once (50 monitors down in a minute make one message, not 50).
 */
export const AlertMessage = z.object({
  /** The delivery's id; webhook receivers use it to drop a retried duplicate. */
  id: z.string().min(1).max(200).optional(),
  /** When the message was composed; open incidents' durations are measured up to it. */
  at: Timestamp,
  notices: z.array(AlertNotice).min(1, 'must report at least one incident').max(1000),
});
/** What a channel is asked to deliver. */
export type AlertMessage = z.infer<typeof AlertMessage>;
/** An alert message as a caller writes it: defaults may be omitted. */
export type AlertMessageInput = z.input<typeof AlertMessage>;

/** The message "send test" delivers: one `test` notice that names the channel. */
export function testAlertMessage(options: {
  at: number;
  channelName: string;
  openUrl?: string;
}): AlertMessage {
  return {
    at: options.at,
    notices: [
      {
        kind: 'test',
        monitorId: 'vantage-test',
        monitorName: options.channelName,
        incidentId: `test-${options.at}`,
        cause: 'This is a test alert from Vantage. If you can read it, the channel works.',
        regions: [],
        openedAt: options.at,
        ...(options.openUrl === undefined ? {} : { openUrl: options.openUrl }),
      },
    ],
  };
}
