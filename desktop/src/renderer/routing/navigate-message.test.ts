import { describe, expect, it } from 'vitest';
import { readNavigateMessage } from './navigate-message.js';

describe('navigate messages', () => {
  it('opens the monitor a message names', () => {
    expect(readNavigateMessage({ type: 'navigate', monitorId: 'api' })).toEqual({
      screen: 'monitor',
      monitorId: 'api',
    });
  });

  it('accepts a path or a hash', () => {
    expect(readNavigateMessage({ type: 'navigate', path: '/incidents' })).toEqual({
      screen: 'incidents',
      incidentId: null,
    });
    expect(readNavigateMessage({ type: 'navigate', path: '#/settings' })).toEqual({ screen: 'settings' });
  });

  it.each([null, 'navigate', { type: 'sync' }, { type: 'navigate' }, { type: 'navigate', path: 3 }])(
    'ignores %j',
    (message) => {
      expect(readNavigateMessage(message)).toBeNull();
    },
  );
});
