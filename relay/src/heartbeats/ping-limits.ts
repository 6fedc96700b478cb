import { TokenBucket } from '../hub/token-bucket.js';

/** Ping budgets: per heartbeat URL, and per client address for URLs that do not exist. */
export interface PingRateOptions {
  /** Pings per second one heartbeat URL may take on average (default 50). */
  perTokenPerSecond: number;
  /** Pings one heartbeat URL may take in a burst (default 500). */
  perTokenBurst: number;
  /** Requests per second one address may make with unknown tokens (default 5; guessing is pointless, but costs). */
  unknownPerSecond: number;
  /** Unknown-token requests one address may make in a burst (default 20). */
  unknownBurst: number;
}

/** The defaults: far above any cron job, far below what would hurt the relay. */
export const PING_RATE_DEFAULTS: PingRateOptions = {
  perTokenPerSecond: 50,
  perTokenBurst: 500,
  unknownPerSecond: 5,
  unknownBurst: 20,
};

/** Buckets beyond this many are dropped wholesale (a client spraying addresses resets, nothing grows). */
const MAX_BUCKETS = 50_000;

/** Token buckets for the ping routes. */
export class PingLimits {
  readonly #byToken = new Map<string, TokenBucket>();
  readonly #byAddress = new Map<string, TokenBucket>();

  constructor(
    private readonly options: PingRateOptions,
    private readonly now: () => number,
  ) {}

  /** Spends one ping of a heartbeat URL's budget. */
  takeToken(token: string): boolean {
    return this.#take(this.#byToken, token, this.options.perTokenPerSecond, this.options.perTokenBurst);
  }

  /** Spends one unknown-token request of an address's budget. */
  takeUnknown(address: string): boolean {
    return this.#take(this.#byAddress, address, this.options.unknownPerSecond, this.options.unknownBurst);
  }

  #take(map: Map<string, TokenBucket>, key: string, rate: number, burst: number): boolean {
    let bucket = map.get(key);
    if (bucket === undefined) {
      if (map.size >= MAX_BUCKETS) map.clear();
      bucket = new TokenBucket(rate, burst, this.now);
      map.set(key, bucket);
    }
    return bucket.take();
  }
}
