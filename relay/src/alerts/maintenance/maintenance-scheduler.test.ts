import { MaintenanceWindow } from '@vantage/shared';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { MaintenanceScheduler } from './maintenance-scheduler.js';

const nightly = MaintenanceWindow.parse({
  kind: 'recurring',
  id: 'nightly',
  name: 'Nightly backup',
  tags: ['db'],
  cron: '0 2 * * *',
  timeZone: 'Europe/Berlin',
  durationMinutes: 30,
});
const monitors = [
  { id: 'pg', tags: ['db'] },
  { id: 'web', tags: [] },
];

describe('MaintenanceScheduler', () => {
  it('reports each monitor once at start, then only the monitors that enter or leave a window', () => {
    // 2026-01-05 00:50 UTC is 01:50 in Berlin (UTC+1): ten minutes before the window.
    let clock = Date.parse('2026-01-05T00:50:00Z');
    const applied: string[] = [];
    const scheduler = new MaintenanceScheduler({
      windows: () => [nightly],
      monitors: () => monitors,
      apply: (id, active) => applied.push(`${id}:${active ? 'on' : 'off'}`),
      now: () => clock,
      log: pino({ level: 'silent' }),
      checkMs: 60_000,
    });
    const steps: Array<[string, string[]]> = [
      ['2026-01-05T00:50:00Z', ['pg:off', 'web:off']],
      ['2026-01-05T00:59:59Z', []],
      ['2026-01-05T01:00:00Z', ['pg:on']],
      ['2026-01-05T01:29:00Z', []],
      ['2026-01-05T01:30:00Z', ['pg:off']],
      // Summer time: 02:00 Berlin is 00:00 UTC.
      ['2026-07-06T00:10:00Z', ['pg:on']],
    ];
    for (const [at, expected] of steps) {
      clock = Date.parse(at);
      applied.length = 0;
      scheduler.check();
      expect(applied, at).toEqual(expected);
    }
  });
});
