import { z } from 'zod';
import { parseCondition } from '../conditions/parse-condition.js';
import { ProbeId, RegionName } from '../results/check-result.js';
import { parseDuration } from '../units/duration.js';
import { MONITOR_DEFAULTS as D, MONITOR_LIMITS as L } from './monitor-defaults.js';

/** A span in seconds, written as a number of seconds or as duration text (`30s`, `5m`, `1h`). */
function seconds(min: number, max: number) {
  return z
    .union([z.number(), z.string()])
    .transform((value, ctx) => {
      if (typeof value === 'number') return value;
      const parsed = parseDuration(value);
      if (!parsed.ok) {
        ctx.addIssue({ code: 'custom', message: parsed.error });
        return z.NEVER;
      }
      return parsed.value / 1000;
    })
    .pipe(z.number().min(min, `must be at least ${min} s`).max(max, `must be at most ${max} s`));
}

/** A condition in its text form; validated by parsing it. */
const ConditionText = z
  .string()
  .max(2000)
  .superRefine((text, ctx) => {
    const parsed = parseCondition(text);
    if (!parsed.ok) ctx.addIssue({ code: 'custom', message: parsed.error.message });
  });

/** Monitor ids: stable, URL-safe, chosen by the desktop. */
export const MonitorId = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/, 'must be 1-64 letters, digits, "_" or "-"');

/** How many fresh regions must agree before a monitor is down. */
export const Quorum = z.union([
  z.enum(['majority', 'all', 'any']),
  z.number().int().min(1, 'must be at least 1 region').max(100),
]);

/** Optional extra rule: a region is down after `failures` failures within `minutes`, consecutive or not. */
export const FailureWindow = z.object({
  failures: z.number().int().min(1).max(1000),
  minutes: z.number().min(1).max(1440),
});

/** Where a monitor runs: every region, or the named ones. */
export const MonitorRegions = z.union([
  z.literal('all'),
  z.array(RegionName).min(1, 'must name at least one region'),
]);

const HeaderName = z.string().regex(/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/, 'is not a valid HTTP header name');

/** Fields every monitor type has. */
const common = {
  id: MonitorId,
  name: z.string().trim().min(1, 'must not be empty').max(200),
  description: z.string().max(2000).optional(),
  group: z.string().trim().min(1).max(100).optional(),
  tags: z.array(z.string().trim().min(1).max(50)).max(L.maxTags).default([]),
  interval: seconds(L.minIntervalS, L.maxIntervalS).default(D.intervalS),
  timeout: seconds(0.1, L.maxTimeoutS).default(D.timeoutS),
  regions: MonitorRegions.default(D.regions),
  confirmation: z.number().int().min(1).max(L.maxConfirmation).default(D.confirmation),
  recovery: z.number().int().min(1).max(L.maxConfirmation).default(D.recovery),
  quorum: Quorum.default(D.quorum),
  failureWindow: FailureWindow.optional(),
  /** Response time above which a check is degraded. */
  degradedAboveMs: z.number().positive().max(600_000).optional(),
  /** Response time above which a check is down. */
  downAboveMs: z.number().positive().max(600_000).optional(),
  conditions: z.array(ConditionText).max(L.maxConditions).default([]),
  retries: z.number().int().min(0).max(L.maxRetries).default(D.retries),
  retryDelayMs: z.number().int().min(0).max(60_000).default(D.retryDelayMs),
  paused: z.boolean().default(false),
  /** The monitor this one depends on: while the parent is down, this one is dependency-down. */
  parent: MonitorId.optional(),
};

const HttpAuth = z.discriminatedUnion('type', [
  z.object({ type: z.literal('basic'), username: z.string().min(1), password: z.string() }),
  z.object({ type: z.literal('bearer'), token: z.string().min(1) }),
]);

