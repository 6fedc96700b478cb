import type { AlertChannel } from '../../alert-channel.js';
import { deliverHttp } from '../../deliver-http.js';
import { jsonField } from '../../http-outcome.js';
import { buildNtfyRequest } from './ntfy-request.js';

/** ntfy: a POST to `<server>/<topic>`, with a bearer token or a user's password when the topic is protected. */
export const ntfyChannel: AlertChannel<'ntfy'> = {
  kind: 'ntfy',
  send: (message, config, ctx) => {
    const { headers, body } = buildNtfyRequest(message, config);
    return deliverHttp(
      ctx,
      `${config.server}/${config.topic}`,
      { method: 'POST', headers, body },
      {
        provider: 'ntfy',
        providerId: (text) => jsonField(text, 'id'),
        hints: { 401: 'check token or username and password', 403: 'the user may not publish to this topic' },
      },
    );
  },
};
