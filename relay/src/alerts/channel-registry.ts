import type { ChannelKind } from '@vantage/shared';
import type { AlertChannel } from './alert-channel.js';
import { discordChannel } from './channels/discord/discord-channel.js';
import { emailChannel } from './channels/email/email-channel.js';
import { ntfyChannel } from './channels/ntfy/ntfy-channel.js';
import { pagerDutyChannel } from './channels/pagerduty/pagerduty-channel.js';
import { slackChannel } from './channels/slack/slack-channel.js';
import { teamsChannel } from './channels/teams/teams-channel.js';
import { telegramChannel } from './channels/telegram/telegram-channel.js';
import { twilioSmsChannel } from './channels/twilio/twilio-sms-channel.js';
import { twilioVoiceChannel } from './channels/twilio/twilio-voice-channel.js';
import { twilioWhatsAppChannel } from './channels/twilio/twilio-whatsapp-channel.js';
import { webhookChannel } from './channels/webhook/webhook-channel.js';

/**
 * Every alert channel, once, keyed by kind. The type makes the compiler refuse a missing kind
 * (a new kind in shared's ChannelConfig) and a channel registered under the wrong key.
 */
export const CHANNELS: { readonly [K in ChannelKind]: AlertChannel<K> } = Object.freeze({
  email: emailChannel,
  slack: slackChannel,
  discord: discordChannel,
  teams: teamsChannel,
  telegram: telegramChannel,
  webhook: webhookChannel,
  pagerduty: pagerDutyChannel,
  ntfy: ntfyChannel,
  'twilio-sms': twilioSmsChannel,
  'twilio-whatsapp': twilioWhatsAppChannel,
  'twilio-voice': twilioVoiceChannel,
});

/** The channel that delivers to a kind. */
export function channelFor(kind: ChannelKind): AlertChannel {
  return CHANNELS[kind] as AlertChannel;
}
