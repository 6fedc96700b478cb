/** Reconnect timing: exponential from `baseMs`, capped at `capMs`. */
export interface BackoffPolicy {
  baseMs: number;
  capMs: number;
}

/** Defaults: 0.5 s doubling to 30 s. */
export const DEFAULT_BACKOFF: BackoffPolicy = { baseMs: 500, capMs: 30_000 };

/**
 * Delay before reconnect attempt `attempt` (1 for the first retry): the exponential step with
 * "equal jitter", half fixed and half random, so a fleet of probes cut off by one relay restart
 * does not reconnect in lockstep yet none retries instantly.
 */
export function backoffDelay(
  attempt: number,
  policy: BackoffPolicy,
  random: () => number = Math.random,
): number {
  const step = Math.min(policy.capMs, policy.baseMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(step / 2 + random() * (step / 2));
}
