import type { ChannelContext } from './alert-channel.js';
import { RELAY_VERSION } from '../config/relay-version.js';

/** The default time one provider request may take. */
export const CHANNEL_TIMEOUT_MS = 10_000;

/** How Vantage introduces itself to providers. */
export const USER_AGENT = `vantage-relay/${RELAY_VERSION}`;

/** Options of {@link createChannelContext}. */
export interface ChannelContextOptions {
  timeoutMs?: number;
  now?: () => number;
}

/**
 * The production context: Node's fetch with a timeout that also covers reading the body.
 * Redirects are not followed: a webhook that moved should be updated, and following a 302 would
 * turn the POST into a GET that "succeeds" without delivering anything.
 */
export function createChannelContext(options: ChannelContextOptions = {}): ChannelContext {
  const timeoutMs = options.timeoutMs ?? CHANNEL_TIMEOUT_MS;
  return {
    timeoutMs,
    now: options.now ?? Date.now,
    http: (url, request) =>
      fetch(url, {
        method: request.method,
        headers: withUserAgent(request.headers),
        body: request.body,
        redirect: 'manual',
        signal: AbortSignal.timeout(timeoutMs),
      }),
  };
}

function withUserAgent(headers: Record<string, string>): Record<string, string> {
  // A user's own User-Agent (webhook headers) wins; two differently cased copies would be merged.
  return Object.keys(headers).some((name) => name.toLowerCase() === 'user-agent')
    ? headers
    : { 'user-agent': USER_AGENT, ...headers };
}
