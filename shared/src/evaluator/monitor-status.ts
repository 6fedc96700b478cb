import type { EvaluatedMonitor } from './evaluated-monitor.js';
import type { MonitorRecord } from './monitor-record.js';
import type { MonitorStatus } from './status.js';

/**
 * Whether `down` of `voting` fresh regions meet the quorum: `majority` is more than half, `all`
 * every one, `any` at least one, and a number N at least min(N, voting).
 */
export function quorumMet(quorum: EvaluatedMonitor['quorum'], voting: number, down: number): boolean {
  if (voting === 0 || down === 0) return false;
  if (quorum === 'majority') return down * 2 > voting;
  if (quorum === 'all') return down === voting;
  if (quorum === 'any') return true;
  return down >= Math.min(quorum, voting);
}

/**
 * Rules 3 and 4, a monitor's status from its counts, first match wins:
 * 1. paused, then maintenance, override everything;
 * 2. pending while no region has left pending yet;
 * 3. unknown when no region votes (none is fresh, or their probes are all unhealthy);
 * 4. down when the down regions meet the quorum, but dependency_down when the parent is down
 *    or itself dependency_down;
 * 5. degraded when any voting region is down or degraded (a partial outage);
 * 6. up.
 */
export function monitorStatusOf(monitor: MonitorRecord, parentDown: boolean): MonitorStatus {
  if (monitor.paused) return 'paused';
  if (monitor.maintenance) return 'maintenance';
  if (!monitor.settled) return 'pending';
  if (monitor.voting === 0) return 'unknown';
  if (quorumMet(monitor.config.quorum, monitor.voting, monitor.votingDown)) {
    return parentDown ? 'dependency_down' : 'down';
  }
  if (monitor.votingDown > 0 || monitor.votingDegraded > 0) return 'degraded';
  return 'up';
}

/** Whether a parent in this status turns a down child into dependency_down. */
export function isDownLike(status: MonitorStatus): boolean {
  return status === 'down' || status === 'dependency_down';
}

function votingNames(monitor: MonitorRecord, vote: 'down' | 'degraded'): string {
  const names: string[] = [];
  for (const region of monitor.regions.values()) if (region.vote === vote) names.push(region.name);
  return names.join(', ');
}

/** One sentence saying why a monitor has the status it just got. */
export function describeStatus(monitor: MonitorRecord, status: MonitorStatus): string {
  const of = `${monitor.votingDown} of ${monitor.voting} reporting regions`;
  switch (status) {
    case 'paused':
      return 'Paused';
    case 'maintenance':
      return 'In maintenance';
    case 'pending':
      return 'Waiting for the first results';
    case 'unknown':
      return 'No region has reported a trusted result in the last three intervals';
    case 'down':
      return `Down in ${of} (${votingNames(monitor, 'down')})`;
    case 'dependency_down':
      return `Down in ${of}, but parent monitor ${monitor.parentId} is down`;
    case 'degraded': {
      const parts: string[] = [];
      if (monitor.votingDown > 0) parts.push(`down in ${votingNames(monitor, 'down')}`);
      if (monitor.votingDegraded > 0) parts.push(`degraded in ${votingNames(monitor, 'degraded')}`);
      return `Partial outage: ${parts.join('; ')}`;
    }
    case 'up':
      return monitor.voting === 1
        ? 'Up in the one reporting region'
        : `Up in all ${monitor.voting} reporting regions`;
  }
}
