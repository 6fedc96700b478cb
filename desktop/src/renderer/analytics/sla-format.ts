import { formatSpan } from '../format/format.js';

/** A duration in seconds for reports: `0 s`, `45 s`, `12 min`, `2 h 13 min`; `—` when unknown. */
export function formatDuration(seconds: number | null | undefined): string {
  if (seconds === null || seconds === undefined || !Number.isFinite(seconds)) return '—';
  return formatSpan(seconds * 1000);
}

/** A range as a report's subtitle shows it, in UTC days: `Jun 1 – Jun 30, 2025`. */
export function formatRange(from: number, to: number): string {
  const day = new Intl.DateTimeFormat(undefined, { month: 'short', day: 'numeric', timeZone: 'UTC' });
  const year = new Intl.DateTimeFormat(undefined, { year: 'numeric', timeZone: 'UTC' });
  const last = to - 1;
  return `${day.format(from)} – ${day.format(last)}, ${year.format(last)}`;
}

/** The tone of an uptime against a target: met, missed by a little (within 10× the allowance), or missed. */
export function uptimeTone(uptime: number | null, target: number): 'up' | 'degraded' | 'down' | 'none' {
  if (uptime === null) return 'none';
  if (uptime >= target) return 'up';
  return 1 - uptime <= (1 - target) * 10 ? 'degraded' : 'down';
}
