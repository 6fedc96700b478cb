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
  /**
   * A webhook's signing secret (`X-Vantage-Signature`, as alert webhooks): only in the answer that
   * created it, so the owner can configure the receiver; never listed again.
   */
  secret: z.string().optional(),
});
/** Someone told of a page's incident updates. */
export type PageSubscriber = z.infer<typeof PageSubscriber>;

/** A subscription request: from the public page (email) or the desktop (email or webhook). */
export const PageSubscribeInput = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('email'), email: z.email('must be an email address').max(320) }),
  z.object({
    kind: z.literal('webhook'),
    url: z.url({ protocol: /^https?$/, error: 'must be an http:// or https:// URL' }).max(2000),
    /** Signs each POST; the relay generates one when absent (returned once, on creation). */
    secret: z.string().min(16, 'must be at least 16 characters').max(200).optional(),
  }),
]);
/** A subscription request. */
export type PageSubscribeInput = z.infer<typeof PageSubscribeInput>;
