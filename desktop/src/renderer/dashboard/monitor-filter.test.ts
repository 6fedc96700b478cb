import { describe, expect, it } from 'vitest';
import { monitorView } from '../testing/view-fixtures.js';
import {
  countByState,
  DEFAULT_FILTER,
  facetsOf,
  filterMonitors,
  type MonitorFilter,
} from './monitor-filter.js';

const views = [
  monitorView({ id: 'api', name: 'API', tags: ['prod', 'core'], group: 'Backend' }, { status: 'up' }),
  monitorView(
    { id: 'db', name: 'Database', type: 'tcp', host: 'db.internal', port: 5432, group: 'Backend' },
    {
      status: 'down',
    },
  ),
  monitorView(
    { id: 'web', name: 'Website', url: 'https://www.example.com/', tags: ['prod'] },
    {
      status: 'degraded',
    },
  ),
  monitorView({ id: 'cron', name: 'Nightly backup', type: 'heartbeat', period: '1d' }, { status: 'paused' }),
  monitorView({ id: 'new', name: 'New thing' }, { status: 'pending' }),
  monitorView({ id: 'child', name: 'Child' }, { status: 'dependency_down' }),
];

const names = (filter: Partial<MonitorFilter>) =>
  filterMonitors(views, { ...DEFAULT_FILTER, ...filter }).map((view) => view.monitor.id);

describe('the dashboard filter', () => {
  it('puts what needs attention first by default', () => {
    expect(names({})).toEqual(['db', 'child', 'web', 'new', 'cron', 'api']);
  });

  it('finds monitors by any word of name, target, group or tag', () => {
    expect(names({ query: 'db.internal' })).toEqual(['db']);
    expect(names({ query: 'BACKEND data' })).toEqual(['db']);
    expect(names({ query: 'prod', sort: 'name' })).toEqual(['api', 'web']);
    expect(names({ query: 'nothing-matches-this' })).toEqual([]);
  });

  it('filters by state group, type, group and tag together', () => {
    expect(names({ state: 'down' })).toEqual(['db', 'child']);
    expect(names({ type: 'tcp' })).toEqual(['db']);
    expect(names({ group: 'Backend', sort: 'name' })).toEqual(['api', 'db']);
    expect(names({ tag: 'prod', state: 'up' })).toEqual(['api']);
  });

  it('sorts by latency slowest first, leaving monitors without checks last', () => {
    const timed = [
      monitorView({ id: 'a' }, { last: { region: 'local', ts: 1, state: 'up', latencyMs: 20, message: '' } }),
      monitorView({ id: 'b' }),
      monitorView(
        { id: 'c' },
        { last: { region: 'local', ts: 1, state: 'up', latencyMs: 900, message: '' } },
      ),
    ];
    expect(filterMonitors(timed, { ...DEFAULT_FILTER, sort: 'latency' }).map((v) => v.monitor.id)).toEqual([
      'c',
      'a',
      'b',
    ]);
  });

  it('sorts by uptime least available first', () => {
    const rated = [
      monitorView({ id: 'a' }, { uptime24h: 1 }),
      monitorView({ id: 'b' }, { uptime24h: null }),
      monitorView({ id: 'c' }, { uptime24h: 0.9 }),
    ];
    expect(filterMonitors(rated, { ...DEFAULT_FILTER, sort: 'uptime' }).map((v) => v.monitor.id)).toEqual([
      'c',
      'a',
      'b',
    ]);
  });

  it('lists the tags, groups and types present for the menus', () => {
    expect(facetsOf(views)).toEqual({
      tags: ['core', 'prod'],
      groups: ['Backend'],
      types: ['heartbeat', 'http', 'tcp'],
    });
  });

  it('counts monitors per state group', () => {
    expect(countByState(views)).toEqual({ down: 2, degraded: 1, up: 1, paused: 1, pending: 1 });
  });

  it('filters 10,000 monitors without losing any', () => {
    const many = Array.from({ length: 10_000 }, (_, i) =>
      monitorView({ id: `m${i}`, name: `Monitor ${i}`, tags: i % 2 === 0 ? ['even'] : [] }),
    );
    const shown = filterMonitors(many, { ...DEFAULT_FILTER, tag: 'even', sort: 'name' });
    expect(shown).toHaveLength(5000);
    expect(shown[0]!.monitor.name).toBe('Monitor 0');
    expect(shown[1]!.monitor.name).toBe('Monitor 2');
  });
});
