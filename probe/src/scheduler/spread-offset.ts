/** FNV-1a, 32 bit: cheap, stable across runs and platforms, and spreads similar ids well. */
export function hashId(id: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) {
    hash ^= id.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/**
 * The first due time at or after `now` for a monitor on `intervalMs`. Each monitor runs at a fixed
 * phase within its interval, taken from a hash of its id, so 10,000 monitors on one interval
 * spread evenly instead of firing together, and a restart keeps every monitor on its old beat.
 */
export function nextDueAt(monitorId: string, intervalMs: number, now: number): number {
  const phase = hashId(monitorId) % intervalMs;
  const cycles = Math.ceil((now - phase) / intervalMs);
  return phase + cycles * intervalMs;
}
