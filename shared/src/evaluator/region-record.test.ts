import { describe, expect, it } from 'vitest';
import type { CheckState } from '../results/check-result.js';
import type { EvaluatedMonitor } from './evaluated-monitor.js';
import { windowFor } from './evaluator-state.js';
import { monitorConfig } from './evaluator-test-kit.js';
import { MonitorRecord } from './monitor-record.js';
import { RegionHealth } from './region-health.js';
import { RegionRecord, recordRegionResult } from './region-record.js';

const MIN = 60_000;

/** Feeds results (state, minute) to a fresh region and returns its state after each. */
function run(config: Partial<EvaluatedMonitor>, results: Array<[CheckState, number?]>): string[] {
  const monitor = new MonitorRecord(0, monitorConfig('m', config));
  const region = new RegionRecord(0, 'eu', monitor, new RegionHealth('eu'));
  region.window = windowFor(monitor.config);
  return results.map(([state, minute], i) => {
    recordRegionResult(region, state, (minute ?? i) * MIN, `${state} #${i}`);
    return region.state;
  });
}

const d = (n: number): Array<[CheckState]> => Array.from({ length: n }, () => ['down']);
const u = (n: number): Array<[CheckState]> => Array.from({ length: n }, () => ['up']);

describe('rule 1: one region follows its results with confirmation and recovery', () => {
  const table: Array<[string, Partial<EvaluatedMonitor>, Array<[CheckState, number?]>, string[]]> = [
    ['stays pending before any result settles it', {}, [['down']], ['pending']],
    ['turns up on its first up result', {}, [['up']], ['up']],
    ['turns degraded on a degraded result', {}, [['up'], ['degraded']], ['up', 'degraded']],
    ['needs two failures in a row with confirmation 2', {}, [['up'], ...d(2)], ['up', 'up', 'down']],
    [
      'goes down on the first failure with confirmation 1',
      { confirmation: 1 },
      [['up'], ['down']],
      ['up', 'down'],
    ],
    [
      'restarts the count when a success breaks the streak',
      { confirmation: 3 },
      [['up'], ...d(2), ['up'], ...d(2)],
      ['up', 'up', 'up', 'up', 'up', 'up'],
    ],
    ['leaves pending straight to down once confirmed', {}, d(2), ['pending', 'down']],
    ['holds degraded through an unconfirmed failure', {}, [['degraded'], ['down']], ['degraded', 'degraded']],
    [
      'needs two successes in a row to recover with recovery 2',
      {},
      [...d(2), ...u(2)],
      ['pending', 'down', 'down', 'up'],
    ],
    [
      'restarts the recovery count on a new failure',
      {},
      [...d(2), ['up'], ['down'], ...u(2)],
      ['pending', 'down', 'down', 'down', 'down', 'up'],
    ],
    [
      'recovers to degraded when the latest result is degraded',
      { recovery: 3 },
      [...d(2), ['degraded'], ['up'], ['degraded']],
      ['pending', 'down', 'down', 'down', 'degraded'],
    ],
    [
      'goes down on scattered failures that fit the failure window',
      { confirmation: 5, failureWindow: { failures: 3, minutes: 10 } },
      [
        ['down', 0],
        ['up', 1],
        ['down', 2],
        ['up', 3],
        ['down', 4],
      ],
      ['pending', 'up', 'up', 'up', 'down'],
    ],
    [
      'ignores failures older than the window',
      { confirmation: 5, failureWindow: { failures: 3, minutes: 10 } },
      [
        ['down', 0],
        ['up', 1],
        ['down', 6],
        ['up', 7],
        ['down', 11],
      ],
      ['pending', 'up', 'up', 'up', 'up'],
    ],
    [
      'counts the window inclusively at exactly its length',
      { confirmation: 5, failureWindow: { failures: 2, minutes: 10 } },
      [
        ['up', 0],
        ['down', 1],
        ['up', 2],
        ['down', 11],
      ],
      ['up', 'up', 'up', 'down'],
    ],
    [
      'still goes down by confirmation when a window is set',
      { confirmation: 2, failureWindow: { failures: 5, minutes: 10 } },
      [
        ['up', 0],
        ['down', 1],
        ['down', 2],
      ],
      ['up', 'up', 'down'],
    ],
  ];
  it.each(table)('%s', (_name, config, results, expected) => {
    expect(run(config, results)).toEqual(expected);
  });

  it('keeps the first failing message of the failure that confirmed as the cause', () => {
    const monitor = new MonitorRecord(0, monitorConfig('m', { confirmation: 3 }));
    const region = new RegionRecord(0, 'eu', monitor, new RegionHealth('eu'));
    const feed: Array<[CheckState, string]> = [
      ['down', 'dns failed'],
      ['up', ''],
      ['down', 'connection refused'],
      ['down', 'timeout'],
      ['down', 'timeout'],
    ];
    for (const [i, [state, message]] of feed.entries()) recordRegionResult(region, state, i * MIN, message);
    expect(region.state).toBe('down');
    expect(region.failMessage).toBe('connection refused');
  });
});
