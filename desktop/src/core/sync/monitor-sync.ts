import {
  ErrorCode,
  err,
  type Monitor,
  type MonitorsEventMessage,
  ok,
  type Result,
  validateMonitor,
} from '@vantage/shared';
import type { Logger } from 'pino';
import { type ApiError, apiError, fieldsError } from '../../contract/index.js';
import type { DesktopStore, MonitorRecord, PendingChange, PendingEntry } from '../store/index.js';
import { ChangePusher } from './change-pusher.js';
import { planReconcile } from './monitor-reconcile.js';
import type { RelayConnection } from './relay-connection.js';
import { storageError } from './sync-errors.js';

/** What monitor sync tells the sync. */
export interface MonitorSyncEvents {
  /** Monitors stored or deleted because of the relay (its replies, its events, reconciliation). */
  changed(upserted: readonly MonitorRecord[], deleted: readonly string[]): void;
  /** The number of pending changes changed. */
  pendingChanged(): void;
}

/**
 * Keeps the monitor set in step with the relay:
 * 1. local changes are queued in the store first (so a crash never loses one), applied to the local
 *    monitors, then pushed in order (ChangePusher); the call waits a little for the relay's answer;
 * 2. after the relay refused a change (invalid, unknown monitor), its set is read again so the
 *    local copy matches what the relay really has;
 * 3. on each session: push the queue, then `monitors.get` and reconcile (see planReconcile), with
 *    no push running meanwhile, so the set read is never older than a change already pushed;
 * 4. `event.monitors` (other desktops) updates monitors with no local change waiting.
 */
export class MonitorSync {
  readonly #pusher: ChangePusher;

