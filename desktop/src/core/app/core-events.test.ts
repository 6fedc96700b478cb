import type { CheckResult, Monitor } from '@vantage/shared';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import type { ApiEvent, MonitorView } from '../../contract/index.js';
import { CoreEvents, MAX_CHECKS_PER_EVENT } from './core-events.js';
import { ManualTimers } from './testing/manual-timers.js';

const viewOf = (id: string) => ({ monitor: { id } as Monitor }) as MonitorView;

function setup(existing = new Set(['api', 'web', 'db'])) {
  const timers = new ManualTimers();
  const built: string[][] = [];
  const events = new CoreEvents({
    monitorViews: (ids) => {
      const list = [...ids];
      built.push(list);
      return list.filter((id) => existing.has(id)).map(viewOf);
    },
    log: pino({ level: 'silent' }),
    timers,
  });
  const received: ApiEvent[] = [];
  events.onEvent((e) => received.push(e));
  return { timers, events, received, built };
}

const check = (seq: number): CheckResult & { cursor: number } => ({
  cursor: seq,
  probeId: 'p1',
  seq,
  monitorId: 'api',
  region: 'local',
  ts: 1000 + seq,
  state: 'up',
  latencyMs: 12,
  message: '',
  attempts: 1,
  probeHealthy: true,
});

describe('CoreEvents', () => {
  it('coalesces monitor changes into one event per second with current views', () => {
    const { timers, events, received } = setup();
    events.monitorsChanged(['api']);
    events.monitorsChanged(['web', 'api']);
    timers.advance(0);
    events.monitorsChanged(['db']);
    timers.advance(500);
    events.monitorsChanged(['api']);
    timers.advance(500);
    expect(received).toEqual([
      { type: 'monitors.changed', monitors: [viewOf('api'), viewOf('web')] },
      { type: 'monitors.changed', monitors: [viewOf('db'), viewOf('api')] },
    ]);
  });

  it('sends removals at once and drops the removed monitor from the pending change', () => {
    const { timers, events, received } = setup(new Set(['web']));
    events.monitorsChanged(['api', 'web']);
    events.monitorsRemoved(['api']);
    timers.advance(0);
    expect(received).toEqual([
      { type: 'monitors.removed', monitorIds: ['api'] },
      { type: 'monitors.changed', monitors: [viewOf('web')] },
    ]);
  });

  it('batches checks without their relay cursors, keeping the newest of a flood', () => {
    const { timers, events, received } = setup();
    events.checks([check(1), check(2)]);
    events.checks(Array.from({ length: MAX_CHECKS_PER_EVENT + 5 }, (_, i) => check(i + 3)));
    timers.advance(0);
    expect(received).toHaveLength(1);
    const sent = received[0]!.type === 'checks' ? received[0]!.checks : [];
    expect(sent).toHaveLength(MAX_CHECKS_PER_EVENT);
    expect(sent.at(-1)?.seq).toBe(MAX_CHECKS_PER_EVENT + 7);
    expect(sent[0]).not.toHaveProperty('cursor');
  });

  it('builds nothing while nobody listens', () => {
    const timers = new ManualTimers();
    let builds = 0;
    const events = new CoreEvents({
      monitorViews: () => {
        builds++;
        return [];
      },
      log: pino({ level: 'silent' }),
      timers,
    });
    events.monitorsChanged(['api']);
    events.checks([check(1)]);
    timers.advance(5000);
    expect(builds).toBe(0);
    expect(timers.pending).toBe(0);
  });

  it('keeps delivering to other listeners when one throws', () => {
    const { events, received } = setup();
    events.onEvent(() => {
      throw new Error('broken renderer');
    });
    const late: ApiEvent[] = [];
    events.onEvent((e) => late.push(e));
    events.monitorsRemoved(['x']);
    expect(received).toHaveLength(1);
    expect(late).toHaveLength(1);
  });
});
