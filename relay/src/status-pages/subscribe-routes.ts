import {
  ErrorCode,
  type FieldError,
  formatFieldErrors,
  PageSlug,
  PageSubscribeInput,
  zodIssuesToFieldErrors,
} from '@vantage/shared';
import type { FastifyInstance, FastifyRequest, RouteShorthandOptions } from 'fastify';
import { sendApiError } from '../api/api-error.js';
import { escapeHtml } from '../alerts/escape-markup.js';
import { TokenBucket } from '../hub/token-bucket.js';
import { HOST_CONSTRAINT, locatePage, type PageMode } from './page-locator.js';
import { SUBSCRIBE_ERROR_CODE } from './page-subscriptions.js';
import { sendMessagePage, sendPageNotFound } from './public-responses.js';
import type { StatusPages } from './status-page-service.js';

/** Largest subscribe request: an address and a kind. */
export const SUBSCRIBE_BODY_LIMIT = 4 * 1024;
/** Subscribe requests per client address: a burst of 5, then one a minute (each may send an email). */
const SUBSCRIBE_RATE = { perSecond: 1 / 60, burst: 5 };
const MAX_TRACKED_CLIENTS = 10_000;
const CONFIRM_UNKNOWN = 'This confirmation link is unknown or was already used to unsubscribe.';

const wantsJson = (request: FastifyRequest) =>
  (request.headers['content-type'] ?? '').includes('json') ||
  (!(request.headers.accept ?? '').includes('text/html') && (request.headers.accept ?? '').includes('json'));

/**
 * The public subscription routes of a page (`subscribe`, `confirm/:token`, `unsubscribe/:token`),
 * for an HTML form (answered with pages) or JSON (answered with JSON), in either page mode. Links
 * from mails answer a GET with a button and act only on its POST.
 */
