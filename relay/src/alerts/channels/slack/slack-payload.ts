import {
  type AlertMessage,
  type AlertNotice,
  type AlertSeverity,
  alertSeverity,
  alertSummary,
  alertTitle,
  formatAlertTime,
  NOTICE_LABELS,
  noticeFacts,
  splitNotices,
  truncateText,
} from '@vantage/shared';

/** A Block Kit block, as https://api.slack.com/reference/block-kit/blocks describes them. */
export type SlackBlock = Record<string, unknown> & { type: 'header' | 'section' | 'context' | 'actions' };

/** An incoming-webhook message: `text` is the notification and fallback, `blocks` the layout. */
export interface SlackPayload {
  text: string;
  blocks: SlackBlock[];
}

const SEVERITY_EMOJI: Readonly<Record<AlertSeverity, string>> = {
  critical: ':red_circle:',
  warning: ':large_yellow_circle:',
  info: ':large_blue_circle:',
  ok: ':large_green_circle:',
};

// Slack allows 50 blocks; a header, a context and one section per incident leave room for 45.
const MAX_LISTED = 45;
const MAX_SECTION_TEXT = 3000;
const MAX_FIELD_TEXT = 2000;

/** Escapes user text for mrkdwn: Slack reads only `&`, `<` and `>` as control characters. */
export function escapeSlack(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * Builds the Block Kit message: a header with the title, then for one incident its cause, facts
 * as fields and Acknowledge / Open URL buttons; for a group one section per incident with its
 * own Acknowledge button, and a note of how many were left out.
 */
export function buildSlackPayload(message: AlertMessage): SlackPayload {
  const blocks: SlackBlock[] = [
    {
      type: 'header',
      text: {
        type: 'plain_text',
        text: truncateText(`${SEVERITY_EMOJI[alertSeverity(message)]} ${alertTitle(message)}`, 150),
        emoji: true,
      },
    },
  ];
  const footer = [`Vantage · ${formatAlertTime(message.at)}`];
  if (message.notices.length === 1) {
    blocks.push(...singleBlocks(message.notices[0]!, message.at));
  } else {
    const { shown, hidden } = splitNotices(message, MAX_LISTED);
    blocks.push(...shown.map((notice, i) => groupedSection(notice, i)));
    if (hidden > 0) footer.unshift(`…and ${hidden} more`);
  }
  blocks.push({ type: 'context', elements: footer.map((text) => ({ type: 'mrkdwn', text })) });
  return { text: escapeSlack(alertSummary(message)), blocks };
}

function singleBlocks(notice: AlertNotice, at: number): SlackBlock[] {
  const facts = noticeFacts(notice, at).filter((f) => f.label !== 'Cause');
  const blocks: SlackBlock[] = [];
  if (notice.cause !== '')
    blocks.push({ type: 'section', text: mrkdwn(truncateText(escapeSlack(notice.cause), MAX_SECTION_TEXT)) });
  blocks.push({
    type: 'section',
    fields: facts
      .slice(0, 10)
      .map((f) => mrkdwn(truncateText(`*${escapeSlack(f.label)}*\n${escapeSlack(f.value)}`, MAX_FIELD_TEXT))),
  });
  const buttons = [
    notice.ackUrl === undefined ? undefined : button('Acknowledge', notice.ackUrl, 'vantage_ack', true),
    notice.openUrl === undefined ? undefined : button('Open', notice.openUrl, 'vantage_open', false),
  ].filter((b) => b !== undefined);
  if (buttons.length > 0) blocks.push({ type: 'actions', elements: buttons });
  return blocks;
}

function groupedSection(notice: AlertNotice, index: number): SlackBlock {
  const name = escapeSlack(notice.monitorName);
  const title = notice.openUrl === undefined ? `*${name}*` : `*<${notice.openUrl}|${name}>*`;
  const details = [notice.cause, notice.regions.join(', ')].filter((s) => s !== '').map(escapeSlack);
  const text = `${title} · ${NOTICE_LABELS[notice.kind]}${details.length > 0 ? `\n${details.join(' · ')}` : ''}`;
  const section: SlackBlock = { type: 'section', text: mrkdwn(truncateText(text, MAX_SECTION_TEXT)) };
  if (notice.ackUrl !== undefined)
    section.accessory = button('Acknowledge', notice.ackUrl, `vantage_ack_${index}`, false);
  return section;
}

function mrkdwn(text: string) {
  return { type: 'mrkdwn', text };
}

function button(label: string, url: string, actionId: string, primary: boolean) {
  // URL buttons open the link in the browser; an incoming webhook has no interactivity endpoint.
  return {
    type: 'button',
    text: { type: 'plain_text', text: label },
    url,
    // Slack refuses a message whose action ids repeat, so grouped buttons are numbered.
    action_id: actionId,
    ...(primary ? { style: 'primary' } : {}),
  };
}
