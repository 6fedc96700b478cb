import type { MonitorStatusEntry } from '@vantage/shared';
import type { StatusService } from '../hub/hub-services.js';
import type { ProbeDirectory } from '../hub/probe-directory.js';
import type { MonitorService } from '../monitors/monitor-service.js';
import type { IncidentStore } from '../storage/relay-storage.js';
import type { EvaluationService } from './evaluation-service.js';

/** Status reads over the evaluator (current states), the incident store and the probe directory. */
export function createStatusService(
  monitors: MonitorService,
  evaluation: EvaluationService,
  incidents: IncidentStore,
  probes: ProbeDirectory,
): StatusService {
  const status = (monitorId: string): MonitorStatusEntry | null => {
    if (monitors.get(monitorId) === null) return null;
    return evaluation.statusEntry(monitorId) ?? { monitorId, status: 'pending', regions: [] };
  };
  const statuses = () =>
    monitors
      .list()
      .monitors.map((m) => m.id)
      .sort()
      .map((id) => status(id)!);
  return {
    snapshot: () => ({ monitors: statuses(), incidents: evaluation.openIncidents(), probes: probes.list() }),
    statuses,
    status,
    incidents: (query) => incidents.list(query),
    probes: () => probes.list(),
  };
}
