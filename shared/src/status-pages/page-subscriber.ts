import { z } from 'zod';
import { PageSlug } from './status-page-config.js';

/**
 * Someone told of a page's incident updates: an email address (confirmed by a double opt-in
 * link before any update is sent) or a webhook URL (receives JSON, signed like alert webhooks).
 */
export const PageSubscriber = z.object({
  id: z.string().min(1).max(64),
  slug: PageSlug,
  kind: z.enum(['email', 'webhook']),
  /** The email address, or the webhook URL with its query removed (it may carry a secret). */
  address: z.string().max(2000),
  confirmed: z.boolean(),
  createdAt: z.number().int().nonnegative(),
});
/** Someone told of a page's incident updates. */
export type PageSubscriber = z.infer<typeof PageSubscriber>;

/** A subscription request: from the public page (email) or the desktop (email or webhook). */
export const PageSubscribeInput = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('email'), email: z.email('must be an email address').max(320) }),
  z.object({
    kind: z.literal('webhook'),
    url: z.url({ protocol: /^https?$/, error: 'must be an http:// or https:// URL' }).max(2000),
  }),
]);
/** A subscription request. */
export type PageSubscribeInput = z.infer<typeof PageSubscribeInput>;
