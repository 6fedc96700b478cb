import type { PageIncident, StatusPageConfig } from '@vantage/shared';
import { escapeHtml } from '../alerts/escape-markup.js';
import type { OutgoingMessage } from './delivery-queue.js';
import type { SubscriberRecord } from './page-subscriber-store.js';

/** The absolute links a subscriber message carries. */
export interface SubscriberLinks {
  page: string;
  confirm: string;
  unsubscribe: string;
}

function htmlMail(title: string, paragraphs: string[], unsubscribe: string): string {
  return (
    `<!doctype html><html><body style="font-family:system-ui,sans-serif;color:#1c2024;max-width:560px">` +
    `<h2 style="font-size:18px">${escapeHtml(title)}</h2>${paragraphs.map((p) => `<p style="white-space:pre-line">${p}</p>`).join('')}` +
    `<p style="color:#60646c;font-size:12px">You get this because you subscribed to these updates. ` +
    `<a href="${escapeHtml(unsubscribe)}">Unsubscribe</a></p></body></html>`
  );
}

/** The double opt-in email: nothing else is sent until the page its link opens is confirmed. */
export function confirmationEmail(
  page: StatusPageConfig,
  to: string,
  links: SubscriberLinks,
): OutgoingMessage {
  const subject = `Confirm your subscription to ${page.title} status updates`;
  const text =
    `Someone (hopefully you) asked to receive incident updates from the ${page.title} status page.\n\n` +
    `To confirm, open this link and press "Confirm subscription": ${links.confirm}\n\n` +
    `If this was not you, ignore this email; nothing will be sent.\n` +
    `Unsubscribe: ${links.unsubscribe}\n`;
  const html = htmlMail(
    subject,
    [
      `Someone (hopefully you) asked to receive incident updates from the ${escapeHtml(page.title)} status page.`,
      `<a href="${escapeHtml(links.confirm)}">Open the confirmation page</a> and press “Confirm subscription”.`,
      'If this was not you, ignore this email; nothing will be sent.',
    ],
    links.unsubscribe,
  );
  return { kind: 'email', slug: page.slug, to, subject, text, html };
}

/** The affected monitors of an incident by their published labels. */
export function affectedLabels(page: StatusPageConfig, incident: PageIncident): string[] {
  const labels = new Map(
    page.sections.flatMap((s) => s.monitors.map((m) => [m.monitorId, m.label] as const)),
  );
  return incident.monitorIds.flatMap((id) => labels.get(id) ?? []);
}

/** The message telling one confirmed subscriber of an incident's latest update. */
export function incidentUpdateMessage(
  page: StatusPageConfig,
  incident: PageIncident,
  subscriber: SubscriberRecord,
  links: SubscriberLinks,
  sentAt: number,
): OutgoingMessage {
  const update = incident.updates.at(-1)!;
  const affected = affectedLabels(page, incident);
  const status = update.status[0]!.toUpperCase() + update.status.slice(1);
  if (subscriber.kind === 'webhook') {
    const body = {
      type: incident.updates.length === 1 ? 'status_page.incident_created' : 'status_page.incident_updated',
      timestamp: Math.floor(sentAt / 1000),
      page: { slug: page.slug, title: page.title, url: links.page },
      incident: {
        id: incident.id,
        title: incident.title,
        impact: incident.impact,
        status: update.status,
        affected,
        createdAt: incident.createdAt,
        ...(incident.resolvedAt === undefined ? {} : { resolvedAt: incident.resolvedAt }),
      },
      update,
      unsubscribeUrl: links.unsubscribe,
    };
    return { kind: 'webhook', url: subscriber.address, body: JSON.stringify(body) };
  }
  const subject = `[${page.title}] ${incident.title}: ${status}`;
  const affects = affected.length === 0 ? '' : `Affects ${affected.join(', ')}.`;
  const text =
    `${incident.title}\n${status}: ${update.message}\n${affects}\n\n` +
    `Status page: ${links.page}\nUnsubscribe: ${links.unsubscribe}\n`;
  const html = htmlMail(
    `${incident.title}: ${status}`,
    [
      escapeHtml(update.message),
      ...(affects === '' ? [] : [escapeHtml(affects)]),
      `<a href="${escapeHtml(links.page)}">See the status page</a>`,
    ],
    links.unsubscribe,
  );
  return { kind: 'email', slug: page.slug, to: subscriber.address, subject, text, html };
}
