import {
  type AlertMessage,
  type AlertNotice,
  alertTitle,
  fitLines,
  NOTICE_LABELS,
  noticeFacts,
  type TelegramChannelConfig,
  truncateText,
} from '@vantage/shared';
import { escapeHtml } from '../../escape-markup.js';

/** A sendMessage body (https://core.telegram.org/bots/api#sendmessage) in HTML parse mode. */
export interface TelegramPayload {
  chat_id: string;
  text: string;
  parse_mode: 'HTML';
  link_preview_options: { is_disabled: true };
  disable_notification: boolean;
  message_thread_id?: number;
}

// Telegram's limit is 4096 characters after entities are parsed; tags count here, so stay below.
const MAX_TEXT = 4000;

/**
 * The message text: the title in bold, then the facts of one incident or one line per incident
 * of a group, with Acknowledge / Open as links. Links in the text rather than inline-keyboard
 * buttons: Telegram rejects button URLs on private addresses, which an embedded relay has.
 */
export function buildTelegramPayload(message: AlertMessage, config: TelegramChannelConfig): TelegramPayload {
  const lines = [`<b>${escapeHtml(alertTitle(message))}</b>`, ''];
  if (message.notices.length === 1) {
    const notice = message.notices[0]!;
    for (const fact of noticeFacts(notice, message.at))
      lines.push(`<b>${escapeHtml(fact.label)}:</b> ${escapeHtml(truncateText(fact.value, 1000))}`);
    const links = linkLine(notice);
    if (links !== '') lines.push('', links);
  } else {
    lines.push(...fitLines(message.notices.map(groupedLine), MAX_TEXT - lines.join('\n').length - 1));
  }
  return {
    chat_id: config.chatId,
    text: lines.join('\n'),
    parse_mode: 'HTML',
    link_preview_options: { is_disabled: true },
    disable_notification: config.silent,
    ...(config.messageThreadId === undefined ? {} : { message_thread_id: config.messageThreadId }),
  };
}

function groupedLine(notice: AlertNotice): string {
  const cause = notice.cause === '' ? '' : `: ${escapeHtml(truncateText(notice.cause, 200))}`;
  const links = linkLine(notice);
  return `• <b>${escapeHtml(notice.monitorName)}</b> · ${NOTICE_LABELS[notice.kind]}${cause}${links === '' ? '' : ` · ${links}`}`;
}

function linkLine(notice: AlertNotice): string {
  const links: string[] = [];
  if (notice.ackUrl !== undefined) links.push(`<a href="${escapeHtml(notice.ackUrl)}">Acknowledge</a>`);
  if (notice.openUrl !== undefined) links.push(`<a href="${escapeHtml(notice.openUrl)}">Open</a>`);
  return links.join(' · ');
}
