import { describe, expect, it } from 'vitest';
import { monitorView } from '../testing/view-fixtures.js';
import { dashboardView, lastLatencyText, memoizeLast } from './dashboard-view.js';
import { DEFAULT_FILTER } from './monitor-filter.js';

describe('the dashboard view', () => {
  it('answers repeated calls with the same arguments without computing again', () => {
    let runs = 0;
    const double = memoizeLast((n: number) => {
      runs++;
      return n * 2;
    });
    expect([double(2), double(2), double(3), double(3)]).toEqual([4, 4, 6, 6]);
    expect(runs).toBe(2);
  });

  it('derives the shown list, counts and facets from the monitors and the filter', () => {
    const monitors = new Map([
      ['a', monitorView({ id: 'a', tags: ['x'] }, { status: 'down' })],
      ['b', monitorView({ id: 'b' }, { status: 'up' })],
    ]);
    const view = dashboardView(monitors, { ...DEFAULT_FILTER, state: 'up' });
    expect(view.shown.map((v) => v.monitor.id)).toEqual(['b']);
    expect(view.counts).toMatchObject({ down: 1, up: 1 });
    expect(view.facets.tags).toEqual(['x']);
    expect(dashboardView(monitors, { ...DEFAULT_FILTER, state: 'up' })).not.toBe(view);
  });

  it("shows a heartbeat's run time when it has one and a dash otherwise, never 0.0 ms", () => {
    const last = (latencyMs: number) => ({
      region: 'local',
      ts: 0,
      state: 'up' as const,
      latencyMs,
      message: '',
    });
    const beat = { id: 'job', type: 'heartbeat', period: 3600 };
    expect(lastLatencyText(monitorView(beat, { last: last(0) }))).toBe('—');
    expect(lastLatencyText(monitorView(beat, { last: last(2500) }))).toBe('2.50 s');
    expect(lastLatencyText(monitorView({ id: 'web' }, { last: last(0.25) }))).toBe('0.3 ms');
    expect(lastLatencyText(monitorView({ id: 'web' }))).toBe('—');
  });
});
