import { describe, expect, it } from 'vitest';
import { MaintenanceWindow } from '../alerts/policies/maintenance-window.js';
import { maintenanceOccurrence } from './maintenance-occurrence.js';

const H = 3_600_000;
const T = Date.UTC(2026, 10, 23, 12, 0, 0);
const once = (startsAt: number, endsAt: number) =>
  MaintenanceWindow.parse({ kind: 'once', id: 'w', name: 'Upgrade', monitorIds: ['api'], startsAt, endsAt });
const nightly = MaintenanceWindow.parse({
  kind: 'recurring',
  id: 'n',
  name: 'Nightly',
  monitorIds: ['api'],
  cron: '0 2 * * *',
  timeZone: 'UTC',
  durationMinutes: 60,
});

describe('maintenanceOccurrence', () => {
  it.each([
    ['in effect', once(T - H, T + H), { startsAt: T - H, endsAt: T + H, active: true }],
    [
      'starting within the horizon',
      once(T + 2 * H, T + 3 * H),
      { startsAt: T + 2 * H, endsAt: T + 3 * H, active: false },
    ],
    ['over', once(T - 2 * H, T - H), null],
    ['beyond the horizon', once(T + 30 * 24 * H, T + 31 * 24 * H), null],
  ])('a one-off window %s', (_, window, expected) => {
    expect(maintenanceOccurrence(window, T, 14 * 24 * H)).toEqual(expected);
  });

  it('a recurring window gives its next run, or the one in effect', () => {
    const next = Date.UTC(2026, 10, 24, 2, 0, 0);
    expect(maintenanceOccurrence(nightly, T, 24 * H)).toEqual({
      startsAt: next,
      endsAt: next + H,
      active: false,
    });
    expect(maintenanceOccurrence(nightly, next + 30 * 60_000, 24 * H)).toEqual({
      startsAt: next,
      endsAt: next + H,
      active: true,
    });
    expect(maintenanceOccurrence(nightly, T, H)).toBeNull();
  });
});
