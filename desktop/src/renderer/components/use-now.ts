import { useSyncExternalStore } from 'react';

// One shared clock for every "5 min ago" on screen, ticking every few seconds: a page of relative
// times re-renders together instead of each running its own timer.
const TICK_MS = 5000;
const listeners = new Set<() => void>();
let now = Date.now();
let timer: ReturnType<typeof setInterval> | null = null;

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  timer ??= setInterval(() => {
    now = Date.now();
    for (const notify of listeners) notify();
  }, TICK_MS);
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0 && timer !== null) {
      clearInterval(timer);
      timer = null;
    }
  };
}

/** The current time, updated every few seconds while any component shows it. */
export function useNow(): number {
  return useSyncExternalStore(subscribe, () => now);
}
