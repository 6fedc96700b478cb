import { alertSummary, alertTitle } from '@vantage/shared';
import type { AlertChannel } from '../../alert-channel.js';
import { createTwilioResource, senderField } from './twilio-api.js';
import { whatsAppText } from './twilio-text.js';

/**
 * WhatsApp through Twilio's Messages API: numbers carry the `whatsapp:` prefix. With a content
 * template the alert fills its variables {{1}} (title) and {{2}} (summary); without one the
 * message is free text, which WhatsApp delivers only within 24 h of the recipient's last message.
 */
export const twilioWhatsAppChannel: AlertChannel<'twilio-whatsapp'> = {
  kind: 'twilio-whatsapp',
  send: (message, config, ctx) =>
    createTwilioResource(ctx, config, 'Messages', {
      To: `whatsapp:${config.to}`,
      ...senderField(config.from, 'whatsapp:'),
      ...(config.contentSid === undefined
        ? { Body: whatsAppText(message) }
        : {
            ContentSid: config.contentSid,
            ContentVariables: JSON.stringify({ 1: alertTitle(message), 2: alertSummary(message) }),
          }),
    }),
};