  constructor(
    private readonly store: DesktopStore,
    private readonly log: Logger,
    private readonly events: MonitorSyncEvents,
    private readonly now: () => number,
  ) {
    this.#pusher = new ChangePusher(store, log, {
      adopted: (record) => events.changed([record], []),
      pendingChanged: () => events.pendingChanged(),
      refused: (connection) => this.#reconcile(connection, null),
    });
  }

  /** Saves a monitor locally and pushes it (queued while offline). */
  async upsert(input: Monitor): Promise<Result<MonitorRecord, ApiError>> {
    const checked = validateMonitor(input);
    if (!checked.ok) return err(fieldsError(ErrorCode.invalidMonitor, checked.error, 'monitor.'));
    const queued = this.#queue({ kind: 'upsert', monitor: checked.value }, () => {
      const saved = this.store.monitors.save(checked.value);
      return saved.ok ? saved.value : null;
    });
    if (!queued.ok) return queued;
    return this.#outcome(queued.value.entry, queued.value.record);
  }

  /** Deletes a monitor locally and on the relay (queued while offline). */
  async delete(monitorId: string): Promise<Result<void, ApiError>> {
    if (this.store.monitors.get(monitorId) === null) return err(notFound(monitorId));
    const queued = this.#queue({ kind: 'delete', monitorId }, () => {
      this.store.monitors.remove(monitorId);
      return null;
    });
    if (!queued.ok) return queued;
    const outcome = await this.#outcome(queued.value.entry, null);
    return outcome.ok ? ok(undefined) : outcome;
  }

  /** Pauses or resumes a monitor locally and on the relay (queued while offline). */
  async pause(monitorId: string, paused: boolean): Promise<Result<MonitorRecord, ApiError>> {
    const current = this.store.monitors.get(monitorId);
    if (current === null) return err(notFound(monitorId));
    const queued = this.#queue({ kind: 'pause', monitorId, paused }, () => {
      const saved = this.store.monitors.save({ ...current.monitor, paused });
      return saved.ok ? saved.value : null;
    });
    if (!queued.ok) return queued;
    return this.#outcome(queued.value.entry, queued.value.record);
  }

  /** A session began: push what waits, then reconcile with the relay's set. */
  async start(connection: RelayConnection, relayKey: string): Promise<void> {
    const pusher = this.#pusher;
    pusher.connection = connection;
    await pusher.drain();
    await pusher.exclusive(() => this.#reconcile(connection, relayKey));
    if (pusher.connection === connection && this.store.pendingChanges.count() > 0) await pusher.drain();
  }

  /** The session ended: changes queue until the next one. */
  stop(): void {
    this.#pusher.connection = null;
    this.#pusher.release();
  }

  /** `event.monitors`: another desktop changed the set. */
  applyEvent(event: MonitorsEventMessage): void {
    const pending = this.store.pendingChanges.monitorIds();
    const upserted: MonitorRecord[] = [];
    const deleted: string[] = [];
    for (const monitor of event.upserted) {
      if (pending.has(monitor.id)) continue;
      const saved = this.store.monitors.save(monitor, { revision: event.revision });
      if (saved.ok) upserted.push(saved.value);
      else
        this.log.warn(
          { monitorId: monitor.id, errors: saved.error },
          'ignored a monitor from the relay that does not validate here',
        );
    }
    for (const id of event.deleted) {
      if (pending.has(id)) continue;
      if (this.store.monitors.remove(id)) deleted.push(id);
    }
    if (upserted.length > 0 || deleted.length > 0) this.events.changed(upserted, deleted);
  }

  #queue(
    change: PendingChange,
    apply: () => MonitorRecord | null,
  ): Result<{ entry: PendingEntry; record: MonitorRecord | null }, ApiError> {
    try {
      // Queued before the local write: a crash in between still pushes the change.
      const entry = this.store.pendingChanges.add(change, this.now());
      const record = apply();
      this.events.pendingChanged();
      return ok({ entry, record });
    } catch (error) {
      return err(storageError(error));
    }
  }

  async #outcome(entry: PendingEntry, local: MonitorRecord | null): Promise<Result<MonitorRecord, ApiError>> {
    const outcome = await this.#pusher.outcome(entry);
    if (outcome.kind === 'refused') return err(outcome.error);
    const record = (outcome.kind === 'pushed' ? outcome.record : null) ?? local;
    return ok(record ?? this.store.monitors.get(entry.monitorId)!);
  }

  /**
   * Reads the relay's set and reconciles with it (see planReconcile). With `relayKey`, this is a
   * session's reconciliation: a relay never linked gets the local monitors, and the link is saved.
   * Without, the relay's set simply decides again (after it refused a change).
   */
  async #reconcile(connection: RelayConnection, relayKey: string | null): Promise<void> {
    const reply = await connection.request({ type: 'monitors.get' }, { timeoutMs: 60_000 });
    const list = reply.ok ? reply.value[0] : undefined;
    if (list?.type !== 'monitors.list') {
      const error = reply.ok ? `unexpected ${list?.type ?? 'empty'} reply` : reply.error.message;
      if (connection.hello !== null) this.log.warn({ error }, "could not read the relay's monitors");
      return;
    }
    const firstSync = relayKey !== null && this.store.relayLinks.get(relayKey) === null;
    const plan = planReconcile({
      local: this.store.monitors.list().map((r) => r.monitor),
      relay: list.monitors,
      pending: this.store.pendingChanges.monitorIds(),
      firstSync,
    });
    const upserted = plan.store.flatMap((m) => {
      const saved = this.store.monitors.save(m, { revision: list.revision });
      return saved.ok ? [saved.value] : [];
    });
    const removed = plan.remove.filter((id) => this.store.monitors.remove(id));
    for (const monitor of plan.push) this.store.pendingChanges.add({ kind: 'upsert', monitor }, this.now());
    if (relayKey !== null) {
      this.store.relayLinks.save(relayKey, list.revision, this.now());
      this.log.info(
        {
          relay: relayKey,
          revision: list.revision,
          firstSync,
          stored: upserted.length,
          removed: removed.length,
          pushing: plan.push.length,
        },
        'reconciled monitors with the relay',
      );
    }
    if (upserted.length > 0 || removed.length > 0) this.events.changed(upserted, removed);
    if (plan.push.length > 0) this.events.pendingChanged();
  }
}

function notFound(monitorId: string): ApiError {
  return apiError(ErrorCode.notFound, `no monitor with id ${JSON.stringify(monitorId)}`);
}
