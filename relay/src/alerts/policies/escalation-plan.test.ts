import { EscalationPolicy } from '@vantage/shared';
import { describe, expect, it } from 'vitest';
import { planEscalation } from './escalation-plan.js';

const MIN = 60_000;
const T0 = Date.UTC(2026, 0, 5, 12, 0);
const policy = (input: object) => EscalationPolicy.parse({ id: 'p', name: 'P', ...input });

const twoSteps = policy({
  steps: [
    { afterMinutes: 5, channels: ['slack'] },
    { afterMinutes: 15, channels: ['sms'] },
  ],
});

describe('planEscalation', () => {
  it.each([
    ['nothing before the first step', twoSteps, 0, 4, [], false, 5],
    ['the first step at 5 min', twoSteps, 0, 5, [['slack']], false, 15],
    ['both steps after a long sleep, each once', twoSteps, 0, 60, [['slack'], ['sms']], false, null],
    ['nothing after the last step of a one-shot policy', twoSteps, 2, 100, [], false, null],
    [
      'steps again in the next cycle when repeating',
      policy({ steps: [{ afterMinutes: 10, channels: ['a'] }], repeat: true }),
      1,
      20,
      [['a']],
      false,
      30,
    ],
    ['a reminder every 30 min', policy({ reminderEveryMinutes: 30 }), 0, 30, [], true, 60],
    ['no reminder before its time', policy({ reminderEveryMinutes: 30 }), 0, 29, [], false, 30],
  ] as const)('%s', (_name, p, stepsFired, atMinute, steps, remind, nextMinute) => {
    const due = planEscalation(p, { openedAt: T0, stepsFired, lastReminderAt: null }, T0 + atMinute * MIN);
    expect(due.steps).toEqual(steps);
    expect(due.remind).toBe(remind);
    expect(due.nextDueAt).toBe(nextMinute === null ? null : T0 + nextMinute * MIN);
  });

  it('counts the next reminder from the last one, not from the opening', () => {
    const p = policy({ reminderEveryMinutes: 10 });
    const first = planEscalation(p, { openedAt: T0, stepsFired: 0, lastReminderAt: null }, T0 + 25 * MIN);
    expect(first.remind).toBe(true);
    expect(first.nextDueAt).toBe(T0 + 35 * MIN);
    const second = planEscalation(p, first.progress, T0 + 30 * MIN);
    expect(second.remind).toBe(false);
  });
});
