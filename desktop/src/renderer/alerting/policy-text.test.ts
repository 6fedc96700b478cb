import { AlertRule, EscalationPolicy, MaintenanceWindow } from '@vantage/shared';
import { describe, expect, it } from 'vitest';
import {
  describeDays,
  describeDelay,
  describeEvents,
  describeRange,
  describeRepeat,
  describeTargets,
  fromLocalInput,
  maintenanceState,
  splitItems,
  splitNumbers,
  toLocalInput,
} from './policy-text.js';

describe('how alerting documents read', () => {
  it('writes day sets the way people do', () => {
    expect(describeDays(['mon', 'tue', 'wed', 'thu', 'fri'])).toBe('Mon–Fri');
    expect(describeDays(['sat', 'sun'])).toBe('Sat, Sun');
    expect(describeDays(['sun', 'mon', 'wed', 'thu', 'fri', 'sat', 'tue'])).toBe('Every day');
    expect(describeDays(['mon', 'wed', 'thu', 'fri'])).toBe('Mon, Wed–Fri');
    expect(describeRange({ days: ['mon', 'tue', 'wed', 'thu', 'fri'], start: '09:00', end: '18:00' })).toBe(
      'Mon–Fri 09:00–18:00',
    );
  });

  it('describes targets and events of a rule', () => {
    const rule = AlertRule.parse({
      id: 'r',
      name: 'R',
      tags: ['db'],
      monitorIds: ['api'],
      certExpiryDays: [7, 30],
    });
    expect(describeTargets(rule, (id) => id.toUpperCase())).toBe('API · tagged #db');
    expect(describeTargets({ monitorIds: [], tags: [] }, String)).toBe('Every monitor');
    expect(describeTargets({ monitorIds: ['a', 'b', 'c', 'd'], tags: [] }, String)).toBe('4 monitors');
    expect(describeEvents(rule)).toEqual(['Down', 'Recovered', 'Certificate expiry (30, 7 days)']);
  });

  it('describes escalation delays and what follows the last step', () => {
    expect(describeDelay(0)).toBe('At once');
    expect(describeDelay(90)).toBe('After 1 h 30 min');
    const policy = EscalationPolicy.parse({
      id: 'p',
      name: 'P',
      steps: [{ afterMinutes: 5, channels: ['a'] }],
      repeat: true,
      reminderEveryMinutes: 60,
    });
    expect(describeRepeat(policy)).toBe(
      'Repeats from the first step, reminds every 1 h while unacknowledged, tells everyone notified when it resolves',
    );
    expect(
      describeRepeat({ ...policy, repeat: false, reminderEveryMinutes: undefined, notifyResolve: false }),
    ).toBe('No repeats or reminders');
  });

  it('says whether a maintenance window is in effect, coming, or over', () => {
    const window = MaintenanceWindow.parse({
      kind: 'once',
      id: 'w',
      name: 'W',
      tags: ['db'],
      startsAt: 1,
      endsAt: 2,
    });
    expect(maintenanceState({ window, activeNow: true, activeUntil: 2, nextStartsAt: null }).tone).toBe(
      'active',
    );
    expect(maintenanceState({ window, activeNow: false, activeUntil: null, nextStartsAt: 5 })).toMatchObject({
      tone: 'scheduled',
      text: expect.stringMatching(/^Next /),
    });
    expect(maintenanceState({ window, activeNow: false, activeUntil: null, nextStartsAt: null })).toEqual({
      tone: 'over',
      text: 'Over',
    });
  });

  it('reads lists and local date inputs, leaving bad input for the schema to name', () => {
    expect(splitItems(' db, api\nweb ,, ')).toEqual(['db', 'api', 'web']);
    expect(splitNumbers('14, 7, soon')).toEqual([14, 7, 'soon']);
    const ts = new Date(2026, 10, 23, 14, 5).getTime();
    expect(toLocalInput(ts)).toBe('2026-11-23T14:05');
    expect(fromLocalInput('2026-11-23T14:05')).toBe(ts);
    expect(fromLocalInput('tomorrow')).toBe('tomorrow');
    expect(fromLocalInput('')).toBe('');
  });
});
