import { humanizeDuration } from '../units/duration.js';
import type { AlertMessage, AlertNotice, AlertNoticeKind } from './alert-message.js';

/** How urgent a notice is; channels map it to colours, priorities and severities. */
export type AlertSeverity = 'critical' | 'warning' | 'info' | 'ok';

const SEVERITY: Readonly<Record<AlertNoticeKind, AlertSeverity>> = {
  down: 'critical',
  degraded: 'warning',
  recovered: 'ok',
  acknowledged: 'info',
  reminder: 'critical',
  escalation: 'critical',
  'cert-expiry': 'warning',
  test: 'info',
};
const SEVERITY_RANK: Readonly<Record<AlertSeverity, number>> = { ok: 0, info: 1, warning: 2, critical: 3 };

/** A one- or two-word status for each kind, e.g. for a "Status" field. */
export const NOTICE_LABELS: Readonly<Record<AlertNoticeKind, string>> = {
  down: 'Down',
  degraded: 'Degraded',
  recovered: 'Recovered',
  acknowledged: 'Acknowledged',
  reminder: 'Still down',
  escalation: 'Escalated',
  'cert-expiry': 'Certificate expiring',
  test: 'Test',
};

const GROUP_TITLES: Readonly<Record<AlertNoticeKind, (n: number) => string>> = {
  down: (n) => `${n} monitors are down`,
  degraded: (n) => `${n} monitors are degraded`,
  recovered: (n) => `${n} monitors are back up`,
  acknowledged: (n) => `${n} incidents acknowledged`,
  reminder: (n) => `${n} monitors are still down`,
  escalation: (n) => `${n} incidents are not acknowledged`,
  'cert-expiry': (n) => `${n} certificates expire soon`,
  test: (n) => `${n} test alerts`,
};

/** How urgent one notice is. */
export function noticeSeverity(kind: AlertNoticeKind): AlertSeverity {
  return SEVERITY[kind];
}

/** The most urgent severity among a message's notices (a group with one outage is critical). */
export function alertSeverity(message: AlertMessage): AlertSeverity {
  return message.notices
    .map((n) => SEVERITY[n.kind])
    .reduce((worst, s) => (SEVERITY_RANK[s] > SEVERITY_RANK[worst] ? s : worst), 'ok');
}

/** One line about one notice: `API is down`, `API is back up after 5 minutes`. */
export function noticeHeadline(notice: AlertNotice, at: number): string {
  const name = notice.monitorName;
  const openFor = humanizeDuration(Math.max(0, at - notice.openedAt));
  switch (notice.kind) {
    case 'down':
      return `${name} is down`;
    case 'degraded':
      return `${name} is degraded`;
    case 'recovered':
      // A certificate's story ends with its renewal, not with the monitor coming back up.
      if (notice.certExpiresAt !== undefined) return `${name}: TLS certificate renewed`;
      return `${name} is back up after ${humanizeDuration((notice.resolvedAt ?? at) - notice.openedAt)}`;
    case 'acknowledged':
      return `${name} acknowledged${notice.acknowledgedBy === undefined ? '' : ` by ${notice.acknowledgedBy}`}`;
    case 'reminder':
      return `${name} is still down (${openFor})`;
    case 'escalation':
      return `${name} has been down for ${openFor} and nobody acknowledged it`;
    case 'cert-expiry':
      return certHeadline(name, notice.certExpiresAt, at);
    case 'test':
      return `Vantage test alert to ${name}`;
  }
}

function certHeadline(name: string, expiresAt: number | undefined, at: number): string {
  if (expiresAt === undefined) return `${name}: TLS certificate expires soon`;
  return expiresAt <= at
    ? `${name}: TLS certificate has expired`
    : `${name}: TLS certificate expires in ${humanizeDuration(expiresAt - at)}`;
}

/** The message's title: the one notice's headline, or a count for a group (`50 monitors are down`). */
export function alertTitle(message: AlertMessage): string {
  const { notices } = message;
  if (notices.length === 1) return noticeHeadline(notices[0]!, message.at);
  const counts = new Map<AlertNoticeKind, number>();
  for (const n of notices) counts.set(n.kind, (counts.get(n.kind) ?? 0) + 1);
  if (counts.size === 1) return GROUP_TITLES[notices[0]!.kind](notices.length);
  const parts = [...counts].map(([kind, n]) => `${n} ${NOTICE_LABELS[kind].toLowerCase()}`);
  return `${notices.length} alerts: ${parts.join(', ')}`;
}

/** One line for SMS, push and incident summaries: title plus cause, or the first names of a group. */
export function alertSummary(message: AlertMessage, maxNames = 5): string {
  const title = alertTitle(message);
  if (message.notices.length === 1) {
    const cause = message.notices[0]!.cause;
    return cause === '' ? title : `${title}: ${cause}`;
  }
  const { shown, hidden } = splitNotices(message, maxNames);
  const names = shown.map((n) => n.monitorName).join(', ');
  return `${title}: ${names}${hidden > 0 ? ` and ${hidden} more` : ''}`;
}

