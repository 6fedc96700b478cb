import type { MonitorStatus } from '@vantage/shared';
import { describe, expect, it } from 'vitest';
import type { MonitorView } from '../contract/index.js';
import { MonitorTally, type StateCounts, worstState } from './monitor-tally.js';

const view = (id: string, status: MonitorStatus) => ({ monitor: { id }, status }) as unknown as MonitorView;

describe('worst state', () => {
  it.each<[StateCounts, string]>([
    [{}, 'empty'],
    [{ up: 0 }, 'empty'],
    [{ up: 5 }, 'up'],
    [{ up: 5, paused: 1 }, 'paused'],
    [{ up: 5, pending: 1, paused: 2 }, 'pending'],
    [{ up: 5, unknown: 1, pending: 1 }, 'unknown'],
    [{ up: 5, degraded: 1, unknown: 1 }, 'degraded'],
    [{ degraded: 1, dependency_down: 1 }, 'dependency_down'],
    [{ up: 9, degraded: 3, down: 1 }, 'down'],
  ])('of %j is %s', (counts, worst) => {
    expect(worstState(counts)).toBe(worst);
  });
});

describe('monitor tally', () => {
  it('counts the list, then follows changes and removals, saying when a count moved', () => {
    const tally = new MonitorTally();
    tally.reset([view('a', 'up'), view('b', 'up'), view('c', 'degraded')]);
    expect(tally.counts()).toEqual({ up: 2, degraded: 1 });

    expect(tally.apply({ type: 'monitors.changed', monitors: [view('a', 'up')] })).toBe(false);
    expect(
      tally.apply({ type: 'monitors.changed', monitors: [view('a', 'down'), view('d', 'pending')] }),
    ).toBe(true);
    expect(tally.counts()).toEqual({ up: 1, down: 1, degraded: 1, pending: 1 });

    expect(tally.apply({ type: 'monitors.removed', monitorIds: ['c', 'nope'] })).toBe(true);
    expect(tally.apply({ type: 'monitors.removed', monitorIds: ['nope'] })).toBe(false);
    expect(tally.apply({ type: 'checks', checks: [] })).toBe(false);
    expect(tally.counts()).toEqual({ up: 1, down: 1, pending: 1 });

    tally.reset([]);
    expect(tally.counts()).toEqual({});
  });
});
