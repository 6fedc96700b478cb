import type { Logger } from 'pino';
import type { SyncView } from '../../contract/index.js';
import type { RelaySync } from '../sync/relay-sync.js';
import type { EmbeddedRelay } from './embedded-relay.js';

/** Which relay the desktop should be linked to. */
export type ConnectionPlan = { mode: 'embedded' } | { mode: 'remote'; url: string; token: string };

/** A relay to dial, resolved from a plan (the embedded one's address and token filled in). */
export interface SyncTarget {
  mode: 'embedded' | 'remote';
  url: string;
  token: string;
}

/** What a {@link RelaySupervisor} starts and stops. */
export interface RelaySupervisorDeps {
  startEmbedded(): Promise<EmbeddedRelay>;
  startSync(target: SyncTarget): Promise<RelaySync> | RelaySync;
  /** Local changes not on a relay yet, for the status shown while no sync runs. */
  pendingChanges(): number;
  /**
   * Told when the user points the desktop at another relay: every relay must then be treated as
   * new at its next reconciliation, so the desktop's set is pushed and nothing local is dropped
   * (a relay used earlier holds a set that is out of date by now).
   */
  onRelayChanged?(): void;
  /** Told after every switch (the sync status and app info changed). */
  onSwitched?(): void;
  log: Logger;
}

/**
 * Owns the link to the relay: the current {@link RelaySync} and, in embedded mode, the in-process
 * relay and probe. Switches run one at a time in call order, so two quick settings changes never
 * leave two syncs (or two embedded relays) running. A relay that cannot start leaves no sync and
 * its reason in the status, instead of stopping the app: local history stays readable.
 */
export class RelaySupervisor {
  #sync: RelaySync | null = null;
  #embedded: EmbeddedRelay | null = null;
  #plan: ConnectionPlan | null = null;
  #lastError: string | null = null;
  #queue: Promise<void> = Promise.resolve();
  #stopped = false;

  constructor(private readonly deps: RelaySupervisorDeps) {}

  /** The running sync; null while switching, after a failed start, or after stop. */
  get sync(): RelaySync | null {
    return this.#sync;
  }

  /** The in-process relay and probe, when embedded mode runs. */
  get embedded(): EmbeddedRelay | null {
    return this.#embedded;
  }

  /** The plan last applied. */
  get plan(): ConnectionPlan | null {
    return this.#plan;
  }

  /** Links to the relay `plan` names (stopping the current link first); resolves once that is done. */
  apply(plan: ConnectionPlan): Promise<void> {
    return this.#enqueue(() => this.#switch(plan));
  }

  /**
   * Reconnects the running sync now; when none runs (the last start failed, e.g. an embedded relay
   * whose port or files were unusable) starts the last plan again.
   */
  reconnect(): Promise<void> {
    return this.#enqueue(async () => {
      if (this.#sync !== null) this.#sync.reconnect();
      else if (this.#plan !== null) await this.#switch(this.#plan);
    });
  }

  /** Resolves once every switch asked for so far has finished. */
  ready(): Promise<void> {
    return this.#queue;
  }

  /** The sync's status, or a disconnected one (with the reason) while no sync runs. */
  status(): SyncView {
    if (this.#sync !== null) return this.#sync.status();
    const plan = this.#plan;
    return {
      mode: plan?.mode ?? 'embedded',
      relayUrl: plan?.mode === 'remote' ? plan.url : (this.#embedded?.wsUrl ?? null),
      connection: 'disconnected',
      lastError: this.#lastError,
      nextAttemptAt: null,
      cursor: 0,
      catchUp: { live: false, received: 0, remaining: 0, fraction: 0 },
      pendingChanges: this.deps.pendingChanges(),
    };
  }

  /** Stops the sync, then the embedded relay and probe. Idempotent. */
  stop(): Promise<void> {
    return this.#enqueue(async () => {
      this.#stopped = true;
      await this.#stopSync();
      await this.#stopEmbedded();
    });
  }

  #enqueue(step: () => Promise<void>): Promise<void> {
    const run = this.#queue.then(step);
    this.#queue = run.catch(() => {});
    return run;
  }

  async #switch(plan: ConnectionPlan): Promise<void> {
    if (this.#stopped) return;
    if (this.#sync !== null && samePlan(this.#plan, plan)) return;
    if (this.#plan !== null && !samePlan(this.#plan, plan)) this.deps.onRelayChanged?.();
    this.#plan = plan;
    await this.#stopSync();
    if (plan.mode === 'remote') await this.#stopEmbedded();
    let target: SyncTarget | undefined;
    try {
      target = await this.#target(plan);
    } catch (error) {
      this.#fail(plan, `the embedded relay could not start: ${(error as Error).message}`, error);
    }
    if (target !== undefined) {
      try {
        this.#sync = await this.deps.startSync(target);
        this.#lastError = null;
        this.deps.log.info({ mode: plan.mode, url: target.url }, 'linked to relay');
      } catch (error) {
        this.#fail(plan, `cannot link to ${target.url}: ${(error as Error).message}`, error);
      }
    }
    this.deps.onSwitched?.();
  }

  #fail(plan: ConnectionPlan, reason: string, error: unknown): void {
    this.#lastError = reason;
    this.deps.log.error({ err: error, mode: plan.mode }, 'could not link to the relay');
  }

  async #target(plan: ConnectionPlan): Promise<SyncTarget> {
    if (plan.mode === 'remote') return { mode: 'remote', url: plan.url, token: plan.token };
    this.#embedded ??= await this.deps.startEmbedded();
    return { mode: 'embedded', url: this.#embedded.wsUrl, token: this.#embedded.desktopToken };
  }

  async #stopSync(): Promise<void> {
    const sync = this.#sync;
    this.#sync = null;
    if (sync === null) return;
    try {
      await sync.stop();
    } catch (error) {
      this.deps.log.warn({ err: error }, 'the relay sync did not stop cleanly');
    }
  }

  async #stopEmbedded(): Promise<void> {
    const embedded = this.#embedded;
    this.#embedded = null;
    if (embedded === null) return;
    try {
      await embedded.stop();
    } catch (error) {
      this.deps.log.warn({ err: error }, 'the embedded relay did not stop cleanly');
    }
  }
}

function samePlan(a: ConnectionPlan | null, b: ConnectionPlan): boolean {
  if (a === null || a.mode !== b.mode) return false;
  if (a.mode === 'embedded' || b.mode === 'embedded') return true;
  return a.url === b.url && a.token === b.token;
}
