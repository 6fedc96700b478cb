import type { CheckResult } from '@vantage/shared';
import { describe, expect, it } from 'vitest';
import { markMaintenance } from './maintenance-marks.js';

const T0 = Date.parse('2026-03-02T12:00:00Z');
const WINDOW = { monitorId: 'api', from: T0, to: T0 + 3_600_000 };
const inWindow = (monitorId: string, at: number) =>
  monitorId === WINDOW.monitorId && at >= WINDOW.from && at < WINDOW.to;

function result(monitorId: string, ts: number, maintenance?: boolean): CheckResult {
  return {
    probeId: 'p1',
    seq: 1,
    monitorId,
    region: 'eu-west',
    ts,
    state: 'down',
    latencyMs: 10,
    message: '',
    attempts: 1,
    probeHealthy: true,
    ...(maintenance === undefined ? {} : { maintenance }),
  };
}

describe('markMaintenance', () => {
  it.each([
    ['taken in the window', result('api', T0 + 60_000), true],
    ['taken before the window', result('api', T0 - 60_000), false],
    ['taken after the window', result('api', T0 + 3_600_000), false],
    ['of a monitor the window does not cover', result('web', T0 + 60_000), false],
    ['claimed by the probe outside the window', result('api', T0 - 1, true), false],
  ])('marks a result %s by its own time: %s', (_, input, marked) => {
    const batch = [input];
    markMaintenance(batch, inWindow);
    expect(batch[0]!.maintenance ?? false).toBe(marked);
    expect('maintenance' in batch[0]!).toBe(marked);
  });
});
