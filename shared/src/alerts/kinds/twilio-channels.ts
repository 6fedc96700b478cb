import { z } from 'zod';
import { apiBaseUrl, channelCommonFields, PhoneNumber } from '../channel-fields.js';

/** Fields every Twilio channel has: the account, its credentials and who is called or texted. */
const twilioFields = {
  ...channelCommonFields,
  accountSid: z
    .string()
    .trim()
    .regex(/^AC[0-9a-fA-F]{32}$/, 'must be the Account SID from the Twilio console (AC + 32 hex digits)'),
  authToken: z
    .string()
    .trim()
    .regex(/^[0-9a-fA-F]{32}$/, 'must be the Auth Token from the Twilio console (32 hex digits)'),
  to: PhoneNumber,
  apiBase: apiBaseUrl('https://api.twilio.com'),
};

/** A sender: a Twilio phone number, or a Messaging Service SID (`MG...`) that picks one. */
const MessageSender = z
  .string()
  .trim()
  .regex(
    /^(\+[1-9]\d{6,14}|MG[0-9a-fA-F]{32})$/,
    'must be a Twilio phone number in E.164 form (+14155550100) or a Messaging Service SID (MG...)',
  );

/** Text messages through Twilio's Messages API. */
export const TwilioSmsChannelConfig = z
  .object({ kind: z.literal('twilio-sms'), ...twilioFields, from: MessageSender })
  .strict();
/** Text messages through Twilio. */
export type TwilioSmsChannelConfig = z.infer<typeof TwilioSmsChannelConfig>;

/** WhatsApp messages through Twilio's Messages API. */
export const TwilioWhatsAppChannelConfig = z
  .object({
    kind: z.literal('twilio-whatsapp'),
    ...twilioFields,
    from: MessageSender,
    /**
     * An approved content template (`HX...`) with variables {{1}} = title and {{2}} = summary.
     * WhatsApp only accepts free text within 24 h of the recipient's last message, so business-
     * initiated alerts need a template outside the sandbox.
     */
    contentSid: z
      .string()
      .trim()
      .regex(/^HX[0-9a-fA-F]{32}$/, 'must be a Content SID (HX + 32 hex digits)')
      .optional(),
  })
  .strict();
/** WhatsApp messages through Twilio. */
export type TwilioWhatsAppChannelConfig = z.infer<typeof TwilioWhatsAppChannelConfig>;

/** Phone calls through Twilio's Calls API that read the alert aloud. */
export const TwilioVoiceChannelConfig = z
  .object({
    kind: z.literal('twilio-voice'),
    ...twilioFields,
    from: PhoneNumber,
    /** A TwiML `<Say>` voice, e.g. `Polly.Joanna`; Twilio's default when absent. */
    voice: z
      .string()
      .regex(/^[A-Za-z0-9.-]{1,60}$/, 'must be a Twilio voice name, e.g. Polly.Joanna')
      .optional(),
    /** A TwiML `<Say>` language, e.g. `en-GB`. */
    language: z
      .string()
      .regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})?$/, 'must be a language tag, e.g. en-US')
      .optional(),
  })
  .strict();
/** Phone calls through Twilio. */
export type TwilioVoiceChannelConfig = z.infer<typeof TwilioVoiceChannelConfig>;
