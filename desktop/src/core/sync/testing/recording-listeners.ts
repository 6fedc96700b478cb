import type { Incident, LoggedResult, MonitorStatus, ProbeInfo } from '@vantage/shared';
import type { SyncView } from '../../../contract/index.js';
import type { MonitorRecord } from '../../store/index.js';
import type { MonitorVerdict, RelaySyncListeners } from '../relay-sync.js';

/** Everything a sync told its listeners, in order, for assertions. */
export interface Recorded {
  results: Array<{ results: readonly LoggedResult[]; live: boolean }>;
  verdicts: Array<{ monitorId: string; verdict: MonitorVerdict; previous: MonitorStatus }>;
  incidents: Array<{ change: string; incident: Incident }>;
  probes: ProbeInfo[];
  monitors: Array<{ upserted: string[]; deleted: string[] }>;
  syncs: SyncView[];
}

/** Listeners that record every call. */
export function recordingListeners(): { listeners: RelaySyncListeners; recorded: Recorded } {
  const recorded: Recorded = {
    results: [],
    verdicts: [],
    incidents: [],
    probes: [],
    monitors: [],
    syncs: [],
  };
  const listeners: RelaySyncListeners = {
    results: (results, live) => recorded.results.push({ results, live }),
    verdict: (monitorId, verdict, previous) => recorded.verdicts.push({ monitorId, verdict, previous }),
    incident: (change, incident) => recorded.incidents.push({ change, incident }),
    probe: (probe) => recorded.probes.push(probe),
    monitors: (upserted: readonly MonitorRecord[], deleted) =>
      recorded.monitors.push({ upserted: upserted.map((r) => r.monitor.id), deleted: [...deleted] }),
    sync: (status) => recorded.syncs.push(status),
  };
  return { listeners, recorded };
}
