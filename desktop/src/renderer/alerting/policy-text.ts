import type { AlertRule, EscalationPolicy, Weekday, WeeklyRange } from '@vantage/shared';
import type { MaintenanceView } from '../../contract/methods/alerting-methods.js';
import { formatDateTime, formatSpan, plural } from '../format/format.js';

/** The days of the week in calendar order, with their short names. */
export const WEEKDAYS: readonly { day: Weekday; short: string }[] = [
  { day: 'mon', short: 'Mon' },
  { day: 'tue', short: 'Tue' },
  { day: 'wed', short: 'Wed' },
  { day: 'thu', short: 'Thu' },
  { day: 'fri', short: 'Fri' },
  { day: 'sat', short: 'Sat' },
  { day: 'sun', short: 'Sun' },
];

/** Items typed as a list, split on commas and new lines (`db, api` → `['db', 'api']`). */
export function splitItems(text: string): string[] {
  return text
    .split(/[\n,]+/)
    .map((item) => item.trim())
    .filter((item) => item !== '');
}

/** Whole numbers typed as a list; what is not a number stays as typed so the schema names it. */
export function splitNumbers(text: string): (number | string)[] {
  return splitItems(text).map((item) => (/^\d+$/.test(item) ? Number(item) : item));
}

/** Days as people write them: `Mon–Fri`, `Sat, Sun`, `Every day`. */
export function describeDays(days: readonly Weekday[]): string {
  const on = WEEKDAYS.map((w) => days.includes(w.day));
  if (on.every(Boolean)) return 'Every day';
  const runs: string[] = [];
  for (let i = 0; i < 7; i++) {
    if (!on[i]) continue;
    let end = i;
    while (end + 1 < 7 && on[end + 1]) end++;
    const from = WEEKDAYS[i]!.short;
    const to = WEEKDAYS[end]!.short;
    runs.push(end === i ? from : end === i + 1 ? `${from}, ${to}` : `${from}–${to}`);
    i = end;
  }
  return runs.join(', ');
}

/** A weekly range in one line: `Mon–Fri 09:00–18:00`. */
export function describeRange(range: WeeklyRange): string {
  return `${describeDays(range.days)} ${range.start}–${range.end}`;
}

/** Which monitors a rule or window covers, in words. */
export function describeTargets(
  target: { monitorIds: readonly string[]; tags: readonly string[] },
  monitorName: (id: string) => string,
): string {
  const parts: string[] = [];
  if (target.monitorIds.length > 0)
    parts.push(
      target.monitorIds.length <= 3
        ? target.monitorIds.map(monitorName).join(', ')
        : plural(target.monitorIds.length, 'monitor'),
    );
  if (target.tags.length > 0) parts.push(`tagged ${target.tags.map((tag) => `#${tag}`).join(', ')}`);
  return parts.length === 0 ? 'Every monitor' : parts.join(' · ');
}

/** The events a rule alerts on, as short labels. */
export function describeEvents(rule: AlertRule): string[] {
  const events: string[] = [];
  if (rule.on.down) events.push('Down');
  if (rule.on.degraded) events.push('Degraded');
  if (rule.on.recovered) events.push('Recovered');
  if (rule.on.certExpiry)
    events.push(`Certificate expiry (${[...rule.certExpiryDays].sort((a, b) => b - a).join(', ')} days)`);
  return events;
}

/** One escalation step in words: `At once` / `After 15 min`. */
export function describeDelay(minutes: number): string {
  return minutes === 0 ? 'At once' : `After ${formatSpan(minutes * 60_000)}`;
}

/** What happens after the last step of a policy, in words. */
export function describeRepeat(policy: EscalationPolicy): string {
  const parts: string[] = [];
  if (policy.repeat) parts.push('Repeats from the first step');
  if (policy.reminderEveryMinutes !== undefined)
    parts.push(`reminds every ${formatSpan(policy.reminderEveryMinutes * 60_000)} while unacknowledged`);
  if (policy.notifyResolve) parts.push('tells everyone notified when it resolves');
  const text = parts.join(', ');
  return text === '' ? 'No repeats or reminders' : text.charAt(0).toUpperCase() + text.slice(1);
}

/** Whether a window is in effect, coming or over, for its badge and line. */
export function maintenanceState(view: MaintenanceView): {
  tone: 'active' | 'scheduled' | 'over';
  text: string;
} {
  if (view.activeNow)
    return {
      tone: 'active',
      text:
        view.activeUntil === null ? 'In effect now' : `In effect until ${formatDateTime(view.activeUntil)}`,
    };
  if (view.nextStartsAt !== null)
    return { tone: 'scheduled', text: `Next ${formatDateTime(view.nextStartsAt)}` };
  return { tone: 'over', text: 'Over' };
}

/** A timestamp as a `datetime-local` input shows it, in this computer's time zone. */
export function toLocalInput(ts: number): string {
  const date = new Date(ts);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** A `datetime-local` value as a timestamp; what is not a date stays as typed so the schema names it. */
export function fromLocalInput(text: string): number | string {
  const ts = new Date(text).getTime();
  return text.trim() === '' || Number.isNaN(ts) ? text : ts;
}