/** A labelled fact about a notice, e.g. `{ label: 'Regions', value: 'eu-west, us-east' }`. */
export interface AlertFact {
  label: string;
  value: string;
}

/** The facts a reader needs about one notice, in display order; absent facts are left out. */
export function noticeFacts(notice: AlertNotice, at: number): AlertFact[] {
  if (notice.kind === 'test') return [{ label: 'Sent', value: formatAlertTime(at) }];
  const facts: AlertFact[] = [{ label: 'Status', value: NOTICE_LABELS[notice.kind] }];
  const add = (label: string, value: string | undefined) => {
    if (value !== undefined && value !== '') facts.push({ label, value });
  };
  add('Target', notice.target);
  add('Cause', notice.cause);
  add('Regions', notice.regions.join(', '));
  add('Opened', formatAlertTime(notice.openedAt));
  add('Resolved', notice.resolvedAt === undefined ? undefined : formatAlertTime(notice.resolvedAt));
  add('Duration', humanizeDuration((notice.resolvedAt ?? at) - notice.openedAt));
  add('Acknowledged by', notice.acknowledgedBy);
  add(
    'Certificate expires',
    notice.certExpiresAt === undefined ? undefined : formatAlertTime(notice.certExpiresAt),
  );
  return facts;
}

/**
 * The plain-text body shared by email, SMS and push: the title, then each notice with its facts
 * and links. Groups list at most `maxNotices` and say how many more there are.
 */
export function alertText(message: AlertMessage, maxNotices = 50): string {
  const lines = [alertTitle(message), ''];
  const grouped = message.notices.length > 1;
  const { shown, hidden } = splitNotices(message, maxNotices);
  for (const notice of shown) {
    const indent = grouped ? '  ' : '';
    if (grouped) lines.push(`- ${noticeHeadline(notice, message.at)}`);
    for (const fact of noticeFacts(notice, message.at)) lines.push(`${indent}${fact.label}: ${fact.value}`);
    if (notice.ackUrl !== undefined) lines.push(`${indent}Acknowledge: ${notice.ackUrl}`);
    if (notice.openUrl !== undefined) lines.push(`${indent}Open: ${notice.openUrl}`);
    lines.push('');
  }
  if (hidden > 0) lines.push(`…and ${hidden} more.`, '');
  return lines.join('\n').trimEnd();
}

/**
 * Plain text within a size budget, for channels with hard limits (push, WhatsApp): `alertText`
 * for one notice; for a group one line per incident, as many as fit, then how many more.
 */
export function alertDigest(
  message: AlertMessage,
  maxChars: number,
  options: { title?: boolean } = {},
): string {
  const head = options.title === false ? [] : [alertTitle(message)];
  if (message.notices.length === 1) {
    const body = alertText(message).split('\n').slice(2);
    return truncateText([...head, ...(head.length > 0 ? [''] : []), ...body].join('\n'), maxChars);
  }
  const lines = message.notices.map((n) =>
    truncateText(`- ${n.monitorName} · ${NOTICE_LABELS[n.kind]}${n.cause === '' ? '' : `: ${n.cause}`}`, 200),
  );
  const headText = head.length > 0 ? `${head[0]}\n\n` : '';
  return headText + fitLines(lines, maxChars - headText.length).join('\n');
}

/**
 * As many of `lines` as fit in `maxChars` (joined by newlines), followed by `…and N more` when
 * some were left out; the note itself always fits.
 */
export function fitLines(lines: readonly string[], maxChars: number): string[] {
  const kept: string[] = [];
  let length = 0;
  for (const [i, line] of lines.entries()) {
    const more = `…and ${lines.length - i} more`;
    const last = i === lines.length - 1;
    if (length + line.length + (last ? 0 : more.length + 1) > maxChars) {
      kept.push(more);
      break;
    }
    kept.push(line);
    length += line.length + 1;
  }
  return kept;
}

/** The first `max` notices and how many were left out; channels with size limits list only some. */
export function splitNotices(message: AlertMessage, max: number): { shown: AlertNotice[]; hidden: number } {
  const shown = message.notices.slice(0, Math.max(1, max));
  return { shown, hidden: message.notices.length - shown.length };
}

/** A timestamp as readers see it in alerts: `2024-05-01 12:00:05 UTC`. */
export function formatAlertTime(ms: number): string {
  return `${new Date(ms).toISOString().slice(0, 19).replace('T', ' ')} UTC`;
}

/** Cuts text to `max` characters, ending in `…` when it was longer. */
export function truncateText(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, Math.max(0, max - 1))}…`;
}
