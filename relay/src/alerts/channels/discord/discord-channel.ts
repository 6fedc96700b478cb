import type { AlertChannel } from '../../alert-channel.js';
import { deliverHttp } from '../../deliver-http.js';
import { jsonField } from '../../http-outcome.js';
import { buildDiscordPayload } from './discord-payload.js';

const HINT = 'check webhookUrl: the webhook was deleted or its token is wrong';

/** Discord through a channel webhook. */
export const discordChannel: AlertChannel<'discord'> = {
  kind: 'discord',
  send: (message, config, ctx) => {
    // `wait=true` makes Discord answer with the created message (its id) or a JSON error.
    const url = new URL(config.webhookUrl);
    url.searchParams.set('wait', 'true');
    return deliverHttp(
      ctx,
      url.toString(),
      {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(buildDiscordPayload(message, config.username)),
      },
      { provider: 'Discord', providerId: (body) => jsonField(body, 'id'), hints: { 401: HINT, 404: HINT } },
    );
  },
};
