/**
 * Stops one check attempt, once, with the plain-words reason its result reports (`timeout
 * after 5 s`, `check cancelled`). A plain object rather than an AbortSignal because creating a
 * signal per check and listening to it cost ~15 % of a plain HTTP check's CPU (measured in
 * probe/bench/http-check.bench.ts).
 */
export class CheckStop {
  #reason: string | undefined;
  #listeners: Array<(reason: string) => void> = [];

  /** Why the attempt was stopped; undefined while it may run on. */
  get reason(): string | undefined {
    return this.#reason;
  }

  /** Stops the attempt; later calls are ignored. */
  stop(reason: string): void {
    if (this.#reason !== undefined) return;
    this.#reason = reason;
    const listeners = this.#listeners;
    this.#listeners = [];
    for (const listener of listeners) listener(reason);
  }

  /** Calls `listener` when stopped (at once if already stopped); returns its removal. */
  onStop(listener: (reason: string) => void): () => void {
    if (this.#reason !== undefined) {
      listener(this.#reason);
      return () => {};
    }
    this.#listeners.push(listener);
    return () => {
      const at = this.#listeners.indexOf(listener);
      if (at >= 0) this.#listeners.splice(at, 1);
    };
  }
}

/** Formats seconds for messages: `5 s`, `0.25 s`. */
export function formatSeconds(seconds: number): string {
  return `${Number(seconds.toFixed(3))} s`;
}
