import { z } from 'zod';
import { apiBaseUrl, channelCommonFields } from '../channel-fields.js';

/** A Telegram bot posting to a chat, group or channel through the Bot API's sendMessage. */
export const TelegramChannelConfig = z
  .object({
    kind: z.literal('telegram'),
    ...channelCommonFields,
    botToken: z
      .string()
      .trim()
      .regex(
        /^\d{5,20}:[A-Za-z0-9_-]{30,100}$/,
        'must be the token @BotFather gave you, e.g. 123456:ABC-DEF...',
      ),
    chatId: z
      .string()
      .trim()
      .regex(/^(-?\d{1,20}|@[A-Za-z][A-Za-z0-9_]{4,31})$/, 'must be a numeric chat id or a @channelname'),
    /** A forum topic of a supergroup. */
    messageThreadId: z.number().int().positive().optional(),
    /** Delivers without a notification sound. */
    silent: z.boolean().default(false),
    apiBase: apiBaseUrl('https://api.telegram.org'),
  })
  .strict();
/** A Telegram bot posting to a chat. */
export type TelegramChannelConfig = z.infer<typeof TelegramChannelConfig>;
