import { isIP } from 'node:net';
import { homedir, hostname } from 'node:os';
import { resolve } from 'node:path';
import { ProbeId, RegionName } from '@vantage/shared';
import { z } from 'zod';

/** Defaults of every probe setting, in one place; `--help` and the README show them. */
export const PROBE_DEFAULTS = {
  /** Checks running at once across all monitors. */
  concurrency: 64,
  /** Checks running at once against one target host. */
  perHost: 4,
  /** Where the spool and the probe id live. */
  dataDir: resolve(homedir(), '.vantage-probe'),
  /** Interface the metrics server listens on when a metrics port is set. */
  metricsHost: '127.0.0.1',
  /** Seconds between two rounds of canary checks. */
  canaryInterval: 10,
  /** Unacknowledged results kept on disk; past it the oldest are dropped and counted. */
  spoolMaxResults: 100_000,
  /** Megabytes of spool files kept on disk; past it the oldest segment is dropped and counted. */
  spoolMaxMb: 64,
  logLevel: 'info',
} as const;

/** A target checked to tell whether the probe itself can reach the network. */
const Canary = z.string().refine(isCanaryTarget, 'must be a URL (http, https, ws, wss, tcp) or host:port');

/** Whether text names a canary target: a URL with a host, or `host:port`. */
export function isCanaryTarget(text: string): boolean {
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(text)) {
    try {
      const url = new URL(text);
      return ['http:', 'https:', 'ws:', 'wss:', 'tcp:'].includes(url.protocol) && url.hostname !== '';
    } catch {
      return false;
    }
  }
  const match = /^(\[[0-9a-fA-F:]+\]|[^:\s/]+):(\d{1,5})$/.exec(text);
  return match !== null && Number(match[2]) >= 1 && Number(match[2]) <= 65535;
}

const int = (min: number, max: number) => z.coerce.number().int('must be a whole number').min(min).max(max);

/** The probe's settings after validation: one schema for flags, `VANTAGE_*` variables and the config file. */
export const ProbeConfigSchema = z.strictObject({
  /** The relay's WebSocket URL; a bare `ws://host:port` gets the relay's default path `/ws`. */
  relay: z.url({ protocol: /^wss?$/, error: 'must be a ws:// or wss:// URL' }).transform((url) => {
    const parsed = new URL(url);
    if (parsed.pathname === '/' || parsed.pathname === '') parsed.pathname = '/ws';
    return parsed.toString();
  }),
  token: z.string().min(1, 'must not be empty').max(4096),
  region: RegionName,
  name: z.string().trim().min(1).max(200).default(hostname()),
  /** Stable id of this probe; generated once and kept in the data dir when absent. */
  probeId: ProbeId.optional(),
  dataDir: z
    .string()
    .min(1)
    .default(PROBE_DEFAULTS.dataDir)
    .transform((dir) => resolve(dir)),
  concurrency: int(1, 10_000).default(PROBE_DEFAULTS.concurrency),
  perHost: int(1, 1000).default(PROBE_DEFAULTS.perHost),
  metricsPort: int(0, 65_535).optional(),
  metricsHost: z
    .string()
    .refine((h) => isIP(h) !== 0, 'must be an IP address')
    .default(PROBE_DEFAULTS.metricsHost),
  sourceAddress: z
    .string()
    .refine((a) => isIP(a) !== 0, 'must be an IP address')
    .optional(),
  canaries: z.array(Canary).max(20).default([]),
  canaryInterval: z.coerce.number().min(0.1).max(3600).default(PROBE_DEFAULTS.canaryInterval),
  spoolMaxResults: int(1, 10_000_000).default(PROBE_DEFAULTS.spoolMaxResults),
  spoolMaxMb: z.coerce.number().min(1).max(100_000).default(PROBE_DEFAULTS.spoolMaxMb),
  logLevel: z
    .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
    .default(PROBE_DEFAULTS.logLevel),
});

/** Validated, defaulted probe settings. */
export type ProbeConfig = Readonly<z.output<typeof ProbeConfigSchema>>;
/** Probe settings as a caller writes them; defaults may be left out. */
export type ProbeConfigInput = z.input<typeof ProbeConfigSchema>;
/** The name of one probe setting. */
export type ProbeSettingKey = keyof z.output<typeof ProbeConfigSchema>;
