import {
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
import { z } from 'zod';
import { type MethodSpec, method } from '../method-spec.js';

// Status pages live on the relay (it serves them while every laptop is closed); these methods are
// the desktop's window onto the relay's `/api/v1/status-pages` routes (relay/src/status-pages).

/** An email alert channel that can mail a page's subscribers (no settings, no secrets). */
export const EmailChannelChoice = z.object({
  id: z.string(),
  name: z.string(),
  enabled: z.boolean(),
});
/** An email alert channel that can mail a page's subscribers. */
export type EmailChannelChoice = z.infer<typeof EmailChannelChoice>;

const page = { slug: PageSlug };
const ItemId = z.string().min(1).max(64);

/** The `statusPages.*` methods: designing, publishing, written incidents and subscribers. */
export const STATUS_PAGE_METHODS = {
  'statusPages.list': method(
    'Every status page on the relay, published or draft, with its address and counts',
    { method: 'GET', path: '/status-pages' },
    z.object({}),
    z.array(StatusPageSummary),
  ),
  'statusPages.get': method(
    "One page's design, summary and badge links",
    { method: 'GET', path: '/status-pages/:slug' },
    z.object(page),
    StatusPageDetail,
  ),
  'statusPages.save': method(
    'Creates or replaces a page (the slug in the address names it); `published: false` takes it offline',
    { method: 'PUT', path: '/status-pages/:slug' },
    StatusPageConfig,
    StatusPageDetail,
  ),
  'statusPages.delete': method(
    'Deletes a page with its written incidents and subscribers',
    { method: 'DELETE', path: '/status-pages/:slug' },
    z.object(page),
    z.object({ slug: PageSlug }),
  ),
  'statusPages.incidents': method(
    "A page's written incidents with their updates, newest first",
    { method: 'GET', path: '/status-pages/:slug/incidents' },
    z.object(page),
    z.array(PageIncident),
  ),
  'statusPages.createIncident': method(
    'Writes an incident on a page with its first update (subscribers are told)',
    { method: 'POST', path: '/status-pages/:slug/incidents' },
    z.object({ ...page, ...PageIncidentCreate.shape }),
    PageIncident,
  ),
  'statusPages.postUpdate': method(
    'Posts a status update to a written incident; `resolved` closes it',
    { method: 'POST', path: '/status-pages/:slug/incidents/:incidentId/updates' },
    z.object({ ...page, incidentId: ItemId, ...PageIncidentUpdateInput.shape }),
    PageIncident,
  ),
  'statusPages.deleteIncident': method(
    'Deletes a written incident from a page',
    { method: 'DELETE', path: '/status-pages/:slug/incidents/:incidentId' },
    z.object({ ...page, incidentId: ItemId }),
    z.object({ id: z.string() }),
  ),
  'statusPages.subscribers': method(
    "A page's subscribers (email addresses and webhooks)",
    { method: 'GET', path: '/status-pages/:slug/subscribers' },
    z.object(page),
    z.array(PageSubscriber),
  ),
  'statusPages.addSubscriber': method(
    'Subscribes an email address (it confirms by a link first) or a webhook to a page',
    { method: 'POST', path: '/status-pages/:slug/subscribers' },
    z.object({ ...page, subscriber: PageSubscribeInput }),
    PageSubscriber,
  ),
  'statusPages.removeSubscriber': method(
    'Removes a subscriber from a page',
    { method: 'DELETE', path: '/status-pages/:slug/subscribers/:subscriberId' },
    z.object({ ...page, subscriberId: ItemId }),
    z.object({ id: z.string() }),
  ),
  'statusPages.emailChannels': method(
    "The relay's email alert channels, which can mail a page's subscribers",
    { method: 'GET', path: '/status-page-email-channels' },
    z.object({}),
    z.array(EmailChannelChoice),
  ),
} satisfies Record<string, MethodSpec>;
