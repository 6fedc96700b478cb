import { type PublicStatusPage, PageSlug } from '@vantage/shared';
import type { FastifyInstance, FastifyReply, FastifyRequest, RouteShorthandOptions } from 'fastify';
import { sendApiError } from '../api/api-error.js';
import { ErrorCode } from '@vantage/shared';
import { badgeResponse, BadgeQuery } from './badge-routes.js';
import { HOST_CONSTRAINT, locatePage, type LocatedPage, type PageMode } from './page-locator.js';
import { renderAtomFeed, renderRssFeed } from './render-feeds.js';
import { renderPageHtml } from './render-page-html.js';
import { MAX_AGE, sendCached, sendPageNotFound } from './public-responses.js';
import type { StatusPages } from './status-page-service.js';
import { etagOf } from './page-cache.js';

type Handler = (
  request: FastifyRequest,
  reply: FastifyReply,
  page: LocatedPage,
  model: PublicStatusPage,
) => unknown;

/**
 * The public routes of status pages, registered once per mode: under `/s/:slug` (`path`), and at
 * the root of a custom domain (`host`, constrained to requests whose Host names a page). Every
 * route answers 404 for an unknown or unpublished page and reveals nothing else.
 */
export function registerPublicPageRoutes(app: FastifyInstance, pages: StatusPages, mode: PageMode): void {
  const options: RouteShorthandOptions = {
    schema: { hide: true },
    ...(mode === 'host' ? { constraints: { [HOST_CONSTRAINT]: 'page' } } : {}),
  };
  // Links come from the configured domain, never from Host text; the protocol is the client's when
  // the relay trusts its proxy (X-Forwarded-Proto), else the connection's. Two variants at most.
  const pageUrl = (request: FastifyRequest, page: LocatedPage) => {
    const domain = mode === 'host' ? pages.pages.get(page.slug)?.config.customDomain : undefined;
    return domain === undefined ? pages.pageUrl(page.slug) : `${request.protocol}://${domain}`;
  };
  /** Wraps a handler: locates the page, 404s unknown and unpublished ones, passes the model. */
  const withPage =
    (handler: Handler) =>
    (request: FastifyRequest, reply: FastifyReply): unknown => {
      const located = locatePage(request, mode, pages.pages);
      if (located === undefined || !PageSlug.safeParse(located.slug).success) return sendPageNotFound(reply);
      const model = pages.cache.model(located.slug);
      if (model === undefined) return sendPageNotFound(reply);
      return handler(request, reply, located, model);
    };

  const html: Handler = (request, reply, page) => {
    const rendered = pages.cache.render(page.slug, `html:${page.base}`, (m) => renderPageHtml(m, page.base))!;
    return sendCached(request, reply, rendered, 'text/html; charset=utf-8', MAX_AGE.page);
  };
  const json: Handler = (request, reply, page) => {
    const rendered = pages.cache.render(page.slug, 'json', (m) => JSON.stringify(m))!;
    return sendCached(request, reply, rendered, 'application/json; charset=utf-8', MAX_AGE.page);
  };

  if (mode === 'path') {
    // `/s/<slug>.json` lands here too: a slug has no dots, so the suffix is unambiguous.
    app.get('/s/:slug', options, (request, reply) => {
      const raw = (request.params as { slug: string }).slug;
      if (!raw.endsWith('.json')) return withPage(html)(request, reply);
      (request.params as { slug: string }).slug = raw.slice(0, -'.json'.length);
      return withPage(json)(request, reply);
    });
  } else {
    app.get('/', options, withPage(html));
    app.get('/index.json', options, withPage(json));
  }
  const at = (path: string) => (mode === 'path' ? `/s/:slug${path}` : path);

  app.get(
    at('/feed.atom'),
    options,
    withPage((request, reply, page) => {
      const url = pageUrl(request, page);
      const rendered = pages.cache.render(page.slug, `atom:${url}`, (m) => renderAtomFeed(m, url))!;
      return sendCached(request, reply, rendered, 'application/atom+xml; charset=utf-8', MAX_AGE.feed);
    }),
  );
  app.get(
    at('/feed.rss'),
    options,
    withPage((request, reply, page) => {
      const url = pageUrl(request, page);
      const rendered = pages.cache.render(page.slug, `rss:${url}`, (m) => renderRssFeed(m, url))!;
      return sendCached(request, reply, rendered, 'application/rss+xml; charset=utf-8', MAX_AGE.feed);
    }),
  );
  app.get(
    at('/events'),
    options,
    withPage((request, reply, page) => {
      // HEAD (which Fastify routes here too) learns the type without holding a stream open.
      if (request.method === 'HEAD')
        return reply.header('cache-control', 'no-store').type('text/event-stream; charset=utf-8').send();
      reply.hijack();
      if (!pages.events.attach(page.slug, reply.raw, request.ip)) {
        reply.raw.writeHead(503, { 'retry-after': '30' }).end();
      }
    }),
  );
  app.get(
    at('/logo'),
    options,
    withPage((request, reply, page) => {
      const logo = pages.pages.get(page.slug)?.config.logo;
      const match = logo === undefined ? null : /^data:([^;]+);base64,(.*)$/.exec(logo);
      if (match === null) return sendPageNotFound(reply);
      const bytes = Buffer.from(match[2]!, 'base64');
      reply.header('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'; sandbox");
      return sendCached(request, reply, { body: bytes, etag: etagOf(logo!) }, match[1]!, MAX_AGE.logo);
    }),
  );
  app.get<{ Params: { key: string; kind: string }; Querystring: Record<string, string> }>(
    at('/badges/:key/:kind'),
    options,
    withPage((request, reply, page) => {
      const { key, kind } = request.params as { key: string; kind: string };
      const query = BadgeQuery.safeParse(request.query);
      if (!query.success)
        return sendApiError(
          reply,
          400,
          ErrorCode.invalidMessage,
          'invalid days: must be a whole number from 1 to 365',
          [{ path: 'days', message: 'must be a whole number from 1 to 365' }],
        );
      const badge = badgeResponse(pages, page.slug, key, kind, query.data.days);
      if (badge === undefined) return sendPageNotFound(reply);
      return sendCached(
        request,
        reply,
        { body: badge, etag: etagOf(badge) },
        'image/svg+xml; charset=utf-8',
        MAX_AGE.badge,
      );
    }),
  );
}
