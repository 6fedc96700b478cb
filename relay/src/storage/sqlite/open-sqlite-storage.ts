import type { RelayStorage } from '../../relay-context.js';
import { openRelayDatabase } from './open-database.js';
import { ensureRelayId } from './relay-identity.js';
import { SqliteCursorStore } from './sqlite-cursor-store.js';
import { SqliteDailyAggregates } from './sqlite-daily-aggregates.js';
import { SqliteEvaluatorStateStore } from './sqlite-evaluator-state-store.js';
import { SqliteIncidentStore } from './sqlite-incident-store.js';
import { SqliteMonitorStatusStore } from './sqlite-monitor-status-store.js';
import { SqliteMonitorStore } from './sqlite-monitor-store.js';
import { SqliteProbeStore } from './sqlite-probe-store.js';
import { SqliteResultLog } from './sqlite-result-log.js';
import { SqliteTokenStore } from './sqlite-token-store.js';

/** Opens (creating and migrating) the relay's SQLite database at `path` and every store on it. */
export function openSqliteStorage(path: string): RelayStorage {
  const db = openRelayDatabase(path);
  const aggregates = new SqliteDailyAggregates(db);
  const cursors = new SqliteCursorStore(db);
  return {
    tokens: new SqliteTokenStore(db),
    monitors: new SqliteMonitorStore(db),
    results: new SqliteResultLog(db, [aggregates]),
    cursors,
    probes: new SqliteProbeStore(db),
    incidents: new SqliteIncidentStore(db),
    monitorStatus: new SqliteMonitorStatusStore(db),
    evaluatorState: new SqliteEvaluatorStateStore(db),
    aggregates,
    transaction: (work) => db.transaction(work)(),
    relayId: ensureRelayId(db),
    db,
    close: () => {
      cursors.flush();
      if (db.open) db.close();
    },
  };
}
