import { z } from 'zod';
import { channelCommonFields, httpUrl } from '../channel-fields.js';

/** A Slack incoming webhook (Block Kit message). */
export const SlackChannelConfig = z
  .object({
    kind: z.literal('slack'),
    ...channelCommonFields,
    webhookUrl: httpUrl('the incoming webhook URL Slack gave you (https://hooks.slack.com/services/...)'),
  })
  .strict();
/** A Slack incoming webhook. */
export type SlackChannelConfig = z.infer<typeof SlackChannelConfig>;

/** A Discord channel webhook (embeds). */
export const DiscordChannelConfig = z
  .object({
    kind: z.literal('discord'),
    ...channelCommonFields,
    webhookUrl: httpUrl('the channel webhook URL from Discord (https://discord.com/api/webhooks/...)'),
    /** Overrides the webhook's display name. */
    username: z.string().trim().min(1).max(80).optional(),
  })
  .strict();
/** A Discord channel webhook. */
export type DiscordChannelConfig = z.infer<typeof DiscordChannelConfig>;

/** A Microsoft Teams Workflows (or legacy incoming) webhook receiving an Adaptive Card. */
export const TeamsChannelConfig = z
  .object({
    kind: z.literal('teams'),
    ...channelCommonFields,
    webhookUrl: httpUrl('the URL of the Teams workflow "When a Teams webhook request is received"'),
  })
  .strict();
/** A Microsoft Teams webhook. */
export type TeamsChannelConfig = z.infer<typeof TeamsChannelConfig>;
