import type { MonitorStatus } from '../evaluator/status.js';
import type { PageIncidentImpact } from './page-incident.js';
import type { OverallState, PublicMonitorState } from './public-status-page.js';

/** A monitor's public state: pending, paused and unknown say nothing and read as `unknown`. */
export function publicMonitorState(status: MonitorStatus | undefined): PublicMonitorState {
  switch (status) {
    case 'up':
      return 'operational';
    case 'degraded':
    case 'dependency_down':
      return 'degraded';
    case 'down':
      return 'down';
    case 'maintenance':
      return 'maintenance';
    default:
      return 'unknown';
  }
}

/**
 * The banner of a page, the worse of what monitors and open written incidents say:
 * 1. monitors: every known one down → major outage; some down → partial outage; some degraded →
 *    degraded; otherwise, some in maintenance → maintenance; none known at all → unknown;
 * 2. open written incidents: critical → major outage, major → partial outage, minor → degraded
 *    (`none` is a notice and changes nothing); an incident outranks unknown monitors.
 */
export function overallState(
  states: readonly PublicMonitorState[],
  openImpacts: readonly PageIncidentImpact[],
): OverallState {
  const known = states.filter((s) => s !== 'unknown');
  const down = known.filter((s) => s === 'down').length;
  let fromMonitors: OverallState = 'operational';
  // Nothing reported yet must not read as "all systems operational".
  if (known.length === 0) fromMonitors = 'unknown';
  else if (down > 0 && down === known.length) fromMonitors = 'major_outage';
  else if (down > 0) fromMonitors = 'partial_outage';
  else if (known.includes('degraded')) fromMonitors = 'degraded';
  else if (known.includes('maintenance')) fromMonitors = 'maintenance';
  const fromIncidents: OverallState = openImpacts.includes('critical')
    ? 'major_outage'
    : openImpacts.includes('major')
      ? 'partial_outage'
      : openImpacts.includes('minor')
        ? 'degraded'
        : 'operational';
  if (fromIncidents === 'operational') return fromMonitors;
  return RANK[fromMonitors] <= RANK[fromIncidents] ? fromMonitors : fromIncidents;
}

const RANK: Readonly<Record<OverallState, number>> = {
  major_outage: 0,
  partial_outage: 1,
  degraded: 2,
  maintenance: 3,
  operational: 4,
  unknown: 5,
};

/** The banner's sentence for a state. */
export const OVERALL_STATE_TEXT: Readonly<Record<OverallState, string>> = {
  major_outage: 'Major outage',
  partial_outage: 'Partial outage',
  degraded: 'Degraded performance',
  maintenance: 'Under maintenance',
  operational: 'All systems operational',
  unknown: 'No data yet',
};
