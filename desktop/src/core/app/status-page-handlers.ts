import { ok, PageIncident, PageSubscriber, StatusPageDetail, StatusPageSummary } from '@vantage/shared';
import { z } from 'zod';
import type { ApiHandlers } from '../../contract/index.js';
import { type CoreContext, relayCall } from './core-context.js';

const PageList = z.object({ pages: z.array(StatusPageSummary) });
const IncidentList = z.object({ incidents: z.array(PageIncident) });
const SubscriberList = z.object({ subscribers: z.array(PageSubscriber) });
const DeletedSlug = z.object({ slug: z.string() });
const DeletedId = z.object({ id: z.string() });
/** Only what the designer needs of a channel: SMTP settings stay on the relay. */
const ChannelList = z.object({
  channels: z.array(
    z.looseObject({ id: z.string(), name: z.string(), kind: z.string(), enabled: z.boolean().default(true) }),
  ),
});

type StatusPageMethod =
  | 'statusPages.list'
  | 'statusPages.get'
  | 'statusPages.save'
  | 'statusPages.delete'
  | 'statusPages.incidents'
  | 'statusPages.createIncident'
  | 'statusPages.postUpdate'
  | 'statusPages.deleteIncident'
  | 'statusPages.subscribers'
  | 'statusPages.addSubscriber'
  | 'statusPages.removeSubscriber'
  | 'statusPages.emailChannels';

const pagePath = (slug: string) => `/status-pages/${encodeURIComponent(slug)}`;

/**
 * The `statusPages.*` methods. Pages, written incidents and subscribers live only on the relay
 * (so pages stay up while the desktop sleeps); every method is one call to its REST API, whose
 * errors (a relay-named bad field, a missing page) reach the caller unchanged.
 */
export function statusPageHandlers(ctx: CoreContext): Pick<ApiHandlers, StatusPageMethod> {
  return {
    'statusPages.list': async () => {
      const answer = await relayCall(ctx, 'GET', '/status-pages', PageList);
      return answer.ok ? ok(answer.value.pages) : answer;
    },

    'statusPages.get': ({ slug }) => relayCall(ctx, 'GET', pagePath(slug), StatusPageDetail),

    'statusPages.save': (config) => relayCall(ctx, 'PUT', pagePath(config.slug), StatusPageDetail, config),

    'statusPages.delete': ({ slug }) => relayCall(ctx, 'DELETE', pagePath(slug), DeletedSlug),

    'statusPages.incidents': async ({ slug }) => {
      const answer = await relayCall(ctx, 'GET', `${pagePath(slug)}/incidents`, IncidentList);
      return answer.ok ? ok(answer.value.incidents) : answer;
    },

    'statusPages.createIncident': ({ slug, ...incident }) =>
      relayCall(ctx, 'POST', `${pagePath(slug)}/incidents`, PageIncident, incident),

    'statusPages.postUpdate': ({ slug, incidentId, ...update }) =>
      relayCall(
        ctx,
        'POST',
        `${pagePath(slug)}/incidents/${encodeURIComponent(incidentId)}/updates`,
        PageIncident,
        update,
      ),

    'statusPages.deleteIncident': ({ slug, incidentId }) =>
      relayCall(ctx, 'DELETE', `${pagePath(slug)}/incidents/${encodeURIComponent(incidentId)}`, DeletedId),

    'statusPages.subscribers': async ({ slug }) => {
      const answer = await relayCall(ctx, 'GET', `${pagePath(slug)}/subscribers`, SubscriberList);
      return answer.ok ? ok(answer.value.subscribers) : answer;
    },

    'statusPages.addSubscriber': ({ slug, subscriber }) =>
      relayCall(ctx, 'POST', `${pagePath(slug)}/subscribers`, PageSubscriber, subscriber),

    'statusPages.removeSubscriber': ({ slug, subscriberId }) =>
      relayCall(
        ctx,
        'DELETE',
        `${pagePath(slug)}/subscribers/${encodeURIComponent(subscriberId)}`,
        DeletedId,
      ),

    'statusPages.emailChannels': async () => {
      const answer = await relayCall(ctx, 'GET', '/alert-channels', ChannelList);
      if (!answer.ok) return answer;
      const email = answer.value.channels.filter((channel) => channel.kind === 'email');
      return ok(email.map(({ id, name, enabled }) => ({ id, name, enabled })));
    },
  };
}
