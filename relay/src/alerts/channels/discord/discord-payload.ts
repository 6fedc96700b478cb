import {
  type AlertMessage,
  type AlertNotice,
  type AlertNoticeKind,
  alertTitle,
  fitLines,
  NOTICE_LABELS,
  noticeFacts,
  truncateText,
} from '@vantage/shared';

/** An embed, as https://discord.com/developers/docs/resources/message#embed-object describes it. */
export interface DiscordEmbed {
  title: string;
  description?: string;
  url?: string;
  color: number;
  fields?: { name: string; value: string; inline: boolean }[];
  timestamp: string;
  footer: { text: string };
}

/** An execute-webhook body; mentions are never parsed, so a monitor name cannot ping @everyone. */
export interface DiscordPayload {
  username?: string;
  embeds: DiscordEmbed[];
  allowed_mentions: { parse: [] };
}

/** The embed colour of each kind: red for outages, amber for warnings, green for recoveries. */
export const DISCORD_COLORS: Readonly<Record<AlertNoticeKind, number>> = {
  down: 0xe5484d,
  reminder: 0xe5484d,
  escalation: 0x8e1e2f,
  degraded: 0xf5a524,
  'cert-expiry': 0xf5a524,
  recovered: 0x30a46c,
  acknowledged: 0x3e63dd,
  test: 0x3e63dd,
};

// Discord's limits: description 4096 characters, 25 fields of 1024, 6000 characters per message.
const MAX_DESCRIPTION = 4000;
const INLINE_FACTS = new Set(['Status', 'Regions', 'Opened', 'Duration', 'Resolved']);

/** Escapes Discord markdown in user text (names, causes) so it shows as written. */
export function escapeDiscord(text: string): string {
  return text.replace(/[\\*_~`|[\]()<>#]/g, '\\$&');
}

/**
 * One embed coloured by the most urgent notice's kind. A single incident gets its facts as
 * fields; a group lists one line per incident in the description, with its links, up to
 * Discord's length limit. Webhooks cannot carry buttons, so links are markdown.
 */
export function buildDiscordPayload(message: AlertMessage, username?: string): DiscordPayload {
  const embed: DiscordEmbed = {
    title: truncateText(alertTitle(message), 256),
    color: DISCORD_COLORS[worstKind(message)],
    timestamp: new Date(message.at).toISOString(),
    footer: { text: 'Vantage' },
  };
  if (message.notices.length === 1) {
    const notice = message.notices[0]!;
    const links = linkLine(notice);
    embed.description = truncateText(
      [escapeDiscord(notice.cause), links].filter((s) => s !== '').join('\n\n'),
      MAX_DESCRIPTION,
    );
    if (notice.openUrl !== undefined) embed.url = notice.openUrl;
    embed.fields = noticeFacts(notice, message.at)
      .filter((f) => f.label !== 'Cause')
      .slice(0, 25)
      .map((f) => ({ name: f.label, value: truncateText(f.value, 1024), inline: INLINE_FACTS.has(f.label) }));
  } else {
    embed.description = groupedDescription(message);
  }
  return {
    ...(username === undefined ? {} : { username }),
    embeds: [embed],
    allowed_mentions: { parse: [] },
  };
}

function groupedDescription(message: AlertMessage): string {
  const lines = message.notices.map((notice) => {
    const cause = notice.cause === '' ? '' : `: ${escapeDiscord(truncateText(notice.cause, 200))}`;
    const links = linkLine(notice);
    return `**${escapeDiscord(notice.monitorName)}** · ${NOTICE_LABELS[notice.kind]}${cause}${links === '' ? '' : ` · ${links}`}`;
  });
  return fitLines(lines, MAX_DESCRIPTION).join('\n');
}

function linkLine(notice: AlertNotice): string {
  const links: string[] = [];
  if (notice.ackUrl !== undefined) links.push(`[Acknowledge](${notice.ackUrl})`);
  if (notice.openUrl !== undefined) links.push(`[Open](${notice.openUrl})`);
  return links.join(' · ');
}

const KIND_RANK: readonly AlertNoticeKind[] = [
  'escalation',
  'down',
  'reminder',
  'degraded',
  'cert-expiry',
  'acknowledged',
  'test',
  'recovered',
];

function worstKind(message: AlertMessage): AlertNoticeKind {
  return KIND_RANK.find((kind) => message.notices.some((n) => n.kind === kind)) ?? 'test';
}
