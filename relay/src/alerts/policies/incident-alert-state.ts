import type Database from 'better-sqlite3';
import type { EscalationProgress } from './escalation-plan.js';

/** What the relay remembers about alerting for one open incident. */
export interface IncidentAlertState {
  monitorId: string;
  /** Every channel told about the incident so far; acknowledgements and resolves go to them. */
  notified: string[];
  /** Channels that want a resolve message (rules with `on.recovered`, policy `notifyResolve`). */
  resolveTo: string[];
  escalationPolicyId: string | null;
  acknowledged: boolean;
  progress: EscalationProgress;
  /** The degraded story this incident continues; its notices carry it as `storyId`. */
  storyId?: string;
}

/** The `alert_incidents` table: one row per incident alerting still tracks. */
export class IncidentAlertStates {
  readonly #get: Database.Statement<[string], { data: string }>;
  readonly #put: Database.Statement<[string, string, string, number | null]>;
  readonly #delete: Database.Statement<[string]>;
  readonly #due: Database.Statement<[number], { incident_id: string; data: string }>;
  readonly #ids: Database.Statement<[], { incident_id: string }>;
  readonly #byMonitor: Database.Statement<[string], { incident_id: string; data: string }>;

  constructor(db: Database.Database) {
    this.#get = db.prepare('SELECT data FROM alert_incidents WHERE incident_id = ?');
    this.#put = db.prepare(
      `INSERT INTO alert_incidents (incident_id, monitor_id, data, next_due_at) VALUES (?, ?, ?, ?)
       ON CONFLICT (incident_id) DO UPDATE SET data = excluded.data, next_due_at = excluded.next_due_at`,
    );
    this.#delete = db.prepare('DELETE FROM alert_incidents WHERE incident_id = ?');
    this.#ids = db.prepare('SELECT incident_id FROM alert_incidents');
    this.#byMonitor = db.prepare(
      'SELECT incident_id, data FROM alert_incidents WHERE monitor_id = ? LIMIT 1',
    );
    this.#due = db.prepare(
      'SELECT incident_id, data FROM alert_incidents WHERE next_due_at IS NOT NULL AND next_due_at <= ? ORDER BY next_due_at LIMIT 500',
    );
  }

  get(incidentId: string): IncidentAlertState | undefined {
    const row = this.#get.get(incidentId);
    return row === undefined ? undefined : (JSON.parse(row.data) as IncidentAlertState);
  }

  put(incidentId: string, state: IncidentAlertState, nextDueAt: number | null): void {
    this.#put.run(incidentId, state.monitorId, JSON.stringify(state), nextDueAt);
  }

  delete(incidentId: string): void {
    this.#delete.run(incidentId);
  }

  /** The ids of every incident alerting tracks. */
  ids(): string[] {
    return this.#ids.all().map((row) => row.incident_id);
  }

  /** The open incident alerting tracks for a monitor, if any (a monitor has at most one open). */
  forMonitor(monitorId: string): { incidentId: string; state: IncidentAlertState } | undefined {
    const row = this.#byMonitor.get(monitorId);
    return row === undefined
      ? undefined
      : { incidentId: row.incident_id, state: JSON.parse(row.data) as IncidentAlertState };
  }

  /** Incidents with escalation work due at `now`. */
  due(now: number): Array<{ incidentId: string; state: IncidentAlertState }> {
    return this.#due
      .all(now)
      .map((row) => ({ incidentId: row.incident_id, state: JSON.parse(row.data) as IncidentAlertState }));
  }
}
