import pino, { type DestinationStream, type Logger } from 'pino';

/**
 * Paths pino censors in every line the core (and the relay and probe it embeds, whose loggers are
 * children of this one) writes: relay and probe tokens, the remote token setting, Authorization
 * headers and the credentials a monitor may carry. Secrets stay out by configuration, not by care.
 */
export const CORE_REDACT_PATHS = [
  'token',
  '*.token',
  '*.*.token',
  'remoteToken',
  '*.remoteToken',
  '*.*.remoteToken',
  'desktopToken',
  '*.desktopToken',
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

/** The desktop process's one root logger: JSON lines on stdout (or `destination`), secrets redacted. */
export function createCoreLogger(level = 'info', destination?: DestinationStream): Logger {
  const options = {
    level,
    name: 'vantage-desktop',
    redact: { paths: CORE_REDACT_PATHS, censor: '[redacted]' },
  };
  return destination ? pino(options, destination) : pino(options);
}

export type { Logger };
