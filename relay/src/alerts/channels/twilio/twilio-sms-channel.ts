import type { AlertChannel } from '../../alert-channel.js';
import { createTwilioResource, senderField } from './twilio-api.js';
import { smsText } from './twilio-text.js';

/** Text messages through Twilio's Messages API. */
export const twilioSmsChannel: AlertChannel<'twilio-sms'> = {
  kind: 'twilio-sms',
  send: (message, config, ctx) =>
    createTwilioResource(ctx, config, 'Messages', {
      To: config.to,
      ...senderField(config.from),
      Body: smsText(message),
    }),
};
