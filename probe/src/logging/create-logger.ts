import pino, { type DestinationStream, type Logger } from 'pino';

/**
 * Paths pino censors in every log line. Secrets are kept out by configuration rather than by care:
 * the probe token, and the credentials a monitor may carry (basic/bearer auth, Authorization headers).
 */
export const REDACT_PATHS = [
  'token',
  '*.token',
  '*.*.token',
  'auth',
  '*.auth',
  '*.*.auth',
  'headers.authorization',
  '*.headers.authorization',
  '*.*.headers.authorization',
];

/** The probe's one root logger: JSON lines on stdout (or `destination`), secrets redacted. */
export function createLogger(level: string, destination?: DestinationStream): Logger {
  const options = { level, name: 'vantage-probe', redact: { paths: REDACT_PATHS, censor: '[redacted]' } };
  return destination ? pino(options, destination) : pino(options);
}

export type { Logger };
