import { describe, expect, it } from 'vitest';
import type { SlaRowView } from '../../contract/methods/analytics-methods.js';
import { meetsTarget, nextSort, sortOverview } from './overview-sort.js';

const row = (name: string, uptime: number | null, mttrS: number | null = null): SlaRowView => ({
  monitorId: name.toLowerCase(),
  name,
  type: 'http',
  uptime,
  downtimeS: uptime === null ? 0 : Math.round((1 - uptime) * 86_400),
  incidents: 0,
  outages: 0,
  mttrS,
  p95Ms: null,
  checks: 0,
});

const rows = [row('Beta', 0.99, 60), row('alpha', 0.999), row('Gamma', null, 300), row('Delta', 0.95, 30)];

describe('sortOverview', () => {
  it('sorts by name, case-blind', () => {
    expect(sortOverview(rows, { column: 'name', descending: false }).map((r) => r.name)).toEqual([
      'alpha',
      'Beta',
      'Delta',
      'Gamma',
    ]);
  });

  it('puts unknown uptime last in both directions', () => {
    expect(sortOverview(rows, { column: 'uptime', descending: false }).map((r) => r.name)).toEqual([
      'Delta',
      'Beta',
      'alpha',
      'Gamma',
    ]);
    expect(sortOverview(rows, { column: 'uptime', descending: true }).map((r) => r.name)).toEqual([
      'alpha',
      'Beta',
      'Delta',
      'Gamma',
    ]);
  });

  it('sorts the longest recovery first and keeps monitors without one last', () => {
    expect(sortOverview(rows, { column: 'mttrS', descending: true }).map((r) => r.name)).toEqual([
      'Gamma',
      'Beta',
      'Delta',
      'alpha',
    ]);
  });
});

describe('nextSort', () => {
  it('flips the same column and starts figures worst first', () => {
    expect(nextSort({ column: 'name', descending: false }, 'name')).toEqual({
      column: 'name',
      descending: true,
    });
    expect(nextSort({ column: 'name', descending: false }, 'downtimeS')).toEqual({
      column: 'downtimeS',
      descending: true,
    });
    expect(nextSort({ column: 'name', descending: false }, 'uptime')).toEqual({
      column: 'uptime',
      descending: false,
    });
  });
});

describe('meetsTarget', () => {
  it('compares uptime with the target, unknown when there is none', () => {
    expect(meetsTarget({ uptime: 0.999 }, 0.999)).toBe(true);
    expect(meetsTarget({ uptime: 0.9989 }, 0.999)).toBe(false);
    expect(meetsTarget({ uptime: null }, 0.999)).toBeNull();
  });
});
