import { z } from 'zod';
import type { FieldError } from '../errors.js';
import { err, ok, type Result } from '../result.js';
import { zodIssuesToFieldErrors } from '../validation/field-errors.js';
import { DiscordChannelConfig, SlackChannelConfig, TeamsChannelConfig } from './kinds/chat-channels.js';
import { EmailChannelConfig } from './kinds/email-channel.js';
import { NtfyChannelConfig } from './kinds/ntfy-channel.js';
import { PagerDutyChannelConfig } from './kinds/pagerduty-channel.js';
import { TelegramChannelConfig } from './kinds/telegram-channel.js';
import {
  TwilioSmsChannelConfig,
  TwilioVoiceChannelConfig,
  TwilioWhatsAppChannelConfig,
} from './kinds/twilio-channels.js';
import { WebhookChannelConfig } from './kinds/webhook-channel.js';

/**
 * Where and how alerts are delivered: one settings schema per kind. The one list of kinds; a new
 * kind adds its schema here, its secret fields in channel-secrets.ts (the compiler insists) and
 * its sender in the relay's channel registry.
 */
export const ChannelConfig = z.discriminatedUnion('kind', [
  EmailChannelConfig,
  SlackChannelConfig,
  DiscordChannelConfig,
  TeamsChannelConfig,
  TelegramChannelConfig,
  WebhookChannelConfig,
  PagerDutyChannelConfig,
  NtfyChannelConfig,
  TwilioSmsChannelConfig,
  TwilioWhatsAppChannelConfig,
  TwilioVoiceChannelConfig,
]);
/** A validated channel with every default filled in. */
export type ChannelConfig = z.infer<typeof ChannelConfig>;
/** A channel as a user writes it: defaults may be omitted. */
export type ChannelConfigInput = z.input<typeof ChannelConfig>;
/** The kinds of alert channel. */
export type ChannelKind = ChannelConfig['kind'];
/** The settings of one kind of channel. */
export type ChannelConfigOf<K extends ChannelKind> = Extract<ChannelConfig, { kind: K }>;

/** Every channel kind, in the order the union lists them. */
export const CHANNEL_KINDS: readonly ChannelKind[] = ChannelConfig.options.map((o) => o.shape.kind.value);

/** Validates a channel as a user wrote it; on failure returns every bad field by dotted path. */
export function parseChannelConfig(input: unknown): Result<ChannelConfig, FieldError[]> {
  const parsed = ChannelConfig.safeParse(input);
  return parsed.success ? ok(Object.freeze(parsed.data)) : err(zodIssuesToFieldErrors(parsed.error.issues));
}
