import { describe, expect, it } from 'vitest';
import type { SyncView } from '../../contract/index.js';
import { SYNC } from '../testing/fake-transport.js';
import { bannerState } from './connection-banner-state.js';

const NOW = 1_700_000_000_000;
const sync = (fields: Partial<SyncView>): SyncView => ({ ...SYNC, ...fields });

describe('the connection banner', () => {
  it('stays away while connected and live', () => {
    expect(bannerState(SYNC, { state: 'open', failures: 0, nextAttemptAt: null }, NOW)).toBeNull();
    expect(bannerState(null, null, NOW)).toBeNull();
  });

  it("puts this page's lost socket first, with its retry countdown", () => {
    const banner = bannerState(SYNC, { state: 'closed', failures: 2, nextAttemptAt: NOW + 4200 }, NOW);
    expect(banner).toMatchObject({
      tone: 'down',
      title: 'Lost the connection to Vantage',
      action: 'retry-link',
    });
    expect(banner!.detail).toContain('Retrying in 5 s.');
  });

  it('says the relay is unreachable, why, when it retries and what waits', () => {
    const banner = bannerState(
      sync({
        mode: 'remote',
        relayUrl: 'wss://relay.example.com/ws',
        connection: 'disconnected',
        lastError: 'connect ECONNREFUSED',
        nextAttemptAt: NOW + 10_000,
        pendingChanges: 2,
      }),
      null,
      NOW,
    );
    expect(banner).toMatchObject({
      title: 'Relay unreachable at wss://relay.example.com/ws',
      action: 'retry-relay',
    });
    expect(banner!.detail).toBe(
      'connect ECONNREFUSED Retrying in 10 s. 2 change(s) will be sent when it is back.',
    );
  });

  it('sends a refused token to Settings', () => {
    expect(bannerState(sync({ connection: 'unauthorized' }), null, NOW)?.action).toBe('settings');
  });

  it('shows catch-up progress until the backlog is drained', () => {
    const banner = bannerState(
      sync({ catchUp: { live: false, received: 1500, remaining: 500, fraction: 0.75 } }),
      null,
      NOW,
    );
    expect(banner).toMatchObject({ title: 'Catching up with the relay', progress: 0.75 });
    expect(banner!.detail).toBe(`${(1500).toLocaleString()} of ${(2000).toLocaleString()} results received`);
  });
});
