import {
  ErrorCode,
  type FieldError,
  formatFieldErrors,
  PageIncident,
  PageIncidentCreate,
  PageIncidentUpdateInput,
  PageSlug,
  PageSubscribeInput,
  PageSubscriber,
  StatusPageConfig,
  StatusPageDetail,
  StatusPageSummary,
} from '@vantage/shared';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ApiError } from '../api/api-error.js';
import { errors } from '../api/api-schemas.js';
import { publicSubscriber } from './page-subscriber-store.js';
import { SUBSCRIBE_ERROR_CODE } from './page-subscriptions.js';
import type { StatusPages } from './status-page-service.js';

const SlugParams = z.object({ slug: PageSlug });
const ItemParams = z.object({ slug: PageSlug, id: z.string().min(1).max(64) });
const Deleted = z.object({ id: z.string() });
/** A page design is mostly its logo: 256 KiB as base64, with room for everything else. */
const PAGE_BODY_LIMIT = 1024 * 1024;
const SMALL_BODY_LIMIT = 64 * 1024;
const tags = ['status pages'];

function invalid(what: string, details: FieldError[]): ApiError {
  return new ApiError(
    400,
    ErrorCode.invalidMessage,
    `invalid ${what}: ${formatFieldErrors(details, 5)}`,
    details,
  );
}

function noPage(slug: string): ApiError {
  return new ApiError(404, ErrorCode.notFound, `no status page "${slug}"`);
}

/**
 * The status page part of `/api/v1` (inside the desktop-token scope): pages, their written
 * incidents and their subscribers, as the desktop's designer uses them.
 */
