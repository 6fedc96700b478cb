/** An opaque handle of a timer set through a {@link Clock}. */
export type TimerHandle = unknown;

/** Time and timers, injected so the scheduler can run on a fake clock in tests. */
export interface Clock {
  /** Epoch milliseconds, fractional where the platform allows. */
  now(): number;
  /** Calls `fn` once after `delayMs`. */
  setTimer(fn: () => void, delayMs: number): TimerHandle;
  /** Cancels a timer; unknown or fired handles are ignored. */
  clearTimer(handle: TimerHandle): void;
}

/** The real clock: sub-millisecond epoch time and Node timers. */
export const systemClock: Clock = {
  // performance.now() is monotonic within a run and sub-millisecond, so lateness below 1 ms is visible.
  now: () => performance.timeOrigin + performance.now(),
  setTimer: (fn, delayMs) => setTimeout(fn, Math.max(0, delayMs)),
  clearTimer: (handle) => clearTimeout(handle as NodeJS.Timeout),
};
