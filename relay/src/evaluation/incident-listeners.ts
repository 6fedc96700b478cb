import type { Incident } from '@vantage/shared';
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

/**
 * THE hand-off point from evaluation to alert delivery. Every incident change the relay's
 * evaluator produces passes through `emit` exactly once, after the incident row is committed:
 * a change replayed after a crash that the database already holds is not emitted again, so an
 * alert channel is not paged twice for one opening. Listeners run synchronously and must not
 * block: queue the delivery and return. A listener that throws is logged and the others still run.
 */
export class IncidentListeners {
  readonly #listeners = new Set<IncidentListener>();

  constructor(private readonly log: Logger) {}

  /** Registers a listener; returns a function that removes it. */
  add(listener: IncidentListener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
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
