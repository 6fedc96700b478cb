import { describe, expect, it } from 'vitest';
import { type monitorConfig, outputsOf, result, round, setMonitor, tick } from './evaluator-test-kit.js';
import { Evaluator } from './status-evaluator.js';

const S = 1000;
const MIN = 60 * S;
const up3 = { a: 'up', b: 'up', c: 'up' } as const;
const down2 = { a: 'down', b: 'down', c: 'up' } as const;

/** An evaluator with monitor `api` (60 s, confirmation 2, recovery 2, majority) already set. */
function withApi(over: Parameters<typeof monitorConfig>[1] = {}): Evaluator {
  const e = new Evaluator();
  e.apply(setMonitor('api', over));
  return e;
}

/** Takes `api` down in a and b (two rounds from minute `at`) and returns the outputs. */
function takeDown(e: Evaluator, at = 1) {
  return e.applyAll([
    ...round('api', up3, at * MIN),
    ...round('api', down2, (at + 1) * MIN),
    ...round('api', down2, (at + 2) * MIN),
  ]);
}

describe('status evaluator', () => {
  it('keeps a new monitor pending until a region settles, then follows it', () => {
    const e = withApi();
    expect(e.monitorState('api')).toBe('pending');
    expect(e.apply(result('api', 'a', 'down', MIN))).toEqual([]);
    expect(e.monitorState('api')).toBe('pending');
    const out = e.apply(result('api', 'a', 'up', 2 * MIN));
    expect(outputsOf(out, 'monitor.changed')).toMatchObject([{ from: 'pending', to: 'up' }]);
  });

  it('degrades but opens no incident when one region of three fails under majority', () => {
    const e = withApi();
    const out = e.applyAll([
      ...round('api', up3, MIN),
      ...[2, 3, 4, 5].flatMap((m) => round('api', { a: 'down', b: 'up', c: 'up' }, m * MIN)),
    ]);
    expect(e.monitorState('api')).toBe('degraded');
    expect(outputsOf(out, 'incident.opened')).toEqual([]);
    expect(e.regionStates('api').map((r) => r.state)).toEqual(['down', 'up', 'up']);
  });

  it('opens one incident when two of three regions confirm down, with the cause of the region that tipped it', () => {
    const e = withApi();
    const out = takeDown(e);
    expect(e.monitorState('api')).toBe('down');
    const [opened] = outputsOf(out, 'incident.opened');
    expect(opened?.incident).toMatchObject({
      id: 'api:1',
      monitorId: 'api',
      openedAt: 3 * MIN,
      cause: `timeout in b at ${2 * MIN}`,
      regions: ['a', 'b'],
    });
    expect(opened?.incident.timeline.map((l) => l.kind)).toEqual(['region.down', 'region.down', 'opened']);
    expect(outputsOf(out, 'incident.opened')).toHaveLength(1);
  });

  it('resolves the incident once the regions recover, with their recoveries on the timeline', () => {
    const e = withApi();
    takeDown(e);
    const out = e.applyAll([...round('api', up3, 4 * MIN), ...round('api', up3, 5 * MIN)]);
    const [resolved] = outputsOf(out, 'incident.resolved');
    expect(resolved?.incident.resolvedAt).toBe(5 * MIN);
    expect(resolved?.incident.timeline.map((l) => l.kind)).toEqual([
      'region.down',
      'region.down',
      'opened',
      'region.up',
      'resolved',
    ]);
    expect(e.openIncident('api')).toBeUndefined();
    expect(e.monitorState('api')).toBe('up');
  });

  it.each([
    ['all', { a: 'down', b: 'down', c: 'up' }, 'degraded'],
    ['all', { a: 'down', b: 'down', c: 'down' }, 'down'],
    ['any', { a: 'down', b: 'up', c: 'up' }, 'down'],
    [2, { a: 'down', b: 'up', c: 'up' }, 'degraded'],
    [2, { a: 'down', b: 'down', c: 'up' }, 'down'],
  ] as const)('with quorum %s and regions %o the monitor is %s', (quorum, states, expected) => {
    const e = withApi({ quorum });
    e.applyAll([
      ...round('api', up3, MIN),
      ...round('api', states, 2 * MIN),
      ...round('api', states, 3 * MIN),
    ]);
    expect(e.monitorState('api')).toBe(expected);
  });

  it('stops counting regions that have not reported for three intervals', () => {
    const e = withApi();
    takeDown(e);
    // Only c keeps reporting; a and b last reported at minute 3.
    expect(e.applyAll([result('api', 'c', 'up', 4 * MIN), result('api', 'c', 'up', 6 * MIN)])).toEqual([]);
    expect(e.regionStates('api').map((r) => r.voting)).toEqual([true, true, true]);
    const out = e.apply(tick(6 * MIN + 1));
    expect(e.regionStates('api').map((r) => r.voting)).toEqual([false, false, true]);
    expect(outputsOf(out, 'monitor.changed')).toMatchObject([{ from: 'down', to: 'up' }]);
    expect(outputsOf(out, 'incident.resolved')).toHaveLength(1);
  });

  it('is unknown when every region went silent, keeping its incident open until results return', () => {
    const e = withApi();
    takeDown(e);
    const out = e.apply(tick(6 * MIN + 1));
    expect(e.monitorState('api')).toBe('unknown');
    expect(outputsOf(out, 'incident.updated')[0]?.incident.timeline.at(-1)?.kind).toBe('status');
    expect(e.openIncident('api')).toBeDefined();
    e.applyAll([...round('api', up3, 7 * MIN), ...round('api', up3, 8 * MIN)]);
    expect(e.monitorState('api')).toBe('up');
    expect(e.openIncident('api')).toBeUndefined();
  });

  it('ignores results from a probe that reported itself unhealthy', () => {
    const e = withApi({ confirmation: 1 });
    e.applyAll([
      ...round('api', up3, MIN),
      { type: 'probe.health', probeId: 'probe-a', region: 'a', healthy: false, ts: MIN },
    ]);
    e.applyAll([result('api', 'a', 'down', 2 * MIN), result('api', 'b', 'down', 2 * MIN)]);
    expect(e.regionStates('api').map((r) => r.state)).toEqual(['up', 'down', 'up']);
  });

  it('stops a region from voting at once when its only probe turns unhealthy', () => {
    const e = withApi();
    takeDown(e);
    const out = e.apply({
      type: 'probe.health',
      probeId: 'probe-a',
      region: 'a',
      healthy: false,
      ts: 3 * MIN + S,
    });
    expect(e.regionStates('api').find((r) => r.region === 'a')).toMatchObject({ fresh: true, voting: false });
    expect(outputsOf(out, 'monitor.changed')).toMatchObject([{ from: 'down', to: 'degraded' }]);
    e.apply({ type: 'probe.health', probeId: 'probe-a', region: 'a', healthy: true, ts: 3 * MIN + 2 * S });
    expect(e.monitorState('api')).toBe('down');
  });

  it('keeps a region voting while another of its probes is healthy', () => {
    const e = withApi();
    e.applyAll([result('api', 'a', 'up', MIN, 'a-1'), result('api', 'a', 'up', MIN, 'a-2')]);
    e.apply({ type: 'probe.health', probeId: 'a-1', region: 'a', healthy: false, ts: MIN + S });
    expect(e.regionStates('api')[0]?.voting).toBe(true);
  });

  it('makes a child dependency_down without an incident while its parent is down, and evaluates it normally after', () => {
    const e = new Evaluator();
    e.applyAll([setMonitor('db'), setMonitor('web', { parent: 'db' })]);
    e.applyAll([...round('db', up3, MIN), ...round('db', down2, 2 * MIN), ...round('db', down2, 3 * MIN)]);
    expect(e.monitorState('db')).toBe('down');
    const out = e.applyAll([
      ...round('web', up3, MIN),
      ...round('web', down2, 2 * MIN),
      ...round('web', down2, 3 * MIN),
    ]);
    expect(e.monitorState('web')).toBe('dependency_down');
    expect(outputsOf(out, 'incident.opened')).toEqual([]);
    const recovered = e.applyAll([...round('db', up3, 4 * MIN), ...round('db', up3, 4 * MIN + S)]);
    expect(e.monitorState('web')).toBe('down');
    expect(outputsOf(recovered, 'incident.opened').map((o) => o.incident.id)).toEqual(['web:1']);
  });

  it('keeps the incident of a child that was down before its parent went down', () => {
    const e = new Evaluator();
    e.applyAll([setMonitor('db'), setMonitor('api', { parent: 'db' })]);
    takeDown(e);
    const out = e.applyAll([
      ...round('db', up3, 2 * MIN),
      ...round('db', down2, 3 * MIN),
      ...round('db', down2, 4 * MIN),
    ]);
    expect(outputsOf(out, 'monitor.changed').filter((o) => o.monitorId === 'api')).toMatchObject([
      {
        from: 'down',
        to: 'dependency_down',
        message: 'Down in 2 of 3 reporting regions, but parent monitor db is down',
      },
    ]);
    expect(e.openIncident('api')?.timeline.at(-1)).toMatchObject({ kind: 'status' });
  });

  it('settles when parents form a cycle', () => {
    const e = new Evaluator();
    e.applyAll([setMonitor('x', { parent: 'y' }), setMonitor('y', { parent: 'x' })]);
    e.applyAll([...round('x', up3, MIN), ...round('x', down2, 2 * MIN), ...round('x', down2, 3 * MIN)]);
    e.applyAll([...round('y', up3, MIN), ...round('y', down2, 2 * MIN), ...round('y', down2, 3 * MIN)]);
    expect([e.monitorState('x'), e.monitorState('y')]).toEqual(['dependency_down', 'dependency_down']);
  });

  it.each([
    [
      'maintenance',
      { type: 'maintenance', monitorId: 'api', active: true, ts: 4 * MIN },
      'a maintenance window started',
    ],
    ['pause', { type: 'pause', monitorId: 'api', paused: true, ts: 4 * MIN }, 'the monitor was paused'],
  ] as const)(
    'resolves the open incident on %s and opens a new one if still down after',
    (_name, start, reason) => {
      const e = withApi();
      takeDown(e);
      const out = e.apply(start);
      const [resolved] = outputsOf(out, 'incident.resolved');
      expect(resolved?.incident.timeline.at(-1)?.message).toContain(reason);
      expect(
        e.applyAll([...round('api', down2, 5 * MIN), ...round('api', down2, 6 * MIN)]),
      ).not.toContainEqual(expect.objectContaining({ type: 'incident.opened' }));
      const end = start.type === 'pause' ? { ...start, paused: false } : { ...start, active: false };
      const after = e.apply({ ...end, ts: 7 * MIN });
      expect(outputsOf(after, 'incident.opened').map((o) => o.incident.id)).toEqual(['api:2']);
    },
  );

  it('pauses through monitor.set too, without a later unrelated change undoing a pause event', () => {
    const e = withApi();
    e.applyAll([...round('api', up3, MIN), { type: 'pause', monitorId: 'api', paused: true, ts: 2 * MIN }]);
    e.apply(setMonitor('api', { confirmation: 3 }));
    expect(e.monitorState('api')).toBe('paused');
    e.apply(setMonitor('api', { confirmation: 3, paused: true }));
    e.apply(setMonitor('api', { confirmation: 3, paused: false }));
    expect(e.monitorState('api')).toBe('up');
  });

  it('goes down on scattered failures under a failure window', () => {
    const e = withApi({ confirmation: 5, quorum: 'any', failureWindow: { failures: 3, minutes: 10 } });
    const states = ['down', 'up', 'down', 'up', 'down'] as const;
    e.applyAll(states.map((s, i) => result('api', 'a', s, (i + 1) * MIN)));
    expect(e.monitorState('api')).toBe('down');
  });

  it('records who acknowledged an incident and when, once', () => {
    const e = withApi();
    takeDown(e);
    const out = e.apply({ type: 'incident.ack', incidentId: 'api:1', by: 'ana', ts: 3 * MIN + S });
    expect(outputsOf(out, 'incident.updated')[0]?.incident).toMatchObject({
      acknowledgedAt: 3 * MIN + S,
      acknowledgedBy: 'ana',
    });
    expect(e.openIncident('api')?.timeline.at(-1)).toMatchObject({
      kind: 'acknowledged',
      message: 'Acknowledged by ana',
    });
    expect(e.apply({ type: 'incident.ack', incidentId: 'api:1', by: 'bo', ts: 3 * MIN + 2 * S })).toEqual([]);
    expect(e.apply({ type: 'incident.ack', incidentId: 'api:9', by: 'bo', ts: 3 * MIN + 2 * S })).toEqual([]);
    expect(e.openIncident('api')?.acknowledgedBy).toBe('ana');
  });

  it('resolves the incident of a removed monitor and never reuses its id', () => {
    const e = withApi();
    takeDown(e);
    const out = e.apply({ type: 'monitor.remove', monitorId: 'api' });
    expect(outputsOf(out, 'incident.resolved')[0]?.incident.timeline.at(-1)?.message).toContain('removed');
    expect(e.monitorState('api')).toBeUndefined();
    e.apply(setMonitor('api'));
    const again = takeDown(e, 4);
    expect(outputsOf(again, 'incident.opened')[0]?.incident.id).toBe('api:2');
  });

  it('drops the votes of regions removed from the monitor', () => {
    const e = withApi();
    takeDown(e);
    const out = e.apply(setMonitor('api', { regions: ['b', 'c'] }));
    expect(e.regionStates('api').map((r) => r.region)).toEqual(['b', 'c']);
    expect(outputsOf(out, 'monitor.changed')).toMatchObject([{ from: 'down', to: 'degraded' }]);
    expect(e.apply(result('api', 'a', 'down', 4 * MIN))).toEqual([]);
  });

  it('re-applies staleness when the interval changes', () => {
    const e = withApi();
    e.applyAll([...round('api', up3, MIN), tick(3 * MIN)]);
    e.apply(setMonitor('api', { interval: 30 }));
    expect(e.monitorState('api')).toBe('unknown');
  });

  it('returns nothing for results of unknown monitors', () => {
    const e = new Evaluator();
    expect(e.apply(result('ghost', 'a', 'down', MIN))).toEqual([]);
    expect(e.monitorIds()).toEqual([]);
  });
});
