import { PAGE_INCIDENT_STATUSES, type PageIncidentImpact, type PageIncidentStatus } from '@vantage/shared';

/** Words for each stage of a written incident. */
export const STATUS_LABEL: Record<PageIncidentStatus, string> = {
  investigating: 'Investigating',
  identified: 'Identified',
  monitoring: 'Monitoring',
  resolved: 'Resolved',
};

/** Words for each impact, as the page's banner says them. */
export const IMPACT_LABEL: Record<PageIncidentImpact, string> = {
  none: 'No impact',
  minor: 'Minor',
  major: 'Major',
  critical: 'Critical',
};

/** The stage an update most likely moves to from `current` (resolved stays resolved). */
export function nextStatus(current: PageIncidentStatus): PageIncidentStatus {
  const index = PAGE_INCIDENT_STATUSES.indexOf(current);
  return PAGE_INCIDENT_STATUSES[Math.min(index + 1, PAGE_INCIDENT_STATUSES.length - 1)] ?? 'resolved';
}

/** The stage an incident is at: its newest update's. */
export function currentStatus(incident: {
  updates: readonly { status: PageIncidentStatus }[];
}): PageIncidentStatus {
  return incident.updates.at(-1)?.status ?? 'investigating';
}

/** The colour family a stage or impact is drawn in. */
export function impactTone(impact: PageIncidentImpact): 'down' | 'degraded' | 'pending' {
  return impact === 'critical' || impact === 'major' ? 'down' : impact === 'minor' ? 'degraded' : 'pending';
}

/** The stages as choices of a segmented control, in order. */
export const STATUS_OPTIONS = PAGE_INCIDENT_STATUSES.map((value) => ({ value, label: STATUS_LABEL[value] }));
