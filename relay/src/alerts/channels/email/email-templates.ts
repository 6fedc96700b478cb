import {
  type AlertMessage,
  type AlertNotice,
  type AlertSeverity,
  alertSeverity,
  alertText,
  alertTitle,
  type EmailChannelConfig,
  formatAlertTime,
  noticeFacts,
  noticeHeadline,
  splitNotices,
  truncateText,
} from '@vantage/shared';
import { escapeHtml } from '../../escape-markup.js';

/** A rendered email. */
export interface EmailContent {
  subject: string;
  text: string;
  html: string;
}

const ACCENTS: Readonly<Record<AlertSeverity, string>> = {
  critical: '#e5484d',
  warning: '#f5a524',
  info: '#3e63dd',
  ok: '#30a46c',
};

// An email can be long, but 100 incidents is already more than anyone reads in one.
const MAX_LISTED = 100;

/** Subject, plain-text and HTML bodies of an alert email; every piece of user text is HTML-escaped. */
export function renderEmail(
  message: AlertMessage,
  config: Pick<EmailChannelConfig, 'subjectPrefix'>,
): EmailContent {
  const title = alertTitle(message);
  const prefix = config.subjectPrefix === undefined ? '' : `${config.subjectPrefix} `;
  const { shown, hidden } = splitNotices(message, MAX_LISTED);
  const grouped = message.notices.length > 1;
  const sections = shown.map((n) => noticeHtml(n, message.at, grouped)).join('\n');
  const more = hidden > 0 ? `<p style="color:#71717a">…and ${hidden} more.</p>` : '';
  const html = `<!doctype html>
<html><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${escapeHtml(title)}</title></head>
<body style="margin:0;padding:0;background:#f4f4f5;font-family:-apple-system,'Segoe UI',Roboto,Helvetica,Arial,sans-serif;color:#18181b">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0"><tr><td align="center" style="padding:24px">
<table role="presentation" width="600" cellpadding="0" cellspacing="0" style="max-width:600px;background:#ffffff;border-radius:8px;border-top:4px solid ${ACCENTS[alertSeverity(message)]}">
<tr><td style="padding:24px">
<h1 style="font-size:20px;margin:0 0 16px">${escapeHtml(title)}</h1>
${sections}
${more}
</td></tr></table>
<p style="font-size:12px;color:#71717a">Sent by Vantage at ${escapeHtml(formatAlertTime(message.at))}</p>
</td></tr></table>
</body></html>
`;
  return {
    subject: truncateText(`${prefix}${title}`.replace(/[\r\n]+/g, ' '), 200),
    text: `${alertText(message, MAX_LISTED)}\n\n-- \nSent by Vantage\n`,
    html,
  };
}

function noticeHtml(notice: AlertNotice, at: number, grouped: boolean): string {
  const heading = grouped
    ? `<h2 style="font-size:16px;margin:16px 0 8px">${escapeHtml(noticeHeadline(notice, at))}</h2>\n`
    : '';
  const rows = noticeFacts(notice, at)
    .map(
      (f) =>
        `<tr><td style="color:#71717a;padding:2px 16px 2px 0;vertical-align:top;white-space:nowrap">${escapeHtml(f.label)}</td><td style="padding:2px 0">${escapeHtml(f.value)}</td></tr>`,
    )
    .join('\n');
  const buttons = [
    notice.ackUrl === undefined ? '' : button('Acknowledge', notice.ackUrl, true),
    notice.openUrl === undefined ? '' : button('Open', notice.openUrl, false),
  ].join(' ');
  return `${heading}<table role="presentation" cellpadding="0" cellspacing="0" style="font-size:14px">
${rows}
</table>
${buttons.trim() === '' ? '' : `<p style="margin:12px 0 0">${buttons.trim()}</p>`}`;
}

function button(label: string, url: string, primary: boolean): string {
  const style = primary
    ? 'background:#18181b;color:#ffffff;border:1px solid #18181b'
    : 'background:#ffffff;color:#18181b;border:1px solid #d4d4d8';
  return `<a href="${escapeHtml(url)}" style="display:inline-block;padding:8px 14px;border-radius:6px;text-decoration:none;font-size:14px;${style}">${label}</a>`;
}
