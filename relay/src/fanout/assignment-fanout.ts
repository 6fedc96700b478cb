import type { Monitor } from '@vantage/shared';

/** One change to the desired monitor set, as every relay instance must learn of it. */
export interface MonitorSetChange {
  /** The set's revision before the change. */
  fromRevision: number;
  revision: number;
  upserted: Monitor[];
  deleted: string[];
  /** The session that made the change, so it is not told of its own change as an event. */
  originSessionId?: string;
}

/** Told of each change, in revision order. */
export type MonitorSetListener = (change: MonitorSetChange) => void;

/**
 * Hands monitor changes to whoever serves probes and desktops. In process the listeners are
 * called synchronously; a multi-relay backend (Redis Streams, one consumer group per region)
 * would deliver the same changes to every relay instance.
 */
export interface AssignmentFanout {
  publish(change: MonitorSetChange): void;
  subscribe(listener: MonitorSetListener): () => void;
}

/** Calls every listener in turn; one listener's error never keeps the change from the others. */
export class InProcessAssignmentFanout implements AssignmentFanout {
  readonly #listeners = new Set<MonitorSetListener>();

  constructor(private readonly onListenerError: (error: unknown) => void) {}

  publish(change: MonitorSetChange): void {
    for (const listener of [...this.#listeners]) {
      try {
        listener(change);
      } catch (error) {
        this.onListenerError(error);
      }
    }
  }

  subscribe(listener: MonitorSetListener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }
}
