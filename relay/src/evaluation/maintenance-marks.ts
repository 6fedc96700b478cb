import type { CheckResult } from '@vantage/shared';
import type { ResultLog } from '../storage/relay-storage.js';

/**
 * Whether a monitor was in a maintenance window at `at` (ms). A lookup that ignores `at` marks by
 * the state on arrival, which is wrong for results a probe spooled and uploaded late.
 */
export type MaintenanceLookup = (monitorId: string, at: number) => boolean;

/**
 * Sets `maintenance` on each result by the relay's own knowledge, in place: true for a result
 * taken (`ts`) while a window covered its monitor, absent otherwise (whatever the probe sent; only
 * the relay decides). In place because the batch was just parsed for this call and this runs for
 * every stored result.
 */
export function markMaintenance(results: CheckResult[], inMaintenance: MaintenanceLookup): void {
  for (const result of results) {
    if (inMaintenance(result.monitorId, result.ts)) result.maintenance = true;
    else if (result.maintenance !== undefined) delete result.maintenance;
  }
}

/**
 * The result log as probes append to it: each batch is marked with {@link markMaintenance} at
 * append time, so the mark is stored with the result, counted apart in the daily aggregates and
 * carried to desktops in the log.
 */
export function markingMaintenance(log: ResultLog, inMaintenance: MaintenanceLookup): ResultLog {
  return {
    append(probeId, results) {
      markMaintenance(results, inMaintenance);
      return log.append(probeId, results);
    },
    onCommit: (listener) => log.onCommit(listener),
    flush: () => log.flush(),
    readAfter: (cursor, limit) => log.readAfter(cursor, limit),
    headCursor: () => log.headCursor(),
    tailCursor: () => log.tailCursor(),
    storedSeq: (probeId) => log.storedSeq(probeId),
    prune: (beforeTs) => log.prune(beforeTs),
    count: () => log.count(),
  };
}