export function registerStatusPageAdminRoutes(scope: FastifyInstance, pages: StatusPages): void {
  const app = scope.withTypeProvider<ZodTypeProvider>();
  const existing = (slug: string) => {
    const page = pages.pages.get(slug);
    if (page === undefined) throw noPage(slug);
    return page;
  };

  app.get('/status-pages', {
    schema: {
      tags,
      summary: 'List status pages',
      response: { 200: z.object({ pages: z.array(StatusPageSummary) }) },
    },
    handler: () => ({ pages: pages.pages.list().map((p) => pages.summary(p.config.slug)!) }),
  });
  app.get('/status-pages/:slug', {
    schema: {
      tags,
      summary: 'Read a page, its summary and badge URLs',
      params: SlugParams,
      response: { 200: StatusPageDetail, ...errors(404) },
    },
    handler: (request) => {
      const detail = pages.detail(request.params.slug);
      if (detail === undefined) throw noPage(request.params.slug);
      return detail;
    },
  });
  app.put('/status-pages/:slug', {
    bodyLimit: PAGE_BODY_LIMIT,
    schema: {
      tags,
      summary: 'Create or replace (publish) a page',
      params: SlugParams,
      body: StatusPageConfig,
      response: { 200: StatusPageDetail, 201: StatusPageDetail, ...errors(400) },
    },
    handler: (request, reply) => {
      if (request.body.slug !== request.params.slug)
        throw invalid('status page', [
          { path: 'slug', message: `must be "${request.params.slug}", the slug in the URL` },
        ]);
      const saved = pages.putPage(request.body);
      if (!saved.ok) throw invalid('status page', saved.error);
      reply.code(saved.value.created ? 201 : 200);
      return saved.value.detail;
    },
  });
  app.delete('/status-pages/:slug', {
    schema: {
      tags,
      summary: 'Delete a page with its written incidents and subscribers',
      params: SlugParams,
      response: { 200: z.object({ slug: z.string() }), ...errors(404) },
    },
    handler: (request) => {
      if (!pages.deletePage(request.params.slug)) throw noPage(request.params.slug);
      return { slug: request.params.slug };
    },
  });

  app.get('/status-pages/:slug/incidents', {
    schema: {
      tags,
      summary: "List a page's written incidents, newest first",
      params: SlugParams,
      response: { 200: z.object({ incidents: z.array(PageIncident) }), ...errors(404) },
    },
    handler: (request) => {
      existing(request.params.slug);
      return { incidents: pages.incidents.list(request.params.slug) };
    },
  });
  app.post('/status-pages/:slug/incidents', {
    bodyLimit: SMALL_BODY_LIMIT,
    schema: {
      tags,
      summary: 'Write an incident (subscribers are told)',
      params: SlugParams,
      body: PageIncidentCreate,
      response: { 201: PageIncident, ...errors(400, 404) },
    },
    handler: (request, reply) => {
      const page = existing(request.params.slug);
      const onPage = new Set(page.config.sections.flatMap((s) => s.monitors.map((m) => m.monitorId)));
      const stray = request.body.monitorIds.flatMap((id, i) =>
        onPage.has(id) ? [] : [{ path: `monitorIds.${i}`, message: `"${id}" is not on this page` }],
      );
      if (stray.length > 0) throw invalid('incident', stray);
      reply.code(201);
      return pages.createIncident(request.params.slug, request.body);
    },
  });
  app.post('/status-pages/:slug/incidents/:id/updates', {
    bodyLimit: SMALL_BODY_LIMIT,
    schema: {
      tags,
      summary: 'Post an update to a written incident (subscribers are told)',
      params: ItemParams,
      body: PageIncidentUpdateInput,
      response: { 200: PageIncident, ...errors(400, 404) },
    },
    handler: (request) => {
      existing(request.params.slug);
      const updated = pages.updateIncident(request.params.slug, request.params.id, request.body);
      if (updated === undefined)
        throw new ApiError(404, ErrorCode.notFound, `no incident "${request.params.id}" on this page`);
      return updated;
    },
  });
  app.delete('/status-pages/:slug/incidents/:id', {
    schema: {
      tags,
      summary: 'Delete a written incident',
      params: ItemParams,
      response: { 200: Deleted, ...errors(404) },
    },
    handler: (request) => {
      existing(request.params.slug);
      if (!pages.deleteIncident(request.params.slug, request.params.id))
        throw new ApiError(404, ErrorCode.notFound, `no incident "${request.params.id}" on this page`);
      return { id: request.params.id };
    },
  });

  app.get('/status-pages/:slug/subscribers', {
    schema: {
      tags,
      summary: "List a page's subscribers",
      params: SlugParams,
      response: { 200: z.object({ subscribers: z.array(PageSubscriber) }), ...errors(404) },
    },
    handler: (request) => {
      existing(request.params.slug);
      return { subscribers: pages.subscribers.list(request.params.slug).map(publicSubscriber) };
    },
  });
  app.post('/status-pages/:slug/subscribers', {
    bodyLimit: SMALL_BODY_LIMIT,
    schema: {
      tags,
      summary: 'Add a subscriber (webhooks are confirmed at once, emails get the opt-in mail)',
      params: SlugParams,
      body: PageSubscribeInput,
      response: { 200: PageSubscriber, 201: PageSubscriber, ...errors(400, 404, 409) },
    },
    handler: (request, reply) => {
      existing(request.params.slug);
      const added = pages.subscriptions.subscribe(request.params.slug, request.body, true);
      if (!added.ok)
        throw new ApiError(
          added.error.status,
          SUBSCRIBE_ERROR_CODE[added.error.status],
          added.error.message,
          added.error.details,
        );
      const { record, created } = added.value;
      reply.code(created ? 201 : 200);
      // The secret is shown once, in the answer that created the subscriber, so the owner can set
      // up the receiver; a repeated POST must not hand it to whoever sends it.
      return {
        ...publicSubscriber(record),
        ...(!created || record.secret === null ? {} : { secret: record.secret }),
      };
    },
  });
  app.delete('/status-pages/:slug/subscribers/:id', {
    schema: {
      tags,
      summary: 'Remove a subscriber',
      params: ItemParams,
      response: { 200: Deleted, ...errors(404) },
    },
    handler: (request) => {
      existing(request.params.slug);
      const record = pages.subscribers.get(request.params.id);
      if (record?.slug !== request.params.slug || !pages.subscribers.delete(record.id))
        throw new ApiError(404, ErrorCode.notFound, `no subscriber "${request.params.id}" on this page`);
      return { id: request.params.id };
    },
  });
}
