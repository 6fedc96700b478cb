import type { PublicStatusPage } from '@vantage/shared';
import { escapeXml } from '../alerts/escape-markup.js';
import { INCIDENT_STATUS_TEXT } from './page-fragments.js';

interface FeedEntry {
  id: string;
  title: string;
  at: number;
  text: string;
  link: string;
}

/** One entry per update of each published written incident, newest first. */
function entriesOf(page: PublicStatusPage, pageUrl: string): FeedEntry[] {
  const incidents = [...page.activeIncidents, ...(page.incidentHistory ?? [])];
  return incidents
    .flatMap((incident) =>
      incident.updates.map((update) => ({
        id: `${pageUrl}#incident-${incident.id}-${update.at}`,
        title: `${incident.title}: ${INCIDENT_STATUS_TEXT[update.status]}`,
        at: update.at,
        text:
          update.message +
          (incident.affected.length === 0 ? '' : `\n\nAffects ${incident.affected.join(', ')}.`),
        link: `${pageUrl}#incident-${incident.id}`,
      })),
    )
    .sort((a, b) => b.at - a.at);
}

/** The Atom feed of a page's written incidents; every text is XML-escaped. */
export function renderAtomFeed(page: PublicStatusPage, pageUrl: string): string {
  const entries = entriesOf(page, pageUrl);
  const updated = new Date(entries[0]?.at ?? page.generatedAt).toISOString();
  const items = entries
    .map(
      (e) =>
        `<entry><id>${escapeXml(e.id)}</id><title>${escapeXml(e.title)}</title>` +
        `<updated>${new Date(e.at).toISOString()}</updated><link rel="alternate" href="${escapeXml(e.link)}"/>` +
        `<content type="text">${escapeXml(e.text)}</content></entry>`,
    )
    .join('');
  return (
    `<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">` +
    `<id>${escapeXml(pageUrl)}</id><title>${escapeXml(page.title)} status</title><updated>${updated}</updated>` +
    `<link rel="alternate" href="${escapeXml(pageUrl)}"/><link rel="self" href="${escapeXml(pageUrl)}/feed.atom"/>` +
    `<author><name>${escapeXml(page.title)}</name></author>${items}</feed>`
  );
}

/** The RSS 2.0 feed of a page's written incidents; every text is XML-escaped. */
export function renderRssFeed(page: PublicStatusPage, pageUrl: string): string {
  const items = entriesOf(page, pageUrl)
    .map(
      (e) =>
        `<item><guid isPermaLink="false">${escapeXml(e.id)}</guid><title>${escapeXml(e.title)}</title>` +
        `<link>${escapeXml(e.link)}</link><pubDate>${new Date(e.at).toUTCString()}</pubDate>` +
        `<description>${escapeXml(e.text)}</description></item>`,
    )
    .join('');
  return (
    `<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>` +
    `<title>${escapeXml(page.title)} status</title><link>${escapeXml(pageUrl)}</link>` +
    `<description>${escapeXml(page.description || `Incidents of ${page.title}`)}</description>${items}</channel></rss>`
  );
}
