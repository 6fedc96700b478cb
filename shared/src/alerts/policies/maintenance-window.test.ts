import { describe, expect, it } from 'vitest';
import { MaintenanceWindow, maintenanceActive, maintenanceCovers } from './maintenance-window.js';

const weekdayMornings = MaintenanceWindow.parse({
  kind: 'recurring',
  id: 'deploys',
  name: 'Deploys',
  tags: ['api'],
  cron: '0 9 * * 1-5',
  timeZone: 'America/New_York',
  durationMinutes: 60,
});
const once = MaintenanceWindow.parse({
  kind: 'once',
  id: 'migration',
  name: 'DB migration',
  monitorIds: ['db'],
  startsAt: Date.parse('2026-03-01T22:00:00Z'),
  endsAt: Date.parse('2026-03-02T02:00:00Z'),
});

describe('maintenanceActive', () => {
  it.each([
    ['a one-off window at its start', once, '2026-03-01T22:00:00Z', true],
    ['a one-off window at its end (exclusive)', once, '2026-03-02T02:00:00Z', false],
    // New York switches to daylight time on 2026-03-08: 09:00 local is 14:00 UTC before, 13:00 UTC after.
    ['09:00 New York on the Friday before DST is 14:00 UTC', weekdayMornings, '2026-03-06T14:30:00Z', true],
    ['13:30 UTC on that Friday is before the window', weekdayMornings, '2026-03-06T13:30:00Z', false],
    ['on the Monday after DST the window starts at 13:00 UTC', weekdayMornings, '2026-03-09T13:30:00Z', true],
    ['and has ended by 14:30 UTC', weekdayMornings, '2026-03-09T14:30:00Z', false],
    ['no window on a Sunday', weekdayMornings, '2026-03-08T13:30:00Z', false],
  ] as const)('%s', (_name, window, at, expected) => {
    expect(maintenanceActive(window, Date.parse(at))).toBe(expected);
  });
});

describe('maintenanceCovers', () => {
  it('covers monitors by id or by tag', () => {
    expect(maintenanceCovers(weekdayMornings, { id: 'x', tags: ['api'] })).toBe(true);
    expect(maintenanceCovers(weekdayMornings, { id: 'x', tags: ['web'] })).toBe(false);
    expect(maintenanceCovers(once, { id: 'db', tags: [] })).toBe(true);
  });
});

describe('MaintenanceWindow', () => {
  it('refuses a bad cron pattern, a window with no targets and one that ends before it starts', () => {
    const bad = [
      {
        kind: 'recurring',
        id: 'a',
        name: 'A',
        tags: ['x'],
        cron: 'every day',
        timeZone: 'UTC',
        durationMinutes: 5,
      },
      { kind: 'once', id: 'b', name: 'B', startsAt: 10, endsAt: 20 },
      { kind: 'once', id: 'c', name: 'C', monitorIds: ['m'], startsAt: 20, endsAt: 10 },
    ];
    expect(bad.map((w) => MaintenanceWindow.safeParse(w).error?.issues[0]?.path.join('.'))).toEqual([
      'cron',
      'monitorIds',
      'endsAt',
    ]);
  });
});
