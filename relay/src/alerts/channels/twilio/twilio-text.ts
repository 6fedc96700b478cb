import {
  type AlertMessage,
  alertDigest,
  alertSummary,
  alertTitle,
  noticeHeadline,
  splitNotices,
  truncateText,
} from '@vantage/shared';

/** Twilio's limit for a message body. */
export const TWILIO_MAX_BODY = 1600;

/** A short text message: the summary, and for one incident its acknowledge link. */
export function smsText(message: AlertMessage): string {
  const notice = message.notices.length === 1 ? message.notices[0]! : undefined;
  const ack = notice?.ackUrl === undefined ? '' : `\nAcknowledge: ${notice.ackUrl}`;
  return `Vantage: ${truncateText(alertSummary(message, 10), TWILIO_MAX_BODY - 20 - ack.length)}${ack}`;
}

/** A WhatsApp message: the plain-text alert with every fact, or one line per incident of a group. */
export function whatsAppText(message: AlertMessage): string {
  return alertDigest(message, TWILIO_MAX_BODY);
}

/**
 * What a voice call says: the title, then the cause and regions of one incident or the names of
 * a group. Links are left out; nobody can follow a URL read aloud.
 */
export function voiceScript(message: AlertMessage): string {
  if (message.notices.length === 1) {
    const notice = message.notices[0]!;
    const parts = [`Vantage alert. ${noticeHeadline(notice, message.at)}.`];
    if (notice.cause !== '') parts.push(`Cause: ${truncateText(notice.cause, 300)}.`);
    if (notice.regions.length > 0) parts.push(`Regions: ${notice.regions.join(', ')}.`);
    return parts.join(' ');
  }
  const { shown, hidden } = splitNotices(message, 10);
  const names = shown.map((n) => n.monitorName).join(', ');
  return `Vantage alert. ${alertTitle(message)}: ${names}${hidden > 0 ? `, and ${hidden} more` : ''}.`;
}
