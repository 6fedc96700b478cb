/**
 * A token bucket: `burst` tokens to start with, refilled at `ratePerSecond`. Frames spend one
 * token each; an empty bucket means the sender is over its rate.
 */
export class TokenBucket {
  #tokens: number;
  #updatedAt: number;

  constructor(
    private readonly ratePerSecond: number,
    private readonly burst: number,
    private readonly now: () => number,
  ) {
    this.#tokens = burst;
    this.#updatedAt = now();
  }

  /** Spends one token if there is one. */
  take(): boolean {
    const now = this.now();
    const elapsed = Math.max(0, now - this.#updatedAt) / 1000;
    this.#updatedAt = now;
    this.#tokens = Math.min(this.burst, this.#tokens + elapsed * this.ratePerSecond);
    if (this.#tokens < 1) return false;
    this.#tokens -= 1;
    return true;
  }
}
