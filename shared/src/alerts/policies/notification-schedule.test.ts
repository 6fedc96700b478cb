import { describe, expect, it } from 'vitest';
import { ChannelSchedule, scheduleAllows } from './notification-schedule.js';

const officeHours = { days: ['mon', 'tue', 'wed', 'thu', 'fri'], start: '09:00', end: '17:00' } as const;
const smsAtNight = ChannelSchedule.parse({
  channelId: 'sms',
  timeZone: 'Europe/Berlin',
  send: 'outside',
  ranges: [officeHours],
});
const emailInOffice = ChannelSchedule.parse({
  channelId: 'mail',
  timeZone: 'America/New_York',
  ranges: [officeHours],
});

describe('scheduleAllows', () => {
  it.each([
    // 2026-01-05 is a Monday; Berlin is UTC+1 in winter, New York UTC-5.
    ['SMS is quiet during Berlin office hours', smsAtNight, '2026-01-05T09:30:00Z', false],
    ['SMS goes out in the Berlin evening', smsAtNight, '2026-01-05T17:00:00Z', true],
    ['SMS goes out on a Saturday afternoon', smsAtNight, '2026-01-10T12:00:00Z', true],
    [
      'SMS is quiet at 08:00 UTC = 09:00 Berlin (start is inclusive)',
      smsAtNight,
      '2026-01-05T08:00:00Z',
      false,
    ],
    ['Berlin summer time moves the range an hour earlier in UTC', smsAtNight, '2026-07-06T07:30:00Z', false],
    ['email within New York office hours', emailInOffice, '2026-01-05T14:30:00Z', true],
    ['no email at 09:30 UTC, which is 04:30 in New York', emailInOffice, '2026-01-05T09:30:00Z', false],
  ] as const)('%s', (_name, schedule, at, expected) => {
    expect(scheduleAllows(schedule, Date.parse(at))).toBe(expected);
  });

  it('allows everything when a channel has no schedule', () => {
    expect(scheduleAllows(undefined, Date.parse('2026-01-05T03:00:00Z'))).toBe(true);
  });

  it('refuses an unknown time zone and a range that ends before it starts, naming the field', () => {
    const parsed = ChannelSchedule.safeParse({
      channelId: 'sms',
      timeZone: 'Mars/Olympus',
      ranges: [{ days: ['mon'], start: '18:00', end: '09:00' }],
    });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((i) => i.path.join('.')).sort()).toEqual(['ranges.0.end', 'timeZone']);
  });
});
