import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type TempStore, tempStore } from './testing/temp-store.js';

let temp: TempStore;
beforeEach(() => {
  temp = tempStore();
});
afterEach(() => temp.dispose());

describe('probe repo', () => {
  it('records probes as the relay reports them and marks them all disconnected when the link drops', () => {
    const { probes } = temp.store;
    probes.upsert({
      probeId: 'fra-1',
      name: 'Frankfurt 1',
      region: 'eu-west',
      connected: true,
      healthy: true,
      lastSeenAt: 5_000,
      version: '0.1.0',
    });
    probes.upsert({
      probeId: 'nyc-1',
      name: 'New York 1',
      region: 'us-east',
      connected: true,
      healthy: false,
      lastSeenAt: 6_000,
      reason: 'canaries failing',
    });
    // A late event with an older sighting does not move the last-seen time back.
    probes.upsert({
      probeId: 'fra-1',
      name: 'Frankfurt 1',
      region: 'eu-west',
      connected: true,
      healthy: true,
      lastSeenAt: 4_000,
    });
    probes.markAllDisconnected();

    const again = temp.reopen().probes;
    expect(again.list()).toEqual([
      {
        probeId: 'fra-1',
        name: 'Frankfurt 1',
        region: 'eu-west',
        connected: false,
        healthy: true,
        lastSeenAt: 5_000,
      },
      {
        probeId: 'nyc-1',
        name: 'New York 1',
        region: 'us-east',
        connected: false,
        healthy: false,
        lastSeenAt: 6_000,
        reason: 'canaries failing',
      },
    ]);
    expect(again.get('nyc-1')?.healthy).toBe(false);
    expect(again.get('missing')).toBeNull();
  });
});
