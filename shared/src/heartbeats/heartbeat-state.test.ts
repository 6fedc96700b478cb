import { describe, expect, it } from 'vitest';
import type { HeartbeatSchedule } from './heartbeat-schedule.js';
import { type HeartbeatFacts, heartbeatVerdictAt } from './heartbeat-state.js';

const at = (iso: string) => Date.parse(iso);
const every5m: HeartbeatSchedule = { period: 300, timezone: 'UTC', grace: 120 };
const succeeded = (iso: string): HeartbeatFacts => ({ paused: false, lastSuccessAt: at(iso), failure: null });

describe('heartbeatVerdictAt', () => {
  it.each([
    ['up before it is due', '2025-06-01T12:04:59Z', 'up'],
    ['up at the due time exactly', '2025-06-01T12:05:00Z', 'up'],
    ['late just after it is due', '2025-06-01T12:05:01Z', 'late'],
    ['late at the end of the grace', '2025-06-01T12:07:00Z', 'late'],
    ['down after the grace', '2025-06-01T12:07:01Z', 'down'],
  ])('is %s', (_name, now, state) => {
    expect(heartbeatVerdictAt(every5m, succeeded('2025-06-01T12:00:00Z'), at(now)).state).toBe(state);
  });

  it('says how late a late heartbeat is', () => {
    const verdict = heartbeatVerdictAt(
      every5m,
      succeeded('2025-06-01T12:00:00Z'),
      at('2025-06-01T12:06:00Z'),
    );
    expect(verdict.message).toBe('late: no ping for 6 minutes, due 1 minute ago (grace 2 minutes)');
    expect(verdict.nextDueAt).toBe(at('2025-06-01T12:05:00Z'));
    expect(verdict.downAt).toBe(at('2025-06-01T12:07:00Z'));
  });

  it('is up again after a late ping, due one period after that ping', () => {
    const late = succeeded('2025-06-01T12:06:30Z');
    const verdict = heartbeatVerdictAt(every5m, late, at('2025-06-01T12:06:31Z'));
    expect(verdict).toMatchObject({ state: 'up', message: '', nextDueAt: at('2025-06-01T12:11:30Z') });
  });

  it('is down after a failure signal, naming the exit code', () => {
    const facts: HeartbeatFacts = {
      paused: false,
      lastSuccessAt: at('2025-06-01T12:00:00Z'),
      failure: { at: at('2025-06-01T12:01:00Z'), exitCode: 3 },
    };
    expect(heartbeatVerdictAt(every5m, facts, at('2025-06-01T12:01:00Z'))).toMatchObject({
      state: 'down',
      message: 'job failed with exit code 3',
    });
    const noCode = { ...facts, failure: { at: facts.failure!.at, exitCode: null } };
    expect(heartbeatVerdictAt(every5m, noCode, at('2025-06-01T12:01:00Z')).message).toBe(
      'job reported failure',
    );
  });

  it('waits for the first ping', () => {
    const verdict = heartbeatVerdictAt(
      every5m,
      { paused: false, lastSuccessAt: null, failure: null },
      at('2030-01-01T00:00:00Z'),
    );
    expect(verdict).toMatchObject({ state: 'new', nextDueAt: null, message: 'waiting for the first ping' });
  });

  it('is paused whatever its pings say', () => {
    const facts = { ...succeeded('2025-06-01T12:00:00Z'), paused: true };
    expect(heartbeatVerdictAt(every5m, facts, at('2025-06-02T00:00:00Z')).state).toBe('paused');
  });

  it('turns late and down across a fall-back night on a cron schedule', () => {
    // Daily 01:30 New York; the run of 2025-11-01 pinged at 05:30:04 UTC (01:30 EDT).
    const schedule: HeartbeatSchedule = { cron: '30 1 * * *', timezone: 'America/New_York', grace: 600 };
    const facts = succeeded('2025-11-01T05:30:04Z');
    // The next run is the first 01:30 of 2025-11-02 (EDT, 05:30 UTC), not the repeated one an hour later.
    expect(heartbeatVerdictAt(schedule, facts, at('2025-11-02T05:30:00Z')).state).toBe('up');
    expect(heartbeatVerdictAt(schedule, facts, at('2025-11-02T05:35:00Z')).state).toBe('late');
    expect(heartbeatVerdictAt(schedule, facts, at('2025-11-02T05:40:01Z')).state).toBe('down');
  });
});
