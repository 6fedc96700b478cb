import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { startCoreUnderTest } from './testing/core-harness.js';

describe('stopping a core right after it started', () => {
  it('finishes every time, even while the desktop and the probe are still dialing the embedded relay', async () => {
    const t = await startCoreUnderTest();
    const stops: number[] = [];
    // Each stop lands at a different point of the start-up handshakes; before the relay bounded its
    // HTTP close, one of them left the stop pending forever.
    for (let i = 0; i < 16; i++) {
      await sleep((i % 8) * 2);
      await t.restart();
      stops.push(i);
    }
    await t.dispose();
    expect(stops).toHaveLength(16);
  });
});
