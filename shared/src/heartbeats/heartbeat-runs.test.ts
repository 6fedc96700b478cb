import { describe, expect, it } from 'vitest';
import { type HeartbeatPing, MAX_OPEN_STARTS, RunPairer, runsOf } from './heartbeat-runs.js';

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

describe('RunPairer limits', () => {
  it('keeps at most MAX_OPEN_STARTS unfinished starts, giving up on the oldest', () => {
    const pairer = new RunPairer();
    let givenUp = 0;
    for (let i = 0; i < MAX_OPEN_STARTS + 50; i += 1) {
      for (const r of pairer.add(ping(1000 + i, 'start', { rid: `r${i}` }))) {
        expect(r.run.kind).toBe('started');
        givenUp += 1;
      }
    }
    expect(pairer.pending()).toHaveLength(MAX_OPEN_STARTS);
    expect(givenUp).toBe(50);
    // The first run's end no longer finds its start; the newest one's still does.
    const [first] = pairer.add(ping(5000, 'success', { rid: 'r0' }));
    expect(first?.run.startedAt).toBeNull();
    const [last] = pairer.add(ping(5000, 'success', { rid: `r${MAX_OPEN_STARTS + 49}` }));
    expect(last?.run.startedAt).toBe(1000 + MAX_OPEN_STARTS + 49);
  });

  it('gives up on a start older than a day and reports it as an unfinished run', () => {
    const pairer = new RunPairer();
    pairer.add(ping(0, 'start', { rid: 'crashed' }));
    pairer.add(ping(1000, 'start', { rid: 'fresh' }));
    const out = pairer.add(ping(25 * 3_600_000, 'start', { rid: 'next' }));
    expect(out.map((r) => [r.run.kind, r.run.rid])).toEqual([
      ['started', 'crashed'],
      ['started', 'fresh'],
    ]);
    expect(pairer.pending().map((r) => r.run.rid)).toEqual(['next']);
    const [end] = pairer.add(ping(25 * 3_600_000 + 10, 'success', { rid: 'crashed' }));
    expect(end?.run.startedAt).toBeNull();
    // An end more than a day after its own start finds it given up on, and reports it once.
    const late = new RunPairer();
    late.add(ping(0, 'start', { rid: 'slow' }));
    const ended = late.add(ping(25 * 3_600_000, 'success', { rid: 'slow' }));
    expect(ended.map((r) => [r.run.kind, r.run.startedAt])).toEqual([
      ['started', 0],
      ['success', null],
    ]);
  });
});
