import type { IncidentAckEvent } from './evaluator-events.js';
import type { EvaluatorState } from './evaluator-state.js';
import { copyIncident, type Incident, type IncidentTimelineEntry } from './incident.js';
import type { MonitorRecord } from './monitor-record.js';
import type { RegionRecord } from './region-record.js';
import type { MonitorStatus, RegionStatus } from './status.js';

function line(entry: IncidentTimelineEntry): IncidentTimelineEntry {
  return Object.freeze(entry);
}

function updated(state: EvaluatorState, incident: Incident): void {
  state.out.push({ type: 'incident.updated', incident: copyIncident(incident) });
}

/**
 * Rule 5, what a monitor's status change does to its incident:
 * 1. becoming down with none open opens one (dependency_down never does, and a paused or
 *    maintained monitor never becomes down);
 * 2. becoming up or degraded resolves it;
 * 3. becoming paused or maintenance also resolves it, with a line saying why: the user chose to
 *    stop watching, and a held-open incident would page nobody and never close. If the monitor
 *    is still down afterwards, a new incident opens;
 * 4. becoming unknown or dependency_down, or down again from those, keeps it open with a line,
 *    because nothing shows the service is back.
 */
export function onMonitorTransition(state: EvaluatorState, monitor: MonitorRecord, to: MonitorStatus): void {
  const incident = monitor.incident;
  if (incident === null) {
    if (to === 'down') openIncident(state, monitor);
    return;
  }
  if (to === 'up') resolveIncident(state, monitor, 'Recovered: the monitor is up');
  else if (to === 'degraded')
    resolveIncident(state, monitor, 'Recovered: the monitor answers again, but degraded');
  else if (to === 'paused') resolveIncident(state, monitor, 'Resolved because the monitor was paused');
  else if (to === 'maintenance')
    resolveIncident(state, monitor, 'Resolved because a maintenance window started');
  else {
    incident.timeline.push(line({ ts: state.now, kind: 'status', message: statusNote(monitor, to) }));
    updated(state, incident);
  }
}

function statusNote(monitor: MonitorRecord, to: MonitorStatus): string {
  if (to === 'unknown') return 'No region has reported a trusted result recently; still open';
  if (to === 'dependency_down') return `Parent monitor ${monitor.parentId} is down; still open`;
  return `The monitor is ${to} again`;
}

function openIncident(state: EvaluatorState, monitor: MonitorRecord): void {
  const { id } = monitor.config;
  const n = (state.incidentCounts.get(id) ?? 0) + 1;
  state.incidentCounts.set(id, n);
  let cause = monitor.tipping?.vote === 'down' ? monitor.tipping : undefined;
  const down: RegionRecord[] = [];
  for (const region of monitor.regions.values()) {
    if (region.vote !== 'down') continue;
    down.push(region);
    cause ??= region;
  }
  const message = cause?.failMessage ?? '';
  const timeline = down
    .map((r) => line({ ts: r.downSince, kind: 'region.down', region: r.name, message: r.failMessage ?? '' }))
    .sort((a, b) => a.ts - b.ts);
  const regions = down.map((r) => r.name);
  timeline.push(
    line({ ts: state.now, kind: 'opened', message: `Down in ${regions.join(', ')}: ${message}` }),
  );
  const incident: Incident = {
    id: `${id}:${n}`,
    monitorId: id,
    openedAt: state.now,
    cause: message,
    regions,
    timeline,
  };
  monitor.incident = incident;
  state.out.push({ type: 'incident.opened', incident: copyIncident(incident) });
}

/** Resolves a monitor's open incident with a last timeline line saying why. */
export function resolveIncident(state: EvaluatorState, monitor: MonitorRecord, message: string): void {
  const incident = monitor.incident;
  if (incident === null) return;
  incident.resolvedAt = state.now;
  incident.timeline.push(line({ ts: state.now, kind: 'resolved', message }));
  monitor.incident = null;
  state.out.push({ type: 'incident.resolved', incident });
}

/** Records a region going down or leaving down on the monitor's open incident, if any. */
export function onRegionTransition(
  state: EvaluatorState,
  region: RegionRecord,
  from: RegionStatus,
  ts: number,
): void {
  const incident = region.monitor.incident;
  if (incident === null || (from !== 'down' && region.state !== 'down')) return;
  if (region.state === 'down') {
    if (!incident.regions.includes(region.name)) incident.regions.push(region.name);
    const message = region.failMessage ?? '';
    incident.timeline.push(line({ ts, kind: 'region.down', region: region.name, message }));
  } else {
    const message = `${region.name} is ${region.state} again`;
    incident.timeline.push(line({ ts, kind: 'region.up', region: region.name, message }));
  }
  updated(state, incident);
}

/** Records who acknowledged an open incident and when; a second acknowledgement changes nothing. */
export function acknowledgeIncident(state: EvaluatorState, event: IncidentAckEvent): void {
  const monitorId = event.incidentId.slice(0, event.incidentId.lastIndexOf(':'));
  const incident = state.monitors.get(monitorId)?.incident;
  if (incident == null || incident.id !== event.incidentId || incident.acknowledgedAt !== undefined) return;
  incident.acknowledgedAt = event.ts;
  incident.acknowledgedBy = event.by;
  incident.timeline.push(
    line({ ts: event.ts, kind: 'acknowledged', message: `Acknowledged by ${event.by}` }),
  );
  updated(state, incident);
}
