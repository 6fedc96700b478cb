import { createHash } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { gzipSync } from 'node:zlib';
import { escapeHtml } from '../alerts/escape-markup.js';
import type { Rendered } from './page-cache.js';
import { PAGE_LIVE_SCRIPT } from './page-live-script.js';
import { PAGE_CSS } from './page-styles.js';

/** Cache lifetimes of public answers, seconds. */
export const MAX_AGE = { page: 30, feed: 60, badge: 300, logo: 86_400 } as const;

const SCRIPT_HASH = createHash('sha256').update(PAGE_LIVE_SCRIPT).digest('base64');

/** The page's policy: its own inline style and script, images and events from itself, nothing else. */
export const PAGE_CSP =
  `default-src 'none'; style-src 'unsafe-inline'; script-src 'sha256-${SCRIPT_HASH}'; img-src 'self' data:; ` +
  `connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'`;

/**
 * Sends a cacheable body with its ETag and `Cache-Control`, or a bodiless 304 when the client's
 * `If-None-Match` already names it.
 */
export function sendCached(
  request: FastifyRequest,
  reply: FastifyReply,
  rendered: Rendered,
  contentType: string,
  maxAge: number,
): FastifyReply {
  rendered.bytes ??= typeof rendered.body === 'string' ? Buffer.from(rendered.body) : rendered.body;
  // Pages are hundreds of KB of repetitive markup: gzip makes them a tenth, once per render.
  const gzip =
    rendered.bytes.length >= MIN_GZIP_BYTES &&
    /\bgzip\b/.test(String(request.headers['accept-encoding'] ?? ''));
  if (gzip) rendered.gzipped ??= gzipSync(rendered.bytes);
  // Each encoding is its own representation, so it gets its own strong tag.
  const etag = gzip ? `${rendered.etag.slice(0, -1)}-gz"` : rendered.etag;
  reply
    .header('cache-control', `public, max-age=${maxAge}`)
    .header('etag', etag)
    .header('x-content-type-options', 'nosniff')
    .header('vary', 'Host, Accept-Encoding');
  if (contentType.startsWith('text/html')) reply.header('content-security-policy', PAGE_CSP);
  const match = request.headers['if-none-match'];
  if (match !== undefined && match.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag))
    return reply.code(304).send();
  if (gzip) reply.header('content-encoding', 'gzip');
  return reply.type(contentType).send(gzip ? rendered.gzipped : rendered.bytes);
}

/** Bodies smaller than this go as they are (badges, small feeds). */
const MIN_GZIP_BYTES = 1024;

/** A small standalone HTML page (not found, subscription done, confirm unsubscribe). */
export function messagePage(title: string, paragraphs: string[], extra = ''): string {
  return (
    `<!doctype html><html lang="en" data-theme="auto"><head><meta charset="utf-8">` +
    `<meta name="viewport" content="width=device-width,initial-scale=1"><title>${escapeHtml(title)}</title>` +
    `<style>${PAGE_CSS}</style></head><body><main class="wrap" id="main"><h1 style="font-size:22px;margin-top:48px">${escapeHtml(title)}</h1>` +
    paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join('') +
    `${extra}</main></body></html>`
  );
}

/** Sends a message page with a status; never cached. */
export function sendMessagePage(
  reply: FastifyReply,
  status: number,
  title: string,
  paragraphs: string[],
  extra = '',
): FastifyReply {
  return reply
    .code(status)
    .header('cache-control', 'no-store')
    .header('content-security-policy', PAGE_CSP)
    .type('text/html; charset=utf-8')
    .send(messagePage(title, paragraphs, extra));
}

/** The 404 every unknown or unpublished page (and anything under it) answers. */
export function sendPageNotFound(reply: FastifyReply): FastifyReply {
  return sendMessagePage(reply, 404, 'Status page not found', [
    'There is no published status page at this address.',
  ]);
}
