import type { AlertChannel } from '../../alert-channel.js';
import { deliverHttp } from '../../deliver-http.js';
import { jsonField } from '../../http-outcome.js';
import { buildTelegramPayload } from './telegram-payload.js';

/** Telegram through the Bot API's sendMessage; the bot must be a member of the chat. */
export const telegramChannel: AlertChannel<'telegram'> = {
  kind: 'telegram',
  send: (message, config, ctx) =>
    deliverHttp(
      ctx,
      `${config.apiBase}/bot${config.botToken}/sendMessage`,
      {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(buildTelegramPayload(message, config)),
      },
      {
        provider: 'Telegram',
        providerId: (body) => jsonField(body, 'result', 'message_id'),
        hints: {
          400: 'if the chat was not found, check chatId and that the bot is a member of the chat',
          401: 'check botToken',
          403: 'the bot was removed from the chat or blocked; add it again',
          404: 'check botToken',
        },
      },
    ),
};
