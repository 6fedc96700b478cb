import {
  type AlertMessage,
  type AlertNotice,
  type AlertSeverity,
  alertSeverity,
  alertTitle,
  formatAlertTime,
  NOTICE_LABELS,
  noticeFacts,
  splitNotices,
  truncateText,
} from '@vantage/shared';

/** An Adaptive Card element or action (https://adaptivecards.io/explorer/). */
type CardElement = Record<string, unknown> & { type: string };

/** The message a Teams Workflows (or legacy incoming) webhook takes: one Adaptive Card attachment. */
export interface TeamsPayload {
  type: 'message';
  attachments: {
    contentType: 'application/vnd.microsoft.card.adaptive';
    contentUrl: null;
    content: {
      $schema: 'http://adaptivecards.io/schemas/adaptive-card.json';
      type: 'AdaptiveCard';
      version: '1.4';
      body: CardElement[];
      actions?: CardElement[];
      msteams: { width: 'Full' };
    };
  }[];
}

const TITLE_COLORS: Readonly<Record<AlertSeverity, string>> = {
  critical: 'Attention',
  warning: 'Warning',
  info: 'Accent',
  ok: 'Good',
};

// Teams refuses cards over about 28 KB; thirty incidents with their buttons stay well below.
const MAX_LISTED = 30;

/**
 * An Adaptive Card 1.4 (the version Teams renders everywhere): a coloured title, then for one
 * incident its cause, a FactSet and Acknowledge / Open buttons; for a group one container per
 * incident with its own Acknowledge button.
 */
export function buildTeamsPayload(message: AlertMessage): TeamsPayload {
  const body: CardElement[] = [
    {
      type: 'TextBlock',
      text: alertTitle(message),
      size: 'Large',
      weight: 'Bolder',
      color: TITLE_COLORS[alertSeverity(message)],
      wrap: true,
    },
  ];
  let actions: CardElement[] = [];
  if (message.notices.length === 1) {
    const notice = message.notices[0]!;
    if (notice.cause !== '')
      body.push({ type: 'TextBlock', text: truncateText(notice.cause, 2000), wrap: true });
    const facts = noticeFacts(notice, message.at).filter((f) => f.label !== 'Cause');
    body.push({ type: 'FactSet', facts: facts.map((f) => ({ title: f.label, value: f.value })) });
    actions = noticeActions(notice);
  } else {
    const { shown, hidden } = splitNotices(message, MAX_LISTED);
    body.push(...shown.map(noticeContainer));
    if (hidden > 0) body.push({ type: 'TextBlock', text: `…and ${hidden} more`, isSubtle: true, wrap: true });
  }
  body.push({
    type: 'TextBlock',
    text: `Vantage · ${formatAlertTime(message.at)}`,
    isSubtle: true,
    size: 'Small',
  });
  return {
    type: 'message',
    attachments: [
      {
        contentType: 'application/vnd.microsoft.card.adaptive',
        contentUrl: null,
        content: {
          $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
          type: 'AdaptiveCard',
          version: '1.4',
          body,
          ...(actions.length > 0 ? { actions } : {}),
          msteams: { width: 'Full' },
        },
      },
    ],
  };
}

function noticeContainer(notice: AlertNotice): CardElement {
  const items: CardElement[] = [
    {
      type: 'TextBlock',
      text: `${notice.monitorName} · ${NOTICE_LABELS[notice.kind]}`,
      weight: 'Bolder',
      wrap: true,
    },
  ];
  const details = [notice.cause, notice.regions.join(', ')].filter((s) => s !== '').join(' · ');
  if (details !== '')
    items.push({
      type: 'TextBlock',
      text: truncateText(details, 500),
      isSubtle: true,
      spacing: 'None',
      wrap: true,
    });
  const actions = noticeActions(notice);
  if (actions.length > 0) items.push({ type: 'ActionSet', actions });
  return { type: 'Container', separator: true, items };
}

function noticeActions(notice: AlertNotice): CardElement[] {
  const actions: CardElement[] = [];
  if (notice.ackUrl !== undefined)
    actions.push({ type: 'Action.OpenUrl', title: 'Acknowledge', url: notice.ackUrl, style: 'positive' });
  if (notice.openUrl !== undefined)
    actions.push({ type: 'Action.OpenUrl', title: 'Open', url: notice.openUrl });
  return actions;
}
