import { afterEach, describe, expect, it } from 'vitest';
import { monitorIdOf, syntheticResults } from './testing/result-fixtures.js';
import { type TempStore, tempStore } from './testing/temp-store.js';

const NOW = Date.UTC(2025, 3, 1, 12);
let temp: TempStore | undefined;
afterEach(() => temp?.dispose());

describe('dashboardSummary of some monitors', () => {
  it('equals those monitors’ lines of the whole dashboard, in id order, skipping unknown ids', () => {
    temp = tempStore({ now: () => NOW });
    for (let i = 0; i < 4; i++) {
      temp.store.monitors.save({
        id: monitorIdOf(i),
        name: `m${i}`,
        type: 'http',
        url: 'https://example.com',
      });
    }
    temp.store.ingestResults(
      [
        ...syntheticResults({
          monitors: 4,
          regions: ['eu-west'],
          intervalMs: 60_000,
          from: NOW - 3_600_000,
          count: 200,
        }),
      ],
      { relay: 'ws://relay' },
    );
    const whole = temp.store.dashboardSummary();
    const some = temp.store.dashboardSummary([monitorIdOf(3), 'nope', monitorIdOf(1), monitorIdOf(3)]);
    expect(some).toEqual([whole[1], whole[3]]);
  });
});
