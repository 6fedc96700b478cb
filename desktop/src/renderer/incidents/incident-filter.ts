import type { IncidentView } from '../../contract/index.js';

/** Which incidents the incidents page lists. */
export type IncidentTab = 'open' | 'resolved' | 'all';

/** The incidents of a tab: open ones newest first (unacknowledged before acknowledged), others newest first. */
export function incidentsFor(incidents: readonly IncidentView[], tab: IncidentTab): IncidentView[] {
  const shown = incidents.filter((incident) =>
    tab === 'all'
      ? true
      : tab === 'open'
        ? incident.resolvedAt === undefined
        : incident.resolvedAt !== undefined,
  );
  return shown.sort((a, b) => {
    const openA = a.resolvedAt === undefined ? 0 : 1;
    const openB = b.resolvedAt === undefined ? 0 : 1;
    if (openA !== openB) return openA - openB;
    if (openA === 0) {
      const ackA = a.acknowledgedAt === undefined ? 0 : 1;
      const ackB = b.acknowledgedAt === undefined ? 0 : 1;
      if (ackA !== ackB) return ackA - ackB;
    }
    return b.openedAt - a.openedAt;
  });
}

/** How many incidents each tab holds. */
export function incidentCounts(incidents: readonly IncidentView[]): Record<IncidentTab, number> {
  const open = incidents.filter((incident) => incident.resolvedAt === undefined).length;
  return { open, resolved: incidents.length - open, all: incidents.length };
}
