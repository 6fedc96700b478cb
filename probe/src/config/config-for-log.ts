import type { ProbeConfig } from './probe-config.js';

/** A URL without the user name and password it may carry, for logs; other text as it is. */
export function withoutCredentials(text: string): string {
  if (!text.includes('@')) return text;
  try {
    const url = new URL(text);
    if (url.username === '' && url.password === '') return text;
    url.username = '';
    url.password = '';
    return url.toString();
  } catch {
    return text;
  }
}

/**
 * The settings as the start-up log line shows them: the token replaced by `[redacted]` and
 * credentials cut out of the relay and canary URLs. Done here rather than left to the logger's redaction because
 * an app embedding the probe passes its own logger, whose redaction paths we do not control.
 */
export function configForLog(config: ProbeConfig): Record<string, unknown> {
  return {
    ...config,
    // Kept as a key so the line still shows that a token was set.
    token: '[redacted]',
    relay: withoutCredentials(config.relay),
    canaries: config.canaries.map(withoutCredentials),
  };
}
