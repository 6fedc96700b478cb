import { describe, expect, it } from 'vitest';
import { formatRoute, parseRoute, type Route, topScreenOf } from './routes.js';

describe('hash routes', () => {
  it.each<[string, Route]>([
    ['', { screen: 'dashboard' }],
    ['#/', { screen: 'dashboard' }],
    ['#/monitors', { screen: 'dashboard' }],
    ['#/monitors/api-prod', { screen: 'monitor', monitorId: 'api-prod' }],
    ['#/monitors/api-prod/edit', { screen: 'editor', monitorId: 'api-prod' }],
    ['#/new', { screen: 'editor', monitorId: null }],
    ['#/incidents', { screen: 'incidents', incidentId: null }],
    ['#/incidents/api%3A3', { screen: 'incidents', incidentId: 'api:3' }],
    ['#/probes', { screen: 'probes' }],
    ['#/settings', { screen: 'settings' }],
    ['/settings?x=1', { screen: 'settings' }],
    ['#/alerting', { screen: 'alerting', tab: 'channels' }],
    ['#/alerting/maintenance', { screen: 'alerting', tab: 'maintenance' }],
    ['#/status-pages', { screen: 'status-pages', pageId: null }],
    ['#/status-pages/public', { screen: 'status-pages', pageId: 'public' }],
    ['#/analytics', { screen: 'analytics', monitorId: null }],
    ['#/analytics/api%20prod', { screen: 'analytics', monitorId: 'api prod' }],
  ])('reads %j', (hash, route) => {
    expect(parseRoute(hash)).toEqual(route);
  });

  it.each([
    '#/nope',
    '#/alerting/nope',
    '#/status-pages/a/b',
    '#/settings/extra',
    '#/monitors/a/b/c',
    '#/monitors/a/delete',
    '#/monitors/%E0%A4%A',
  ])('sends the unknown address %j to the not-found page', (hash) => {
    expect(parseRoute(hash).screen).toBe('not-found');
  });

  it.each<Route>([
    { screen: 'dashboard' },
    { screen: 'monitor', monitorId: 'web_1' },
    { screen: 'editor', monitorId: 'web_1' },
    { screen: 'editor', monitorId: null },
    { screen: 'incidents', incidentId: 'web_1:12' },
    { screen: 'incidents', incidentId: null },
    { screen: 'probes' },
    { screen: 'settings' },
    { screen: 'alerting', tab: 'deliveries' },
    { screen: 'status-pages', pageId: 'status/main' },
    { screen: 'status-pages', pageId: null },
    { screen: 'analytics', monitorId: 'api' },
    { screen: 'analytics', monitorId: null },
  ])('formats %j so that it reads back the same', (route) => {
    expect(parseRoute(formatRoute(route))).toEqual(route);
  });

  it('keeps a monitor called "new" reachable: creating lives at #/new', () => {
    expect(parseRoute(formatRoute({ screen: 'monitor', monitorId: 'new' }))).toEqual({
      screen: 'monitor',
      monitorId: 'new',
    });
  });

  it('highlights the dashboard for a monitor page and nothing for an unknown page', () => {
    expect(topScreenOf({ screen: 'monitor', monitorId: 'a' })).toBe('dashboard');
    expect(topScreenOf({ screen: 'not-found', path: '/x' })).toBeNull();
  });
});
