import type { CheckResult } from '@vantage/shared';
import type { Logger } from 'pino';
import type { ApiEvent, CheckView, MonitorView, Unsubscribe } from '../../contract/index.js';
import { type CoalescerTimers, EventCoalescer } from './event-coalescer.js';

/** At most one `monitors.changed` and one `checks` event per this many ms. */
export const EVENT_WINDOW_MS = 1000;
/** Most checks one `checks` event carries; a renderer that missed some reads `history.checks`. */
export const MAX_CHECKS_PER_EVENT = 2000;

/** What the event stream needs from the rest of the core. */
export interface CoreEventsDeps {
  /** Current views of the given monitors (those that still exist). */
  monitorViews(ids: Iterable<string>): MonitorView[];
  log: Logger;
  timers?: CoalescerTimers;
}

/**
 * The live event stream every renderer subscribes to. Monitor changes and checks are coalesced
 * (thousands of monitors never flood a renderer); everything else goes out as it happens. While
 * nobody listens, nothing is collected or built.
 */
export class CoreEvents {
  readonly #listeners = new Set<(event: ApiEvent) => void>();
  readonly #changed: EventCoalescer<string>;
  readonly #checks: EventCoalescer<CheckView>;

  constructor(private readonly deps: CoreEventsDeps) {
    const timers = deps.timers ? { timers: deps.timers } : {};
    this.#changed = new EventCoalescer<string>({
      windowMs: EVENT_WINDOW_MS,
      distinct: true,
      flush: (ids) => {
        const monitors = this.deps.monitorViews(ids);
        if (monitors.length > 0) this.emit({ type: 'monitors.changed', monitors });
      },
      ...timers,
    });
    this.#checks = new EventCoalescer<CheckView>({
      windowMs: EVENT_WINDOW_MS,
      maxItems: MAX_CHECKS_PER_EVENT,
      flush: (checks) => this.emit({ type: 'checks', checks }),
      ...timers,
    });
  }

  /** Calls `listener` with every event until unsubscribed. */
  onEvent(listener: (event: ApiEvent) => void): Unsubscribe {
    this.#listeners.add(listener);
    return () => {
      this.#listeners.delete(listener);
    };
  }

  /** Sends an event to every listener now; a listener that throws is logged and the others still get it. */
  emit(event: ApiEvent): void {
    for (const listener of this.#listeners) {
      try {
        listener(event);
      } catch (error) {
        this.deps.log.error({ err: error, event: event.type }, 'an event listener failed');
      }
    }
  }

  /** Notes that monitors changed; their views go out in the next `monitors.changed`. */
  monitorsChanged(ids: Iterable<string>): void {
    if (this.#listeners.size > 0) this.#changed.add(ids);
  }

  /** Sends `monitors.removed` now, and drops the monitors from the pending change batch. */
  monitorsRemoved(ids: readonly string[]): void {
    if (ids.length === 0) return;
    const gone = new Set(ids);
    this.#changed.remove((id) => gone.has(id));
    this.emit({ type: 'monitors.removed', monitorIds: [...ids] });
  }

  /** Queues live checks for the next `checks` event. */
  checks(results: readonly CheckResult[]): void {
    if (this.#listeners.size === 0 || results.length === 0) return;
    // Logged results carry their relay cursor; the view is the bare check.
    this.#checks.add(
      results.map(({ cursor: _cursor, ...check }: CheckResult & { cursor?: number }) => check),
    );
  }

  /** Cancels pending batches and forgets every listener. */
  stop(): void {
    this.#changed.stop();
    this.#checks.stop();
    this.#listeners.clear();
  }
}
