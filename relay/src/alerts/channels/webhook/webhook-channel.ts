import type { AlertChannel } from '../../alert-channel.js';
import { deliverHttp } from '../../deliver-http.js';
import { buildWebhookBody } from './webhook-payload.js';
import { SIGNATURE_HEADER, signWebhookBody, TIMESTAMP_HEADER } from './webhook-signature.js';

/** A signed JSON POST to any URL; the body schema and verification are in README.md. */
export const webhookChannel: AlertChannel<'webhook'> = {
  kind: 'webhook',
  send: (message, config, ctx) => {
    const sentAt = ctx.now();
    const raw = JSON.stringify(buildWebhookBody(message, config, sentAt));
    return deliverHttp(
      ctx,
      config.url,
      {
        method: 'POST',
        // The schema keeps users from setting these headers, so theirs can go first.
        headers: {
          ...config.headers,
          'content-type': 'application/json; charset=utf-8',
          [TIMESTAMP_HEADER]: String(Math.floor(sentAt / 1000)),
          [SIGNATURE_HEADER]: signWebhookBody(raw, config.secret),
        },
        body: raw,
      },
      { provider: 'Webhook' },
    );
  },
};