export function registerSubscribeRoutes(app: FastifyInstance, pages: StatusPages, mode: PageMode): void {
  const options: RouteShorthandOptions = {
    schema: { hide: true },
    ...(mode === 'host' ? { constraints: { [HOST_CONSTRAINT]: 'page' } } : {}),
  };
  const at = (path: string) => (mode === 'path' ? `/s/:slug${path}` : path);
  const buckets = new Map<string, TokenBucket>();
  const allowed = (request: FastifyRequest) => {
    if (buckets.size > MAX_TRACKED_CLIENTS) buckets.clear();
    const key = request.ip;
    let bucket = buckets.get(key);
    if (bucket === undefined) {
      bucket = new TokenBucket(SUBSCRIBE_RATE.perSecond, SUBSCRIBE_RATE.burst, () => pages.now());
      buckets.set(key, bucket);
    }
    return bucket.take();
  };
  const published = (request: FastifyRequest) => {
    const located = locatePage(request, mode, pages.pages);
    if (located === undefined || !PageSlug.safeParse(located.slug).success) return undefined;
    const page = pages.pages.get(located.slug);
    return page?.config.published ? { ...located, page } : undefined;
  };

  app.post(at('/subscribe'), { ...options, bodyLimit: SUBSCRIBE_BODY_LIMIT }, (request, reply) => {
    const json = wantsJson(request);
    const target = published(request);
    if (target === undefined)
      return json
        ? sendApiError(reply, 404, ErrorCode.notFound, 'no such status page')
        : sendPageNotFound(reply);
    const refuse = (status: number, code: ErrorCode, message: string, details: FieldError[]) =>
      json
        ? sendApiError(reply, status, code, message, details)
        : sendMessagePage(reply, status, 'Subscription not accepted', [message], backLink(target.base));
    if (!allowed(request))
      return refuse(429, ErrorCode.rateLimited, 'too many subscription requests; try again later', []);
    const raw =
      typeof request.body === 'object' && request.body !== null
        ? { kind: 'email', ...request.body }
        : request.body;
    const parsed = PageSubscribeInput.safeParse(raw);
    if (!parsed.success) {
      const details = zodIssuesToFieldErrors(parsed.error.issues);
      return refuse(
        400,
        ErrorCode.invalidMessage,
        `invalid subscription: ${formatFieldErrors(details, 3)}`,
        details,
      );
    }
    const added = pages.subscriptions.subscribe(target.slug, parsed.data, false);
    if (!added.ok)
      return refuse(
        added.error.status,
        SUBSCRIBE_ERROR_CODE[added.error.status],
        added.error.message,
        added.error.details,
      );
    if (json) return reply.code(202).send({ status: 'confirmation_sent' });
    return sendMessagePage(
      reply,
      200,
      'Check your inbox',
      [
        `We sent a confirmation link to ${parsed.data.kind === 'email' ? parsed.data.email : ''}.`,
        'Open it to start receiving incident updates.',
      ],
      backLink(target.base),
    );
  });

  app.get<{ Params: { token: string } }>(at('/confirm/:token'), options, (request, reply) => {
    const target = published(request);
    if (target === undefined) return sendPageNotFound(reply);
    if (pages.subscribers.byToken(target.slug, 'confirm', request.params.token) === undefined)
      return sendMessagePage(reply, 404, 'Link not valid', [CONFIRM_UNKNOWN], backLink(target.base));
    // A GET only asks: mail scanners open links, and must not confirm anyone by doing so.
    const action = `${target.base}/confirm/${encodeURIComponent(request.params.token)}`;
    return sendMessagePage(
      reply,
      200,
      'Confirm subscription?',
      [`Receive incident updates for ${target.page.config.title} by email?`],
      `<form method="post" action="${escapeHtml(action)}"><button type="submit">Confirm subscription</button></form>`,
    );
  });

  app.post<{ Params: { token: string } }>(
    at('/confirm/:token'),
    { ...options, bodyLimit: SUBSCRIBE_BODY_LIMIT },
    (request, reply) => {
      const target = published(request);
      if (target === undefined) return sendPageNotFound(reply);
      const done = pages.subscriptions.confirm(target.slug, request.params.token);
      if (wantsJson(request))
        return done
          ? reply.send({ status: 'confirmed' })
          : sendApiError(reply, 404, ErrorCode.notFound, 'unknown confirmation link');
      if (!done)
        return sendMessagePage(reply, 404, 'Link not valid', [CONFIRM_UNKNOWN], backLink(target.base));
      return sendMessagePage(
        reply,
        200,
        'Subscription confirmed',
        [`You will now receive incident updates for ${target.page.config.title}.`],
        backLink(target.base),
      );
    },
  );

  app.get<{ Params: { token: string } }>(at('/unsubscribe/:token'), options, (request, reply) => {
    const target = published(request);
    if (target === undefined) return sendPageNotFound(reply);
    if (pages.subscribers.byToken(target.slug, 'unsubscribe', request.params.token) === undefined)
      return sendMessagePage(
        reply,
        404,
        'Link not valid',
        ['This unsubscribe link is unknown, or you already unsubscribed.'],
        backLink(target.base),
      );
    // A GET only asks: mail scanners open links, and must not unsubscribe anyone by doing so.
    const action = `${target.base}/unsubscribe/${encodeURIComponent(request.params.token)}`;
    return sendMessagePage(
      reply,
      200,
      'Unsubscribe?',
      [`Stop receiving incident updates for ${target.page.config.title}?`],
      `<form method="post" action="${escapeHtml(action)}"><button type="submit">Unsubscribe</button></form>`,
    );
  });

  app.post<{ Params: { token: string } }>(
    at('/unsubscribe/:token'),
    { ...options, bodyLimit: SUBSCRIBE_BODY_LIMIT },
    (request, reply) => {
      const target = published(request);
      if (target === undefined) return sendPageNotFound(reply);
      const done = pages.subscriptions.unsubscribe(target.slug, request.params.token);
      if (wantsJson(request))
        return done
          ? reply.send({ status: 'unsubscribed' })
          : sendApiError(reply, 404, ErrorCode.notFound, 'unknown unsubscribe link');
      if (!done)
        return sendMessagePage(
          reply,
          404,
          'Link not valid',
          ['This unsubscribe link is unknown, or you already unsubscribed.'],
          backLink(target.base),
        );
      return sendMessagePage(
        reply,
        200,
        'Unsubscribed',
        ['You will not receive any more updates.'],
        backLink(target.base),
      );
    },
  );
}

function backLink(base: string): string {
  return `<p><a href="${escapeHtml(base === '' ? '/' : base)}">Back to the status page</a></p>`;
}
