import { z } from 'zod';
import { RegionName } from '../results/check-result.js';
import { MonitorRef } from './evaluated-monitor.js';
import { Timestamp } from './status.js';

/**
 * What one timeline line records. `status` lines note monitor changes that keep the incident
 * open (stale regions, parent down); `resolved` is always the last line.
 */
export const IncidentTimelineKind = z.enum([
  'opened',
  'region.down',
  'region.up',
  'status',
  'acknowledged',
  'resolved',
]);
/** What one timeline line records. */
export type IncidentTimelineKind = z.infer<typeof IncidentTimelineKind>;

/** One line of an incident's timeline. */
export const IncidentTimelineEntry = z.object({
  ts: Timestamp,
  kind: IncidentTimelineKind,
  region: RegionName.optional(),
  message: z.string().max(4000),
});
/** One line of an incident's timeline. */
export type IncidentTimelineEntry = z.infer<typeof IncidentTimelineEntry>;

/** A period during which a monitor was down, as the evaluator opened and resolved it. */
export const Incident = z.object({
  /** `${monitorId}:${n}`, n counting the monitor's incidents from 1 (kept across remove and re-add). */
  id: z.string().min(1).max(100),
  monitorId: MonitorRef,
  openedAt: Timestamp,
  resolvedAt: Timestamp.optional(),
  acknowledgedAt: Timestamp.optional(),
  acknowledgedBy: z.string().max(200).optional(),
  /** The first failing message of the region whose confirmation tipped the quorum. */
  cause: z.string().max(2000),
  /** Regions that were down at some point while the incident was open, in the order they went down. */
  regions: z.array(RegionName),
  timeline: z.array(IncidentTimelineEntry),
});
/** A period during which a monitor was down. */
export type Incident = z.infer<typeof Incident>;

/** A copy that later changes to the evaluator's live incident cannot reach (timeline lines are never mutated). */
export function copyIncident(incident: Incident): Incident {
  return { ...incident, regions: incident.regions.slice(), timeline: incident.timeline.slice() };
}
