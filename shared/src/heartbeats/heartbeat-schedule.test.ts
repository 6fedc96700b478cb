import { describe, expect, it } from 'vitest';
import { type HeartbeatSchedule, nextDueAt } from './heartbeat-schedule.js';

const at = (iso: string) => Date.parse(iso);
const cron = (pattern: string, timezone: string, grace = 300): HeartbeatSchedule => ({
  cron: pattern,
  timezone,
  grace,
});

describe('nextDueAt', () => {
  it('is one period after the last success', () => {
    expect(nextDueAt({ period: 300, timezone: 'UTC', grace: 60 }, at('2025-06-01T12:00:00Z'))).toBe(
      at('2025-06-01T12:05:00Z'),
    );
  });

  it('keeps a period in absolute time across a DST change (24 h is 24 h)', () => {
    // Berlin springs forward on 2025-03-30: 02:00 CET becomes 03:00 CEST.
    expect(
      nextDueAt({ period: 86_400, timezone: 'Europe/Berlin', grace: 60 }, at('2025-03-29T12:00:00Z')),
    ).toBe(at('2025-03-30T12:00:00Z'));
  });

  it.each([
    // Daily 03:00 in Berlin: 02:00 UTC in winter (CET), 01:00 UTC in summer (CEST).
    ['a daily job in winter', '0 3 * * *', 'Europe/Berlin', '2025-01-10T02:00:10Z', '2025-01-11T02:00:00Z'],
    ['a daily job in summer', '0 3 * * *', 'Europe/Berlin', '2025-07-10T01:00:10Z', '2025-07-11T01:00:00Z'],
    // Spring forward in Berlin (2025-03-30): 02:30 does not exist that day; the run is at 03:00 CEST.
    [
      'a time skipped by spring-forward',
      '30 2 * * *',
      'Europe/Berlin',
      '2025-03-29T01:30:05Z',
      '2025-03-30T01:00:00Z',
    ],
    // The day after, 02:30 CEST exists again (00:30 UTC).
    [
      'the day after spring-forward',
      '30 2 * * *',
      'Europe/Berlin',
      '2025-03-30T01:00:05Z',
      '2025-03-31T00:30:00Z',
    ],
    // Fall back in New York (2025-11-02): 01:30 happens twice; the job is due once, at the first.
    [
      'a time repeated by fall-back',
      '30 1 * * *',
      'America/New_York',
      '2025-11-01T05:30:04Z',
      '2025-11-02T05:30:00Z',
    ],
    // After the first 01:30 EDT run the next is 01:30 EST the following day, not the repeated hour.
    [
      'the run after fall-back',
      '30 1 * * *',
      'America/New_York',
      '2025-11-02T05:30:04Z',
      '2025-11-03T06:30:00Z',
    ],
  ])('follows the cron time zone for %s', (_name, pattern, zone, lastSuccess, due) => {
    expect(new Date(nextDueAt(cron(pattern, zone), at(lastSuccess))).toISOString()).toBe(
      new Date(at(due)).toISOString(),
    );
  });

  it('counts a ping a few seconds before the cron time for that time (clock skew)', () => {
    // The 03:00 run pinged at 02:59:50: the next due time is tomorrow's run, not today's.
    expect(nextDueAt(cron('0 3 * * *', 'UTC'), at('2025-06-01T02:59:50Z'))).toBe(at('2025-06-02T03:00:00Z'));
  });

  it('does not stretch the early tolerance past the grace', () => {
    expect(nextDueAt(cron('* * * * *', 'UTC', 0), at('2025-06-01T10:00:59Z'))).toBe(
      at('2025-06-01T10:01:00Z'),
    );
  });
});
