import { z } from 'zod';
import { ChannelId } from '../channel-fields.js';

/** Days of the week as schedules name them. */
export const Weekday = z.enum(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun']);
/** A day of the week. */
export type Weekday = z.infer<typeof Weekday>;

const ClockTime = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/, 'must be a time of day as HH:MM (24:00 ends a day)');

/** An IANA time zone name that this runtime knows (`Europe/Berlin`, `UTC`). */
export const TimeZone = z
  .string()
  .min(1)
  .max(64)
  .refine((zone) => isKnownZone(zone), { error: 'must be an IANA time zone such as Europe/Berlin or UTC' });

/** One weekly range: on these days, from `start` to `end` local time (end after start). */
export const WeeklyRange = z
  .object({ days: z.array(Weekday).min(1).max(7), start: ClockTime, end: ClockTime })
  .refine((r) => minutesOf(r.end) > minutesOf(r.start), { error: 'end must be after start', path: ['end'] });
/** One weekly range. */
export type WeeklyRange = z.infer<typeof WeeklyRange>;

/**
 * When a channel may be used: `within` the ranges (office hours), or only `outside` them (SMS and
 * calls at night). Notices that fall outside a channel's schedule are not sent to it at all.
 */
export const ChannelSchedule = z.object({
  channelId: ChannelId,
  timeZone: TimeZone,
  send: z.enum(['within', 'outside']).default('within'),
  ranges: z.array(WeeklyRange).min(1).max(50),
});
/** When a channel may be used. */
export type ChannelSchedule = z.infer<typeof ChannelSchedule>;

const WEEKDAYS: readonly Weekday[] = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];

/** The local weekday and minute of the day of an instant in a time zone. */
export function localWeekTime(at: number, timeZone: string): { day: Weekday; minute: number } {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    weekday: 'short',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(new Date(at));
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  const day = part('weekday').toLowerCase().slice(0, 3) as Weekday;
  return {
    day: WEEKDAYS.includes(day) ? day : 'mon',
    minute: Number(part('hour')) * 60 + Number(part('minute')),
  };
}

/** Whether a channel with this schedule may be used at `at` (no schedule: always). */
export function scheduleAllows(schedule: ChannelSchedule | undefined, at: number): boolean {
  if (schedule === undefined) return true;
  const { day, minute } = localWeekTime(at, schedule.timeZone);
  const inside = schedule.ranges.some(
    (r) => r.days.includes(day) && minute >= minutesOf(r.start) && minute < minutesOf(r.end),
  );
  return schedule.send === 'within' ? inside : !inside;
}

function minutesOf(time: string): number {
  const [h, m] = time.split(':').map(Number) as [number, number];
  return h * 60 + m;
}

function isKnownZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}
