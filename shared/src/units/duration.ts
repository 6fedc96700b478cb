import { err, ok, type Result } from '../result.js';

const UNIT_MS = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 } as const;
/** Units accepted in duration text: milliseconds, seconds, minutes, hours, days, weeks. */
export type DurationUnit = keyof typeof UNIT_MS;

const DURATION_RE = /^(\d+(?:\.\d+)?)(ms|s|m|h|d|w)$/;

/** Parses `500ms`, `30s`, `5m`, `1.5h`, `14d`, `2w` into milliseconds. */
export function parseDuration(text: string): Result<number, string> {
  const match = DURATION_RE.exec(text.trim());
  if (!match) return err(`"${text}" is not a duration (use a number with ms, s, m, h, d or w, e.g. 30s)`);
  const value = Number(match[1]);
  return ok(Math.round(value * UNIT_MS[match[2] as DurationUnit]));
}

/** Milliseconds in one unit. */
export function unitMs(unit: DurationUnit): number {
  return UNIT_MS[unit];
}

/** Formats milliseconds with the largest unit that divides it exactly: 1209600000 → `14d`. */
export function formatDuration(ms: number): string {
  if (ms === 0) return '0s';
  for (const unit of ['w', 'd', 'h', 'm', 's'] as const) {
    if (ms % UNIT_MS[unit] === 0) return `${ms / UNIT_MS[unit]}${unit}`;
  }
  return `${ms}ms`;
}

/** Formats milliseconds for people: `3 days`, `5 minutes`, `1.2 s`, `340 ms`. */
export function humanizeDuration(ms: number): string {
  const abs = Math.abs(ms);
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  if (abs >= UNIT_MS.d) return plural(Math.floor(abs / UNIT_MS.d), 'day');
  if (abs >= UNIT_MS.h) return plural(Math.floor(abs / UNIT_MS.h), 'hour');
  if (abs >= UNIT_MS.m) return plural(Math.floor(abs / UNIT_MS.m), 'minute');
  if (abs >= UNIT_MS.s) return `${(abs / UNIT_MS.s).toFixed(abs < 10_000 ? 1 : 0)} s`;
  return `${Math.round(abs)} ms`;
}
