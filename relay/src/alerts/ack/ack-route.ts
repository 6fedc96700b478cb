import type { FastifyInstance } from 'fastify';
import type { IncidentService } from '../../hub/hub-services.js';
import type { AckLinks, AckTokenError } from '../ack-links.js';
import { escapeHtml } from '../escape-markup.js';

const REFUSED: Record<AckTokenError, string> = {
  malformed: 'This acknowledge link is not valid. Copy the whole link from the message.',
  'bad-signature': 'This acknowledge link was not issued by this relay, or its key was changed.',
  expired: 'This acknowledge link has expired. Acknowledge the incident in the Vantage app.',
};

function page(title: string, body: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><meta name="robots" content="noindex"><title>${escapeHtml(title)}</title><style>body{font-family:system-ui,sans-serif;max-width:32rem;margin:3rem auto;padding:0 1rem;line-height:1.5}button{font-size:1.1rem;padding:.6rem 1.4rem}</style></head><body><h1>${escapeHtml(title)}</h1>${body}</body></html>`;
}

/**
 * `/ack/<token>`, the signed link in alert messages. GET only shows a confirmation page with a
 * button, because mail scanners and chat unfurlers fetch every link; POST acknowledges, which
 * stops escalation and reminders and adds a line to the incident's timeline. The route is a
 * wildcard, not `:token`: tokens are longer than Fastify's 100-character limit on named parameters.
 */
export function registerAckRoute(app: FastifyInstance, links: AckLinks, incidents: IncidentService): void {
  const headers = {
    'content-type': 'text/html; charset=utf-8',
    'cache-control': 'no-store',
    'referrer-policy': 'no-referrer',
  };
  app.get<{ Params: { '*': string } }>('/ack/*', { schema: { hide: true } }, (request, reply) => {
    const claim = links.verify(request.params['*']);
    if (!claim.ok)
      return reply
        .code(400)
        .headers(headers)
        .send(page('Link not valid', `<p>${REFUSED[claim.error]}</p>`));
    return reply
      .headers(headers)
      .send(
        page(
          'Acknowledge incident?',
          `<p>Incident <strong>${escapeHtml(claim.value.incidentId)}</strong>. Acknowledging stops escalation and reminders for it.</p><form method="post"><button type="submit">Acknowledge</button></form>`,
        ),
      );
  });
  app.post<{ Params: { '*': string } }>('/ack/*', { schema: { hide: true } }, (request, reply) => {
    const claim = links.verify(request.params['*']);
    if (!claim.ok)
      return reply
        .code(400)
        .headers(headers)
        .send(page('Link not valid', `<p>${REFUSED[claim.error]}</p>`));
    const by =
      claim.value.channelId === undefined ? 'ack link' : `ack link (channel ${claim.value.channelId})`;
    const acked = incidents.ack(claim.value.incidentId, by);
    if (!acked.ok)
      return reply
        .code(404)
        .headers(headers)
        .send(page('Incident not found', `<p>${escapeHtml(acked.error.message)}</p>`));
    const state =
      acked.value.resolvedAt !== undefined ? 'It is already resolved.' : 'Escalation and reminders stop.';
    return reply
      .headers(headers)
      .send(
        page(
          'Acknowledged',
          `<p>Incident <strong>${escapeHtml(acked.value.id)}</strong> is acknowledged. ${state}</p>`,
        ),
      );
  });
}
