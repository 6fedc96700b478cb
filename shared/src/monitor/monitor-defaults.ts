/**
 * Every default of the monitor model, in one place. The schema fills these in, the README's
 * table lists them, and the editor shows them as placeholders.
 */
export const MONITOR_DEFAULTS = {
  /** Seconds between checks. */
  intervalS: 60,
  /** Seconds a check may take before it fails with a timeout. */
  timeoutS: 10,
  /** Consecutive failures in a region before that region counts as down. */
  confirmation: 2,
  /** Consecutive successes in a down region before it counts as up again. */
  recovery: 2,
  /** How many fresh regions must agree before the monitor is down. */
  quorum: 'majority',
  /** Regions that run the monitor. */
  regions: 'all',
  /** In-check retries from the same probe before a failure is reported. */
  retries: 0,
  /** Milliseconds between in-check retries. */
  retryDelayMs: 1000,
  /** HTTP method. */
  httpMethod: 'GET',
  /** HTTP statuses that count as up. */
  expectedStatus: '200..299',
  /** Redirects an HTTP check follows. */
  maxRedirects: 5,
  /** Whether TLS certificates are verified. */
  verifyTls: true,
  /** Days before certificate expiry at which an HTTPS or TLS monitor turns degraded. */
  certMinDays: 14,
  /** DNS record type. */
  dnsRecordType: 'A',
  /** Port of a TLS certificate check. */
  tlsPort: 443,
  /** Seconds of grace after a heartbeat is due before it is late-then-down. */
  heartbeatGraceS: 300,
  /** Time zone of heartbeat cron schedules. */
  heartbeatTimezone: 'UTC',
  /** Browser check navigation wait condition. */
  browserWaitUntil: 'load',
} as const;

/** Limits of the monitor model. */
export const MONITOR_LIMITS = {
  minIntervalS: 1,
  maxIntervalS: 86_400,
  maxTimeoutS: 120,
  maxConfirmation: 50,
  maxRetries: 5,
  maxRedirects: 20,
  maxConditions: 50,
  maxHttpBodyBytes: 1_000_000,
  maxTags: 50,
} as const;
