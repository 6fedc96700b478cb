import type { Incident, MonitorStatus } from '@vantage/shared';
import type { Logger } from 'pino';

/** How an incident changed, as desktops see it in `event.incident`. */
export type IncidentChange = 'opened' | 'updated' | 'resolved' | 'acknowledged';

/** One incident change, after it was stored. */
export interface IncidentEvent {
  change: IncidentChange;
  incident: Incident;
}

/** Receives incident changes; alert delivery registers here through `Hub.onIncident`. */
export type IncidentListener = (event: IncidentEvent) => void;

/** One change of a monitor's overall status (degraded alerts start from these). */
export interface StatusChangeEvent {
  monitorId: string;
  from: MonitorStatus;
  to: MonitorStatus;
  ts: number;
  /** Why, in words a user reads. */
  message: string;
}

/** Receives monitor status changes; registered through `Hub.onStatusChange`. */
export type StatusChangeListener = (event: StatusChangeEvent) => void;

/** When a listener runs: after the commit (default), or inside the transaction that stores the change. */
export interface IncidentListenerOptions {
  /**
   * Run inside the storage transaction that stores the change, so whatever the listener writes
   * (the alert outbox) commits or rolls back with the incident itself. Such a listener must only
   * write to the same storage and must not throw for expected conditions: a throw rolls the
   * incident change back.
   */
  inTransaction?: boolean;
}

/**
 * THE hand-off point from evaluation to alert delivery. Every incident change the relay's
 * evaluator produces passes through `emit` exactly once, after the incident row is committed:
 * a change replayed after a crash that the database already holds is not emitted again, so an
 * alert channel is not paged twice for one opening. Listeners run synchronously and must not
 * block: queue the delivery and return. A listener that throws is logged and the others still run.
 */
export class IncidentListeners {
  readonly #listeners = new Set<IncidentListener>();
  readonly #staging = new Set<IncidentListener>();
  readonly #statusListeners = new Set<StatusChangeListener>();
  readonly #statusStaging = new Set<StatusChangeListener>();

  constructor(private readonly log: Logger) {}

  /** Registers a listener; returns a function that removes it. */
  add(listener: IncidentListener, options: IncidentListenerOptions = {}): () => void {
    const set = options.inTransaction === true ? this.#staging : this.#listeners;
    set.add(listener);
    return () => set.delete(listener);
  }

  /**
   * Registers a status-change listener, with the same two moments and guarantees as incident
   * listeners; status changes and incident changes reach listeners in the evaluator's order.
   */
  addStatus(listener: StatusChangeListener, options: IncidentListenerOptions = {}): () => void {
    const set = options.inTransaction === true ? this.#statusStaging : this.#statusListeners;
    set.add(listener);
    return () => set.delete(listener);
  }

  /** Hands one status change to the in-transaction listeners; call inside the storing transaction. */
  stageStatus(event: StatusChangeEvent): void {
    for (const listener of [...this.#statusStaging]) listener(event);
  }

  /** Hands one stored status change to every status listener. */
  emitStatus(event: StatusChangeEvent): void {
    for (const listener of [...this.#statusListeners]) {
      try {
        listener(event);
      } catch (error) {
        this.log.error({ err: error, monitorId: event.monitorId }, 'status listener failed');
      }
    }
  }

  /** Hands one change to the in-transaction listeners; call inside the transaction that stores it. */
  stage(event: IncidentEvent): void {
    for (const listener of [...this.#staging]) listener(event);
  }

  /** Hands one stored change to every listener. */
  emit(event: IncidentEvent): void {
    for (const listener of [...this.#listeners]) {
      try {
        listener(event);
      } catch (error) {
        this.log.error({ err: error, incidentId: event.incident.id }, 'incident listener failed');
      }
    }
  }
}
