import { ErrorCode, type RelayToDesktop, type Result } from '@vantage/shared';
import type { Logger } from 'pino';
import { type ApiError, DesktopErrorCode } from '../../contract/index.js';
import type { DesktopStore, MonitorRecord, PendingChange, PendingEntry } from '../store/index.js';
import type { RelayConnection } from './relay-connection.js';

/** What became of a queued change, as the call that made it learns. */
export type PushOutcome =
  | { kind: 'pushed'; record: MonitorRecord | null }
  | { kind: 'refused'; error: ApiError }
  | { kind: 'queued' };

/** What the pusher tells monitor sync. */
export interface ChangePusherEvents {
  /** The relay's copy of a pushed monitor was stored. */
  adopted(record: MonitorRecord): void;
  /** The queue shrank. */
  pendingChanged(): void;
  /** After a drain in which the relay refused a change, still connected: time to read its set again. */
  refused(connection: RelayConnection): Promise<void>;
}

/** How long a local change waits for the relay's answer before its call returns with it queued. */
const PUSH_WAIT_MS = 10_000;

/**
 * Pushes the store's pending changes to the relay in order, one at a time, each removed from the
 * queue only once the relay answered it. A change the relay refuses (invalid, unknown monitor)
 * leaves the queue too and is reported to its caller; being rate limited waits and retries; losing
 * the link stops, keeping the rest. Work that must not interleave with a push (reading the relay's
 * set) runs through {@link exclusive}.
 */
export class ChangePusher {
  connection: RelayConnection | null = null;
  #lock: Promise<unknown> = Promise.resolve();
  readonly #waiters = new Map<number, (outcome: PushOutcome) => void>();
  #refusals = false;

  constructor(
    private readonly store: DesktopStore,
    private readonly log: Logger,
    private readonly events: ChangePusherEvents,
  ) {}

  /** Runs `work` after every push and exclusive work queued before it. */
  exclusive<T>(work: () => Promise<T>): Promise<T> {
    const run = this.#lock.then(work);
    this.#lock = run.catch(() => undefined);
    return run;
  }

  /** Waits (a little) for the relay to take or refuse one queued change; `queued` while offline or slow. */
  outcome(entry: PendingEntry): Promise<PushOutcome> {
    return new Promise<PushOutcome>((resolve) => {
      if (this.connection === null) return resolve({ kind: 'queued' });
      const timer = setTimeout(() => {
        this.#waiters.delete(entry.id);
        resolve({ kind: 'queued' });
      }, PUSH_WAIT_MS);
      this.#waiters.set(entry.id, (result) => {
        clearTimeout(timer);
        resolve(result);
      });
      void this.drain();
    });
  }

  /** Tells every waiting call its change stays queued (the link is gone). */
  release(): void {
    for (const settle of this.#waiters.values()) settle({ kind: 'queued' });
    this.#waiters.clear();
  }

  /** Pushes queued changes in order until the queue is empty or the link is down. */
  drain(): Promise<void> {
    return this.exclusive(async () => {
      for (;;) {
        const connection = this.connection;
        const entry = this.store.pendingChanges.list()[0];
        if (connection === null || connection.hello === null || entry === undefined) break;
        const reply = await connection.request(requestOf(entry.change));
        if (!reply.ok && reply.error.code === ErrorCode.rateLimited) {
          await new Promise((resolve) => setTimeout(resolve, 1000));
          continue;
        }
        if (!reply.ok && reply.error.code === DesktopErrorCode.relayUnavailable) break;
        this.#settle(entry, reply);
      }
      const connection = this.connection;
      if (connection === null || connection.hello === null) this.release();
      else if (this.#refusals) {
        this.#refusals = false;
        await this.events.refused(connection);
      }
    });
  }

  #settle(entry: PendingEntry, reply: Result<RelayToDesktop[], ApiError>): void {
    // Deleting what the relay does not have is what was asked for.
    const gone = !reply.ok && reply.error.code === ErrorCode.notFound && entry.change.kind === 'delete';
    this.store.pendingChanges.remove(entry.id);
    this.events.pendingChanged();
    let outcome: PushOutcome;
    if (!reply.ok && !gone) {
      const { code, message } = reply.error;
      this.log.warn(
        { monitorId: entry.monitorId, kind: entry.change.kind, code, error: message },
        'the relay refused a monitor change',
      );
      this.#refusals = true;
      outcome = { kind: 'refused', error: reply.error };
    } else {
      outcome = {
        kind: 'pushed',
        record: this.#adopt(entry.monitorId, reply.ok ? reply.value[0] : undefined),
      };
    }
    const waiter = this.#waiters.get(entry.id);
    this.#waiters.delete(entry.id);
    waiter?.(outcome);
  }

  /** Stores the relay's copy of a pushed monitor (defaults filled, revision set) unless a newer local change waits. */
  #adopt(monitorId: string, answer: RelayToDesktop | undefined): MonitorRecord | null {
    if (answer?.type !== 'monitor.saved' || this.store.pendingChanges.has(monitorId)) return null;
    const saved = this.store.monitors.save(answer.monitor, { revision: answer.revision });
    if (!saved.ok) return null;
    this.events.adopted(saved.value);
    return saved.value;
  }
}

function requestOf(change: PendingChange) {
  switch (change.kind) {
    case 'upsert':
      return { type: 'monitor.upsert' as const, monitor: change.monitor };
    case 'delete':
      return { type: 'monitor.delete' as const, monitorId: change.monitorId };
    case 'pause':
      return { type: 'monitor.pause' as const, monitorId: change.monitorId, paused: change.paused };
  }
}
