import { describe, expect, it } from 'vitest';
import type { EvaluatedMonitor } from './evaluated-monitor.js';
import { monitorConfig } from './evaluator-test-kit.js';
import { MonitorRecord } from './monitor-record.js';
import { monitorStatusOf, quorumMet } from './monitor-status.js';

describe('quorum over fresh regions', () => {
  const table: Array<[EvaluatedMonitor['quorum'], number, number, boolean]> = [
    ['majority', 3, 1, false],
    ['majority', 3, 2, true],
    ['majority', 4, 2, false],
    ['majority', 4, 3, true],
    ['majority', 1, 1, true],
    ['all', 3, 2, false],
    ['all', 3, 3, true],
    ['any', 3, 1, true],
    ['any', 3, 0, false],
    [2, 3, 1, false],
    [2, 3, 2, true],
    [3, 2, 2, true],
    [3, 2, 1, false],
    ['majority', 0, 0, false],
  ];
  it.each(table)('%s with %i fresh and %i down is met: %s', (quorum, voting, down, met) => {
    expect(quorumMet(quorum, voting, down)).toBe(met);
  });
});

describe('monitor status precedence', () => {
  function record(
    counts: { voting: number; down: number; degraded: number },
    over: Partial<MonitorRecord> = {},
  ) {
    const monitor = new MonitorRecord(0, monitorConfig('m'));
    monitor.settled = true;
    monitor.voting = counts.voting;
    monitor.votingDown = counts.down;
    monitor.votingDegraded = counts.degraded;
    return Object.assign(monitor, over);
  }
  const table: Array<[string, MonitorRecord, boolean, string]> = [
    ['paused wins over down', record({ voting: 3, down: 3, degraded: 0 }, { paused: true }), false, 'paused'],
    [
      'maintenance wins over down',
      record({ voting: 3, down: 3, degraded: 0 }, { maintenance: true }),
      false,
      'maintenance',
    ],
    [
      'pending before any region settles',
      record({ voting: 0, down: 0, degraded: 0 }, { settled: false }),
      false,
      'pending',
    ],
    ['unknown when no region votes', record({ voting: 0, down: 0, degraded: 0 }), false, 'unknown'],
    ['down on quorum', record({ voting: 3, down: 2, degraded: 0 }), false, 'down'],
    [
      'dependency_down when the parent is down',
      record({ voting: 3, down: 2, degraded: 0 }),
      true,
      'dependency_down',
    ],
    ['degraded on a partial outage', record({ voting: 3, down: 1, degraded: 0 }), true, 'degraded'],
    ['degraded when a region is slow', record({ voting: 3, down: 0, degraded: 1 }), false, 'degraded'],
    ['up otherwise, whatever the parent', record({ voting: 3, down: 0, degraded: 0 }), true, 'up'],
  ];
  it.each(table)('%s', (_name, monitor, parentDown, expected) => {
    expect(monitorStatusOf(monitor, parentDown)).toBe(expected);
  });
});
