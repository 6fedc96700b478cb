/** The timer functions a coalescer uses; tests pass a manual one. */
export interface CoalescerTimers {
  now(): number;
  setTimeout(run: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

/** The real clock and timers. */
export const SYSTEM_TIMERS: CoalescerTimers = {
  now: () => Date.now(),
  setTimeout: (run, ms) => {
    const timer = setTimeout(run, ms);
    // A pending burst must not keep a stopping process alive.
    timer.unref();
    return timer;
  },
  clearTimeout: (handle) => clearTimeout(handle as NodeJS.Timeout),
};

/** How a coalescer batches. */
export interface CoalescerOptions<T> {
  /** At most one flush per this many ms. */
  windowMs: number;
  /** Receives the batch, in the order items were first added. */
  flush(items: T[]): void;
  /** Keep each item once per batch (monitor ids); otherwise every item is kept (checks). */
  distinct?: boolean;
  /** Keep only the newest this many items of a batch. */
  maxItems?: number;
  timers?: CoalescerTimers;
}

/**
 * Turns bursts into at most one batch per window. The first item after a quiet window is sent on
 * the next turn of the event loop (so a synchronous burst is one batch); later ones wait for the
 * window since the last flush to pass.
 */
export class EventCoalescer<T> {
  #items: T[] = [];
  readonly #seen = new Set<T>();
  #timer: unknown = undefined;
  #lastFlush = Number.NEGATIVE_INFINITY;
  readonly #timers: CoalescerTimers;

  constructor(private readonly options: CoalescerOptions<T>) {
    this.#timers = options.timers ?? SYSTEM_TIMERS;
  }

  /** Adds items to the current batch, scheduling its flush. */
  add(items: Iterable<T>): void {
    for (const item of items) {
      if (this.options.distinct) {
        if (this.#seen.has(item)) continue;
        this.#seen.add(item);
      }
      this.#items.push(item);
    }
    const max = this.options.maxItems;
    if (max !== undefined && this.#items.length > max) this.#items.splice(0, this.#items.length - max);
    if (this.#items.length === 0 || this.#timer !== undefined) return;
    const wait = Math.max(0, this.#lastFlush + this.options.windowMs - this.#timers.now());
    this.#timer = this.#timers.setTimeout(() => this.#flush(), wait);
  }

  /** Drops items from the pending batch (a monitor deleted before its change was sent). */
  remove(predicate: (item: T) => boolean): void {
    this.#items = this.#items.filter((item) => {
      if (!predicate(item)) return true;
      this.#seen.delete(item);
      return false;
    });
  }

  /** Cancels the pending flush and forgets its items. */
  stop(): void {
    if (this.#timer !== undefined) this.#timers.clearTimeout(this.#timer);
    this.#timer = undefined;
    this.#items = [];
    this.#seen.clear();
  }

  #flush(): void {
    this.#timer = undefined;
    const items = this.#items;
    this.#items = [];
    this.#seen.clear();
    if (items.length === 0) return;
    this.#lastFlush = this.#timers.now();
    this.options.flush(items);
  }
}
