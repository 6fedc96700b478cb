import type { ChannelConfig } from './channel-config.js';
import { channelSecretValues, REDACTED_SECRET } from './channel-secrets.js';

// Shorter values would blank out ordinary words of an error message; no real secret is this short.
const MIN_SCRUB_LENGTH = 4;

/**
 * Removes secrets from text before it is logged or stored (a provider's error message, an
 * exception): each value as written, URL-encoded and base64-encoded, and for secret URLs also
 * their path and query, which errors often quote without the host.
 */
export function scrubSecrets(text: string, secrets: readonly string[]): string {
  const forms = new Set<string>();
  for (const secret of secrets) {
    for (const form of secretForms(secret)) if (form.length >= MIN_SCRUB_LENGTH) forms.add(form);
  }
  // Longest first, so a URL is scrubbed whole before its path would leave the host behind.
  let scrubbed = text;
  for (const form of [...forms].sort((a, b) => b.length - a.length))
    scrubbed = scrubbed.split(form).join(REDACTED_SECRET);
  return scrubbed;
}

/** Removes a channel's secrets from text before it is logged or recorded (delivery errors, exceptions). */
export function scrubChannelSecrets(text: string, config: ChannelConfig): string {
  return scrubSecrets(text, channelSecretValues(config));
}

function secretForms(secret: string): string[] {
  const forms = [secret, encodeURIComponent(secret), toBase64(secret)];
  if (URL.canParse(secret)) {
    const url = new URL(secret);
    const tail = `${url.pathname}${url.search}`;
    if (tail.length > 1) forms.push(tail, safeDecode(url.pathname));
  }
  return forms;
}

function toBase64(text: string): string {
  let binary = '';
  for (const byte of new TextEncoder().encode(text)) binary += String.fromCharCode(byte);
  return btoa(binary);
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
