import { describe, expect, it } from 'vitest';
import type { PageIncidentImpact } from './page-incident.js';
import { OVERALL_STATE_TEXT, overallState, publicMonitorState } from './overall-state.js';
import type { OverallState, PublicMonitorState } from './public-status-page.js';

describe('overallState', () => {
  it.each<[string, PublicMonitorState[], PageIncidentImpact[], OverallState]>([
    ['everything up', ['operational', 'operational'], [], 'operational'],
    ['nothing known yet', ['unknown', 'unknown'], [], 'unknown'],
    ['no monitors at all', [], [], 'unknown'],
    ['a notice while nothing is known', ['unknown'], ['none'], 'unknown'],
    ['an incident while nothing is known', ['unknown'], ['major'], 'partial_outage'],
    ['one of two down', ['operational', 'down'], [], 'partial_outage'],
    ['every known monitor down', ['down', 'down', 'unknown'], [], 'major_outage'],
    ['one degraded', ['operational', 'degraded'], [], 'degraded'],
    ['one in maintenance', ['operational', 'maintenance'], [], 'maintenance'],
    ['degraded beats maintenance', ['degraded', 'maintenance'], [], 'degraded'],
    ['a minor written incident', ['operational'], ['minor'], 'degraded'],
    ['a major written incident', ['operational'], ['major'], 'partial_outage'],
    ['a critical written incident', ['operational'], ['critical'], 'major_outage'],
    ['a notice changes nothing', ['operational'], ['none'], 'operational'],
    ['the worse of monitors and incidents', ['down', 'down'], ['minor'], 'major_outage'],
    ['an incident outranks maintenance', ['maintenance'], ['minor'], 'degraded'],
  ])('%s', (_, states, impacts, expected) => {
    expect(overallState(states, impacts)).toBe(expected);
  });
});

describe('OVERALL_STATE_TEXT', () => {
  it('says nothing about health while no monitor has reported', () => {
    expect(OVERALL_STATE_TEXT.unknown).toBe('No data yet');
  });
});

describe('publicMonitorState', () => {
  it.each([
    ['up', 'operational'],
    ['degraded', 'degraded'],
    ['dependency_down', 'degraded'],
    ['down', 'down'],
    ['maintenance', 'maintenance'],
    ['pending', 'unknown'],
    ['paused', 'unknown'],
    [undefined, 'unknown'],
  ] as const)('%s reads as %s', (status, expected) => {
    expect(publicMonitorState(status)).toBe(expected);
  });
});
