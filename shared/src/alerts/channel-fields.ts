import { z } from 'zod';

/** Alert channel ids: stable, URL-safe, chosen by the desktop. */
export const ChannelId = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/, 'must be 1-64 letters, digits, "_" or "-"');

/** Fields every channel has, whatever its kind. */
export const channelCommonFields = {
  id: ChannelId,
  name: z.string().trim().min(1, 'must not be empty').max(100),
  enabled: z.boolean().default(true),
};

/**
 * An http(s) URL. `what` finishes the message so a user knows which URL is meant
 * (`must be an http:// or https:// URL: the incoming webhook URL Slack gave you`).
 */
export function httpUrl(what: string) {
  return z.url({ protocol: /^https?$/, error: `must be an http:// or https:// URL: ${what}` }).max(2000);
}

/** A base URL of a provider's API; tests and self-hosted servers point it elsewhere. */
export function apiBaseUrl(defaultUrl: string) {
  return z
    .url({ protocol: /^https?$/, error: `must be an http:// or https:// URL (default ${defaultUrl})` })
    .max(500)
    .transform((url) => url.replace(/\/+$/, ''))
    .default(defaultUrl);
}

/** A phone number in E.164 form, as Twilio expects it. */
export const PhoneNumber = z
  .string()
  .trim()
  .regex(/^\+[1-9]\d{6,14}$/, 'must be a phone number in E.164 form, e.g. +14155550100');

/** An HTTP header name (RFC 9110 token). */
export const HeaderName = z
  .string()
  .regex(/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/, 'is not a valid HTTP header name');
