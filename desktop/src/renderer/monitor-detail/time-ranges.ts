/** The ranges the detail page offers. */
export const RANGE_KEYS = ['1h', '24h', '7d', '30d', '90d'] as const;
/** One range of the detail page. */
export type RangeKey = (typeof RANGE_KEYS)[number];

const HOUR = 3_600_000;
const RANGE_MS: Record<RangeKey, number> = {
  '1h': HOUR,
  '24h': 24 * HOUR,
  '7d': 7 * 24 * HOUR,
  '30d': 30 * 24 * HOUR,
  '90d': 90 * 24 * HOUR,
};

/** How long a range is, in ms. */
export function rangeMs(range: RangeKey): number {
  return RANGE_MS[range];
}

/** The [from, to) window of a range ending now; `to` is rounded up to the next minute so repeated calls agree. */
export function rangeWindow(range: RangeKey, now: number): { from: number; to: number } {
  const to = Math.ceil((now + 1) / 60_000) * 60_000;
  return { from: to - RANGE_MS[range], to };
}

/** Whether a string is a range key (for persisted choices). */
export function isRangeKey(value: unknown): value is RangeKey {
  return typeof value === 'string' && (RANGE_KEYS as readonly string[]).includes(value);
}