/** An HTTP(S) request and what its response must look like. */
export const HttpMonitor = z.object({
  ...common,
  type: z.literal('http'),
  url: z.url({ protocol: /^https?$/, error: 'must be an http:// or https:// URL' }).max(4000),
  method: z.enum(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']).default(D.httpMethod),
  headers: z.record(HeaderName, z.string().max(8000)).default({}),
  body: z.string().max(L.maxHttpBodyBytes).optional(),
  auth: HttpAuth.optional(),
  maxRedirects: z.number().int().min(0).max(L.maxRedirects).default(D.maxRedirects),
  verifyTls: z.boolean().default(D.verifyTls),
  /** Statuses that count as up, in the condition value form: `200..299`, `[200..299, 304]`. */
  expectedStatus: z.string().max(200).default(D.expectedStatus),
  /** For HTTPS: days before certificate expiry at which the monitor turns degraded; 0 turns it off. */
  certMinDays: z.number().int().min(0).max(365).default(D.certMinDays),
});

/** A TCP connect, optionally with a TLS handshake. */
export const TcpMonitor = z.object({
  ...common,
  type: z.literal('tcp'),
  host: z.string().trim().min(1).max(253),
  port: z.number().int().min(1).max(65535),
  tls: z.boolean().default(false),
  verifyTls: z.boolean().default(D.verifyTls),
});

/** A DNS lookup of one record type, optionally against a chosen resolver. */
export const DnsMonitor = z.object({
  ...common,
  type: z.literal('dns'),
  /** The name to look up. */
  hostname: z.string().trim().min(1).max(253),
  recordType: z.enum(['A', 'AAAA', 'CNAME', 'MX', 'TXT', 'NS']).default(D.dnsRecordType),
  /** `ip` or `ip:port`; the system resolver when absent. */
  resolver: z
    .string()
    .regex(
      /^(\d{1,3}(\.\d{1,3}){3}|\[[0-9a-fA-F:]+\]|[0-9a-fA-F:]+)(:\d{1,5})?$/,
      'must be an IP address, optionally with :port',
    )
    .optional(),
  /** Answers that must all be present. */
  expectedAnswers: z.array(z.string().min(1).max(500)).max(50).default([]),
});

/** A TLS handshake whose certificate is checked for expiry, hostname and chain. */
export const TlsMonitor = z.object({
  ...common,
  type: z.literal('tls'),
  host: z.string().trim().min(1).max(253),
  port: z.number().int().min(1).max(65535).default(D.tlsPort),
  servername: z.string().max(253).optional(),
  verifyTls: z.boolean().default(D.verifyTls),
  /** Days before expiry at which the monitor turns degraded. */
  certMinDays: z.number().int().min(0).max(365).default(D.certMinDays),
});

/** A push monitor: the relay hosts a URL that the job calls on schedule. */
export const HeartbeatMonitor = z.object({
  ...common,
  type: z.literal('heartbeat'),
  /** Expected seconds between pings; either this or `cron`. */
  period: seconds(1, 366 * 86_400).optional(),
  /** Cron expression of expected pings; either this or `period`. */
  cron: z.string().max(200).optional(),
  timezone: z.string().max(100).default(D.heartbeatTimezone),
  grace: seconds(0, 7 * 86_400).default(D.heartbeatGraceS),
});

/** A real browser loads the page, optionally runs scripted steps, and collects web vitals. */
export const BrowserMonitor = z.object({
  ...common,
  type: z.literal('browser'),
  url: z.url({ protocol: /^https?$/, error: 'must be an http:// or https:// URL' }).max(4000),
  waitUntil: z.enum(['load', 'domcontentloaded', 'networkidle']).default(D.browserWaitUntil),
  /** Playwright steps as script text, run against `page`. */
  steps: z.string().max(100_000).optional(),
  viewport: z
    .object({ width: z.number().int().min(200).max(4000), height: z.number().int().min(200).max(4000) })
    .optional(),
  screenshotOnFailure: z.boolean().default(true),
});

/** The monitor types, one schema each; `type` picks the schema. */
export const MONITOR_TYPES = ['http', 'tcp', 'dns', 'tls', 'heartbeat', 'browser'] as const;

/** Any monitor, as stored and sent on the wire (defaults filled in). */
export const MonitorSchema = z.discriminatedUnion('type', [
  HttpMonitor,
  TcpMonitor,
  DnsMonitor,
  TlsMonitor,
  HeartbeatMonitor,
  BrowserMonitor,
]);

/** A validated monitor with every default filled in. */
export type Monitor = z.output<typeof MonitorSchema>;
/** A monitor as a user writes it: defaults may be left out, spans may be duration text. */
export type MonitorInput = z.input<typeof MonitorSchema>;
/** One monitor type name. */
export type MonitorType = Monitor['type'];
/** The monitor of one type. */
export type MonitorOf<T extends MonitorType> = Extract<Monitor, { type: T }>;

export { ProbeId, RegionName };
