/** Reconnect timing. */
export interface BackoffOptions {
  /** First delay after a lost or failed connection (default 1 s). */
  initialMs: number;
  /** Longest delay (default 30 s). */
  maxMs: number;
  /** Delay after the relay refused the token: a fixed, slow retry, since only a settings change or the relay's admin can fix it (default 60 s). */
  unauthorizedMs: number;
}

/** The defaults: 1 s doubling to 30 s, and a minute between attempts with a refused token. */
export const DEFAULT_BACKOFF: BackoffOptions = Object.freeze({
  initialMs: 1000,
  maxMs: 30_000,
  unauthorizedMs: 60_000,
});

/**
 * Delay before reconnect attempt `attempt` (1 for the first retry): the doubling step with "equal
 * jitter" (half fixed, half random), so desktops cut off by one relay restart do not all come back
 * in the same instant, yet none retries at once.
 */
export function reconnectDelay(attempt: number, options: BackoffOptions, random: () => number): number {
  const step = Math.min(options.maxMs, options.initialMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(step / 2 + random() * (step / 2));
}
