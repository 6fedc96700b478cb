import { describe, expect, it } from 'vitest';
import { type HeartbeatPing, runsOf } from './heartbeat-runs.js';

let nextId = 1;
const ping = (
  at: number,
  kind: HeartbeatPing['kind'],
  extra: Partial<HeartbeatPing> = {},
): HeartbeatPing => ({
  id: nextId++,
  monitorId: 'job',
  at,
  kind,
  exitCode: null,
  rid: null,
  body: '',
  ...extra,
});

describe('runsOf', () => {
  it('pairs a start with its end and measures the duration', () => {
    const runs = runsOf([ping(1000, 'start'), ping(4500, 'success', { exitCode: 0, body: 'done' })]);
    expect(runs).toEqual([
      {
        startedAt: 1000,
        endedAt: 4500,
        durationMs: 3500,
        kind: 'success',
        exitCode: 0,
        rid: null,
        log: 'done',
      },
    ]);
  });

  it('keeps concurrent runs apart by rid', () => {
    const runs = runsOf([
      ping(1000, 'start', { rid: 'a' }),
      ping(2000, 'start', { rid: 'b' }),
      ping(2500, 'fail', { rid: 'a', exitCode: 2 }),
      ping(9000, 'success', { rid: 'b' }),
    ]);
    expect(runs.map((r) => [r.rid, r.kind, r.durationMs, r.exitCode])).toEqual([
      ['b', 'success', 7000, null],
      ['a', 'fail', 1500, 2],
    ]);
  });

  it('lists an end without a start, and a start still waiting for its end', () => {
    const runs = runsOf([ping(1000, 'success'), ping(2000, 'start')]);
    expect(runs.map((r) => [r.kind, r.startedAt, r.endedAt, r.durationMs])).toEqual([
      ['started', 2000, null, null],
      ['success', null, 1000, null],
    ]);
  });

  it('leaves a start that was started again as unfinished', () => {
    const runs = runsOf([ping(1000, 'start'), ping(2000, 'start'), ping(2600, 'success')]);
    expect(runs.map((r) => [r.kind, r.startedAt, r.durationMs])).toEqual([
      ['success', 2000, 600],
      ['started', 1000, null],
    ]);
  });
});
