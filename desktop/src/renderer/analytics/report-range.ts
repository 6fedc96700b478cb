/** The ranges a report offers: the last 1, 7, 30 or 90 days, or dates picked by hand. */
export type RangePreset = '1d' | '7d' | '30d' | '90d' | 'custom';

/** What the user chose: a preset, or two calendar days (inclusive, `YYYY-MM-DD`, UTC). */
export interface RangeChoice {
  preset: RangePreset;
  /** The first day of a custom range. */
  fromDay: string;
  /** The last day of a custom range, included. */
  toDay: string;
}

/** The presets in the order the picker shows them. */
export const RANGE_PRESETS: readonly {
  value: Exclude<RangePreset, 'custom'>;
  label: string;
  days: number;
}[] = [
  { value: '1d', label: '24 h', days: 1 },
  { value: '7d', label: '7 days', days: 7 },
  { value: '30d', label: '30 days', days: 30 },
  { value: '90d', label: '90 days', days: 90 },
];

const DAY = 86_400_000;
const DAY_TEXT = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A `YYYY-MM-DD` day's UTC midnight, or null when the text is not a real day. */
export function parseDay(text: string): number | null {
  const match = DAY_TEXT.exec(text);
  if (match === null) return null;
  const ts = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
  return new Date(ts).toISOString().slice(0, 10) === text ? ts : null;
}

/** The `YYYY-MM-DD` (UTC) of a moment. */
export function dayOf(ts: number): string {
  return new Date(ts).toISOString().slice(0, 10);
}

/** The default choice: the last 30 days, with a custom range prefilled to the same days. */
export function defaultRangeChoice(now: number): RangeChoice {
  return { preset: '30d', fromDay: dayOf(now - 30 * DAY), toDay: dayOf(now) };
}

/**
 * The [from, to) a choice stands for at `now`: a preset ends now; a custom range runs from its
 * first day's midnight to the midnight after its last day (UTC). Null, with a reason, when the
 * custom days do not make a range.
 */
export function rangeOf(
  choice: RangeChoice,
  now: number,
): { ok: true; from: number; to: number } | { ok: false; reason: string } {
  if (choice.preset !== 'custom') {
    const days = RANGE_PRESETS.find((p) => p.value === choice.preset)?.days ?? 30;
    return { ok: true, from: now - days * DAY, to: now };
  }
  const from = parseDay(choice.fromDay);
  const last = parseDay(choice.toDay);
  if (from === null) return { ok: false, reason: 'The start date is not a date' };
  if (last === null) return { ok: false, reason: 'The end date is not a date' };
  if (last < from) return { ok: false, reason: 'The end date is before the start date' };
  if (last + DAY - from > 366 * DAY) return { ok: false, reason: 'A report covers a year at most' };
  return { ok: true, from, to: last + DAY };
}
