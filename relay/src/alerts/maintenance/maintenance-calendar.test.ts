import { MaintenanceWindow, maintenanceActive } from '@vantage/shared';
import { describe, expect, it } from 'vitest';
import { MaintenanceCalendar } from './maintenance-calendar.js';

const NOW = Date.parse('2026-03-04T12:00:00Z');
const MIN = 60_000;
const HOUR = 60 * MIN;

const nightly = MaintenanceWindow.parse({
  kind: 'recurring',
  id: 'nightly',
  name: 'Nightly',
  tags: ['db'],
  cron: '0 2 * * *',
  timeZone: 'Europe/Berlin',
  durationMinutes: 30,
});
const once = MaintenanceWindow.parse({
  kind: 'once',
  id: 'upgrade',
  name: 'Upgrade',
  monitorIds: ['api'],
  startsAt: NOW - 2 * HOUR,
  endsAt: NOW - HOUR,
});
const everyFive = MaintenanceWindow.parse({
  kind: 'recurring',
  id: 'flap',
  name: 'Every five minutes',
  monitorIds: ['edge'],
  cron: '*/5 * * * *',
  timeZone: 'UTC',
  durationMinutes: 2,
});
const monitors = [
  { id: 'api', tags: [] },
  { id: 'db', tags: ['db'] },
  { id: 'web', tags: ['web'] },
  { id: 'edge', tags: [] },
];

function calendar(): MaintenanceCalendar {
  const c = new MaintenanceCalendar();
  c.refresh([nightly, once, everyFive], monitors, NOW);
  return c;
}

describe('MaintenanceCalendar', () => {
  it.each([
    ['api during its one-off window', 'api', NOW - 90 * MIN, true],
    ['api after it (uploaded late, taken after)', 'api', NOW - 30 * MIN, false],
    ['db at 02:10 Berlin today (01:10 UTC)', 'db', Date.parse('2026-03-04T01:10:00Z'), true],
    ['db at 02:40 Berlin today', 'db', Date.parse('2026-03-04T01:40:00Z'), false],
    [
      'db at 02:10 Berlin five days ago (beyond the kept spans)',
      'db',
      Date.parse('2026-02-27T01:10:00Z'),
      true,
    ],
    ['web, covered by no window', 'web', NOW - 90 * MIN, false],
  ])('answers for %s', (_, monitorId, at, active) => {
    expect(calendar().covers(monitorId, at)).toBe(active);
  });

  it('agrees with the windows themselves minute by minute over the last day and the next hour', () => {
    const c = calendar();
    for (let at = NOW - 24 * HOUR; at < NOW + HOUR; at += MIN + 7_000) {
      expect(c.covers('db', at)).toBe(maintenanceActive(nightly, at));
      expect(c.covers('edge', at)).toBe(maintenanceActive(everyFive, at));
      expect(c.covers('api', at)).toBe(maintenanceActive(once, at));
    }
  });

  it('follows windows and tags as of the last refresh', () => {
    const c = calendar();
    c.refresh([], monitors, NOW);
    expect(c.covers('api', NOW - 90 * MIN)).toBe(false);
    c.refresh([nightly], [{ id: 'web', tags: ['db'] }], NOW);
    expect(c.covers('web', Date.parse('2026-03-04T01:10:00Z'))).toBe(true);
  });
});
