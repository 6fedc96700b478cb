import { CHANNEL_SECRET_FIELDS } from '@vantage/shared';
import pino, { type DestinationStream, type Logger } from 'pino';

/**
 * Paths pino censors in every log line. Secrets are kept out by configuration rather than by care:
 * tokens in any object up to three levels deep, Authorization headers of requests, and the
 * credentials a monitor may carry (basic/bearer `auth`, headers),
 * and the secret fields of alert channels.
 */
export const REDACT_PATHS = [
  ...new Set([
    'token',
    '*.token',
    '*.*.token',
    'authorization',
    '*.authorization',
    'headers.authorization',
    '*.headers.authorization',
    '*.*.headers.authorization',
    'headers.cookie',
    '*.headers.cookie',
    'auth',
    '*.auth',
    '*.*.auth',
    'password',
    '*.password',
    'secret',
    '*.secret',
    ...channelSecretPaths(),
  ]),
];

/**
 * Alert channel secrets (bot tokens, routing keys, webhook URLs that carry a token), wherever a
 * channel config sits up to two levels deep. The generic webhook's `url` and `headers` are left
 * out: every HTTP log line has a `url`; its headers are covered by the header paths above.
 */
function channelSecretPaths(): string[] {
  const names = new Set(
    Object.values(CHANNEL_SECRET_FIELDS)
      .flat()
      .filter((path) => !path.includes('.') && path !== 'url'),
  );
  return [...names].flatMap((name) => [name, `*.${name}`, `*.*.${name}`]);
}

/** The relay's one root logger: JSON lines on stdout (or `destination`), secrets redacted. */
export function createRelayLogger(level: string, destination?: DestinationStream): Logger {
  const options = { level, name: 'vantage-relay', redact: { paths: REDACT_PATHS, censor: '[redacted]' } };
  return destination ? pino(options, destination) : pino(options);
}

export type { Logger };
