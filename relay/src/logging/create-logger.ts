import pino, { type DestinationStream, type Logger } from 'pino';

/**
 * Paths pino censors in every log line. Secrets are kept out by configuration rather than by care:
 * tokens in any object up to three levels deep, Authorization headers of requests, and the
 * credentials a monitor may carry (basic/bearer `auth`, headers).
 */
export const REDACT_PATHS = [
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
];

/** The relay's one root logger: JSON lines on stdout (or `destination`), secrets redacted. */
export function createRelayLogger(level: string, destination?: DestinationStream): Logger {
  const options = { level, name: 'vantage-relay', redact: { paths: REDACT_PATHS, censor: '[redacted]' } };
  return destination ? pino(options, destination) : pino(options);
}

export type { Logger };
