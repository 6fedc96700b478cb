import {
  type AlertMessage,
  type AlertNoticeKind,
  type AlertSeverity,
  alertDigest,
  alertSeverity,
  alertTitle,
  type NtfyChannelConfig,
  truncateText,
} from '@vantage/shared';

/** Emoji tags ntfy shows before the title (https://docs.ntfy.sh/emojis/). */
export const NTFY_TAGS: Readonly<Record<AlertNoticeKind, string>> = {
  down: 'rotating_light',
  degraded: 'warning',
  recovered: 'white_check_mark',
  acknowledged: 'eyes',
  reminder: 'bell',
  escalation: 'sos',
  'cert-expiry': 'lock',
  test: 'test_tube',
};

// ntfy priorities: 5 = urgent (long vibration), 4 = high, 3 = default.
const PRIORITIES: Readonly<Record<AlertSeverity, string>> = {
  critical: '5',
  warning: '4',
  info: '3',
  ok: '3',
};

// Bigger messages turn into attachments on ntfy servers; 4096 bytes is the default limit.
const MAX_BODY_BYTES = 4000;

/**
 * Headers and body of a publish request (https://docs.ntfy.sh/publish/): the plain-text alert
 * as the body, title / priority / tags as headers, and for one incident a Click URL and
 * Acknowledge / Open view actions.
 */
export function buildNtfyRequest(message: AlertMessage, config: NtfyChannelConfig) {
  const headers: Record<string, string> = {
    'content-type': 'text/plain; charset=utf-8',
    Title: headerText(truncateText(alertTitle(message), 250)),
    Priority: PRIORITIES[alertSeverity(message)],
    Tags: [...new Set(message.notices.map((n) => NTFY_TAGS[n.kind]))].join(','),
  };
  const auth = authorization(config);
  if (auth !== undefined) headers.Authorization = auth;
  if (message.notices.length === 1) {
    const notice = message.notices[0]!;
    const actions: string[] = [];
    if (notice.ackUrl !== undefined)
      actions.push(`view, Acknowledge, ${actionValue(notice.ackUrl)}, clear=true`);
    if (notice.openUrl !== undefined) {
      actions.push(`view, Open, ${actionValue(notice.openUrl)}`);
      headers.Click = notice.openUrl;
    }
    if (actions.length > 0) headers.Actions = actions.join('; ');
  }
  // The title is a header of its own. Characters are budgeted well below the byte limit, which
  // truncateUtf8 then enforces for text that is not ASCII.
  const body = alertDigest(message, MAX_BODY_BYTES / 2, { title: false });
  return { headers, body: truncateUtf8(body === '' ? alertTitle(message) : body, MAX_BODY_BYTES) };
}

function authorization(config: NtfyChannelConfig): string | undefined {
  if (config.token !== undefined) return `Bearer ${config.token}`;
  if (config.username !== undefined && config.password !== undefined)
    return `Basic ${Buffer.from(`${config.username}:${config.password}`).toString('base64')}`;
  return undefined;
}

/** HTTP headers carry Latin-1 at best; ntfy decodes RFC 2047 encoded words for anything else. */
function headerText(text: string): string {
  return /^[\x20-\x7e]*$/.test(text) ? text : `=?UTF-8?B?${Buffer.from(text).toString('base64')}?=`;
}

/** Action values with a comma or semicolon must be quoted in ntfy's short action format. */
function actionValue(url: string): string {
  return /[,;"]/.test(url) ? `"${url.replace(/"/g, '%22')}"` : url;
}

function truncateUtf8(text: string, maxBytes: number): string {
  const bytes = Buffer.from(text);
  if (bytes.length <= maxBytes) return text;
  // Cutting inside a multi-byte character leaves U+FFFD, which the trailing ellipsis replaces.
  return `${bytes
    .subarray(0, maxBytes - 3)
    .toString('utf8')
    .replace(/\uFFFD$/, '')}…`;
}
