import type { CoalescerTimers } from '../event-coalescer.js';

/** Timers driven by hand: `advance(ms)` moves the clock and runs what came due, in order. */
export class ManualTimers implements CoalescerTimers {
  #now: number;
  #next = 1;
  readonly #pending = new Map<number, { at: number; run: () => void }>();

  constructor(start = 1_000_000) {
    this.#now = start;
  }

  now(): number {
    return this.#now;
  }

  setTimeout(run: () => void, ms: number): unknown {
    const id = this.#next++;
    this.#pending.set(id, { at: this.#now + ms, run });
    return id;
  }

  clearTimeout(handle: unknown): void {
    this.#pending.delete(handle as number);
  }

  /** How many timers wait. */
  get pending(): number {
    return this.#pending.size;
  }

  /** Moves the clock by `ms`, running every timer that falls due on the way. */
  advance(ms: number): void {
    const end = this.#now + ms;
    for (;;) {
      const due = [...this.#pending.entries()]
        .filter(([, t]) => t.at <= end)
        .sort((a, b) => a[1].at - b[1].at || a[0] - b[0])[0];
      if (due === undefined) break;
      this.#pending.delete(due[0]);
      this.#now = Math.max(this.#now, due[1].at);
      due[1].run();
    }
    this.#now = end;
  }
}
