import { z } from 'zod';
import { channelCommonFields, HeaderName, httpUrl } from '../channel-fields.js';

/** The shortest signing secret accepted: shorter ones could be guessed from signed samples. */
export const WEBHOOK_SECRET_MIN_LENGTH = 16;

// Headers the channel sets itself; a user header replacing one would break the signature or the body.
const RESERVED_HEADERS = /^(content-type|content-length|host|x-vantage-.*)$/i;

/** A generic webhook: a signed JSON POST to any URL (schema in relay/src/alerts/channels/webhook/README.md). */
export const WebhookChannelConfig = z
  .object({
    kind: z.literal('webhook'),
    ...channelCommonFields,
    url: httpUrl('the address that receives the JSON POST'),
    secret: z
      .string()
      .min(
        WEBHOOK_SECRET_MIN_LENGTH,
        `must have at least ${WEBHOOK_SECRET_MIN_LENGTH} characters: receivers verify X-Vantage-Signature with it`,
      )
      .max(256),
    /** Extra request headers, e.g. an Authorization the receiver requires. */
    headers: z
      .record(
        HeaderName.refine((name) => !RESERVED_HEADERS.test(name), {
          error: 'is set by Vantage itself (Content-Type, Host and X-Vantage-* cannot be overridden)',
        }),
        z.string().max(4000),
      )
      .refine((headers) => Object.keys(headers).length <= 20, { error: 'must have at most 20 headers' })
      .default({}),
  })
  .strict();
/** A generic signed webhook. */
export type WebhookChannelConfig = z.infer<typeof WebhookChannelConfig>;
