import { describe, expect, it } from 'vitest';
import { resolveShortcut } from './shortcut-keys.js';

describe('global shortcuts', () => {
  it('goes to a screen with g and its letter', () => {
    expect(resolveShortcut('g', null)).toEqual({ kind: 'prefix' });
    expect(resolveShortcut('i', 'g')).toEqual({
      kind: 'navigate',
      route: { screen: 'incidents', incidentId: null },
    });
    expect(resolveShortcut('x', 'g')).toBeNull();
  });

  it('reaches reports, alerting and status pages', () => {
    expect(resolveShortcut('r', 'g')).toMatchObject({ route: { screen: 'analytics', monitorId: null } });
    expect(resolveShortcut('a', 'g')).toMatchObject({ route: { screen: 'alerting', tab: 'channels' } });
    expect(resolveShortcut('u', 'g')).toMatchObject({ route: { screen: 'status-pages', pageId: null } });
  });

  it('opens the editor, the search and the help with one key', () => {
    expect(resolveShortcut('n', null)).toEqual({
      kind: 'navigate',
      route: { screen: 'editor', monitorId: null },
    });
    expect(resolveShortcut('/', null)).toEqual({ kind: 'focus-search' });
    expect(resolveShortcut('?', null)).toEqual({ kind: 'toggle-help' });
    expect(resolveShortcut('q', null)).toBeNull();
  });
});
