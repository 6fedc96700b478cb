/** How fast frames may go out: the relay's per-connection rate limit, with room to spare. */
export interface SendRate {
  perSecond: number;
  burst: number;
}

/**
 * Below the relay's default limit (50 per second, bursts of 200): a frame over the limit is refused
 * and counted as a violation, and enough of those close the connection.
 */
export const DEFAULT_SEND_RATE: SendRate = Object.freeze({ perSecond: 40, burst: 150 });

/**
 * A token bucket in front of the socket: frames go out at once while the bucket has tokens and
 * queue in order otherwise, so a burst of requests (pushing a thousand monitors to a new relay)
 * is paced instead of refused.
 */
export class SendPacer {
  readonly #queue: string[] = [];
  #tokens: number;
  #last: number;
  #timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly rate: SendRate,
    private readonly write: (text: string) => void,
    private readonly now: () => number = () => performance.now(),
  ) {
    this.#tokens = rate.burst;
    this.#last = now();
  }

  /** Frames waiting for a token. */
  get queued(): number {
    return this.#queue.length;
  }

  /** Sends now, or as soon as the rate allows. */
  push(text: string): void {
    this.#queue.push(text);
    this.#drain();
  }

  /** Drops every queued frame (the socket closed). */
  clear(): void {
    this.#queue.length = 0;
    clearTimeout(this.#timer);
    this.#timer = undefined;
  }

  #drain(): void {
    const now = this.now();
    this.#tokens = Math.min(
      this.rate.burst,
      this.#tokens + ((now - this.#last) / 1000) * this.rate.perSecond,
    );
    this.#last = now;
    while (this.#queue.length > 0 && this.#tokens >= 1) {
      this.#tokens -= 1;
      this.write(this.#queue.shift()!);
    }
    if (this.#queue.length > 0 && this.#timer === undefined) {
      const waitMs = Math.ceil(((1 - this.#tokens) / this.rate.perSecond) * 1000);
      this.#timer = setTimeout(() => {
        this.#timer = undefined;
        this.#drain();
      }, waitMs);
    }
  }
}
