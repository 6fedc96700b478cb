/** The last N lateness samples, for the p99 a probe reports in `probe.health`. */
export class LatenessWindow {
  readonly #samples: Float64Array;
  #count = 0;
  #next = 0;

  constructor(capacity = 2048) {
    this.#samples = new Float64Array(capacity);
  }

  /** Records one sample in milliseconds, replacing the oldest once full. */
  record(ms: number): void {
    this.#samples[this.#next] = ms;
    this.#next = (this.#next + 1) % this.#samples.length;
    this.#count = Math.min(this.#count + 1, this.#samples.length);
  }

  /** The q-quantile (0..1) of the recorded samples, or undefined when there are none. */
  quantile(q: number): number | undefined {
    if (this.#count === 0) return undefined;
    const sorted = this.#samples.slice(0, this.#count).sort();
    return sorted[Math.min(this.#count - 1, Math.floor(q * this.#count))];
  }
}
