import { isIP } from 'node:net';
import { FRAME_LIMITS } from '@vantage/shared';
import { z } from 'zod';
import type { RelayLimits } from '../relay-context.js';
import { defaultDataDir, resolveDataDir } from './data-dir.js';

/** Defaults of every relay setting, in one place; `--help` shows them. */
export const RELAY_DEFAULTS = {
  /** Loopback only: exposing the relay is a deliberate choice (`--host 0.0.0.0`). */
  host: '127.0.0.1',
  port: 7400,
  /** Days raw results stay in the log; daily aggregates are kept for at least a year regardless. */
  retentionDays: 7,
  logLevel: 'info',
  /** Largest WebSocket frame: the protocol's largest client frame (a monitor may carry a 1 MB body). */
  maxFrameBytes: FRAME_LIMITS.desktopToRelay,
  messagesPerSecond: 50,
  messageBurst: 200,
  maxViolations: 10,
  desktopQueueLimit: 10_000,
  /** Off: X-Forwarded-* headers are only believed when the operator says a proxy sets them. */
  trustProxy: false,
} as const;

const HOSTNAME =
  /^(?=.{1,253}$)[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?(\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*$/;

const int = (min: number, max: number) =>
  z.coerce
    .number({ error: (issue) => (issue.code === 'invalid_type' ? 'must be a number' : undefined) })
    .int('must be a whole number')
    .min(min)
    .max(max);

/** The relay's settings after validation: one schema for flags, `VANTAGE_*` variables and the config file. */
export const RelayConfigSchema = z.strictObject({
  host: z
    .string()
    .refine((host) => isIP(host) !== 0 || HOSTNAME.test(host), 'must be an IP address or a host name')
    .default(RELAY_DEFAULTS.host),
  port: int(0, 65_535).default(RELAY_DEFAULTS.port),
  dataDir: z
    .string()
    .min(1, 'must not be empty')
    .default(() => defaultDataDir(process.env))
    .transform((dir) => resolveDataDir(dir, process.env)),
  retentionDays: int(1, 3650).default(RELAY_DEFAULTS.retentionDays),
  logLevel: z
    .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
    .default(RELAY_DEFAULTS.logLevel),
  maxFrameBytes: int(1024, 64 * 1024 * 1024).default(RELAY_DEFAULTS.maxFrameBytes),
  messagesPerSecond: int(1, 100_000).default(RELAY_DEFAULTS.messagesPerSecond),
  messageBurst: int(1, 1_000_000).default(RELAY_DEFAULTS.messageBurst),
  maxViolations: int(1, 10_000).default(RELAY_DEFAULTS.maxViolations),
  desktopQueueLimit: int(100, 10_000_000).default(RELAY_DEFAULTS.desktopQueueLimit),
  /**
   * The address people and jobs reach this relay at (behind a proxy or a domain): links in alerts,
   * heartbeat URLs and status page addresses are built from it. Absent: the listening address.
   */
  publicUrl: z
    .url({ protocol: /^https?$/, error: 'must be an http:// or https:// URL' })
    .max(2000)
    .refine((url) => !/[?#]/.test(url), 'must not have a query or fragment')
    .transform((url) => url.replace(/\/+$/, ''))
    .optional(),
  /**
   * Behind a reverse proxy: take the client address and protocol from X-Forwarded-For/-Proto, so
   * per-client limits of public pages count visitors, not the proxy. A flag without a value is true.
   */
  trustProxy: z
    .union([z.boolean(), z.stringbool({ error: 'must be true or false' })])
    .default(RELAY_DEFAULTS.trustProxy),
});

/** Validated, defaulted relay settings. */
export type RelayConfig = Readonly<z.output<typeof RelayConfigSchema>>;
/** Relay settings as a caller writes them (the desktop embedding the relay, a config file); defaults may be left out. */
export type RelayConfigInput = z.input<typeof RelayConfigSchema>;
/** The name of one relay setting. */
export type RelaySettingKey = keyof z.output<typeof RelayConfigSchema>;

/** The traffic limits of a validated config, in the shape the hub reads. */
export function limitsOf(config: RelayConfig): RelayLimits {
  return Object.freeze({
    maxFrameBytes: config.maxFrameBytes,
    messagesPerSecond: config.messagesPerSecond,
    messageBurst: config.messageBurst,
    maxViolations: config.maxViolations,
    desktopQueueLimit: config.desktopQueueLimit,
  });
}
