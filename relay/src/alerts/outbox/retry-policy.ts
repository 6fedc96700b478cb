/** How the outbox retries a message that failed for a reason that may pass. */
export interface RetryPolicy {
  /** Delay before the second attempt; each later one doubles it (milliseconds). */
  baseDelayMs: number;
  /** The longest delay between two attempts. */
  maxDelayMs: number;
  /** Attempts after which a message is marked `failed`. */
  maxAttempts: number;
}

/** 5 s, 10 s, 20 s … capped at 10 min, 8 attempts: about 20 minutes of trying before `failed`. */
export const DEFAULT_RETRY_POLICY: RetryPolicy = Object.freeze({
  baseDelayMs: 5_000,
  maxDelayMs: 600_000,
  maxAttempts: 8,
});

/**
 * When to try again after the `attempts`-th failure, or null to give up: permanent failures and
 * the last allowed attempt stop at once. A provider's Retry-After is honoured even above the cap,
 * since sending earlier only earns another 429.
 */
export function nextAttemptDelay(
  policy: RetryPolicy,
  attempts: number,
  failure: { permanent: boolean; retryAfterMs?: number },
): number | null {
  if (failure.permanent || attempts >= policy.maxAttempts) return null;
  const backoff = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempts - 1));
  return Math.max(backoff, failure.retryAfterMs ?? 0);
}
