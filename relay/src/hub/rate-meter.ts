/** Counts events per second over a sliding window of whole seconds. */
export class RateMeter {
  readonly #buckets: number[];
  #second = 0;
  #total = 0;

  constructor(
    private readonly now: () => number,
    private readonly windowSeconds = 10,
  ) {
    this.#buckets = new Array<number>(windowSeconds).fill(0);
  }

  /** Adds `count` events now. */
  add(count: number): void {
    this.#advance();
    this.#buckets[this.#second % this.windowSeconds]! += count;
    this.#total += count;
  }

  /** Events since creation. */
  get total(): number {
    return this.#total;
  }

  /** Mean events per second over the window's completed seconds. */
  perSecond(): number {
    this.#advance();
    let sum = 0;
    for (let i = 1; i < this.windowSeconds; i++)
      sum += this.#buckets[(this.#second - i + this.windowSeconds) % this.windowSeconds]!;
    return sum / (this.windowSeconds - 1);
  }

  #advance(): void {
    const second = Math.floor(this.now() / 1000);
    if (this.#second === 0) this.#second = second;
    const steps = Math.min(this.windowSeconds, second - this.#second);
    for (let i = 1; i <= steps; i++) this.#buckets[(this.#second + i) % this.windowSeconds] = 0;
    if (second > this.#second) this.#second = second;
  }
}
