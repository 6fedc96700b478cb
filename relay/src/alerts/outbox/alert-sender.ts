import type { AlertMessage, AlertNotice, ChannelConfig } from '@vantage/shared';
import type { Logger } from 'pino';
import type { ChannelContext, DeliveryOutcome } from '../alert-channel.js';
import type { AlertOutbox, ClaimedMessage } from './alert-outbox.js';
import { nextAttemptDelay, type RetryPolicy } from './retry-policy.js';

/** Timing of the sender; tests shorten them. */
export interface SenderTiming {
  /** Messages to one channel are at least this far apart; what arrives meanwhile is grouped (default 60 s). */
  groupWindowMs: number;
  /** How long a claim holds before another pass may take the message again (default 60 s). */
  leaseMs: number;
  /** Longest sleep between passes, so time-based work is never missed (default 1 s). */
  pollMs: number;
  /** Messages in flight at once, across channels (default 16). */
  concurrency: number;
  retry: RetryPolicy;
}

/** What the sender needs. */
export interface SenderDeps {
  outbox: AlertOutbox;
  /** The channel's current settings, or undefined when it was deleted. */
  channel(channelId: string): ChannelConfig | undefined;
  /** Delivers through the channel registry (deliverAlert). */
  deliver(message: AlertMessage, config: ChannelConfig, ctx: ChannelContext): Promise<DeliveryOutcome>;
  ctx: ChannelContext;
  /** Adds per-channel details (ack links) to a notice as its message is composed. */
  decorate(channelId: string, notice: AlertNotice): AlertNotice;
  now(): number;
  log: Logger;
  timing: SenderTiming;
}

/**
 * Delivers the outbox: each pass composes due messages, claims what it may send and sends it,
 * then records the attempt. Passes run when {@link kick}ed (a notice was staged), when an
 * attempt finishes, and at least every `pollMs`.
 */
export class AlertSender {
  readonly #busy = new Set<string>();
  readonly #inFlight = new Set<Promise<void>>();
  #timer: NodeJS.Timeout | undefined;
  #scheduled = false;
  #stopped = false;

  constructor(private readonly deps: SenderDeps) {}

  /** Recovers interrupted messages and starts passing. */
  start(): void {
    const recovered = this.deps.outbox.recoverInterrupted(this.deps.now());
    if (recovered > 0)
      this.deps.log.warn({ messages: recovered }, 'resending alerts interrupted by a restart');
    this.kick();
  }

  /** Asks for a pass soon (coalesced). */
  kick(): void {
    if (this.#stopped || this.#scheduled) return;
    this.#scheduled = true;
    setImmediate(() => {
      this.#scheduled = false;
      this.#pass();
    });
  }

  /** Stops passing and waits for the attempts in flight to be recorded. */
  async stop(): Promise<void> {
    this.#stopped = true;
    clearTimeout(this.#timer);
    await Promise.allSettled([...this.#inFlight]);
  }

  #pass(): void {
    if (this.#stopped) return;
    clearTimeout(this.#timer);
    const { outbox, timing, now } = this.deps;
    let wake = now() + timing.pollMs;
    try {
      const { nextDueAt } = outbox.composeDue(now(), timing.groupWindowMs, this.deps.decorate);
      if (nextDueAt !== null) wake = Math.min(wake, nextDueAt);
      const free = timing.concurrency - this.#inFlight.size;
      if (free > 0)
        for (const claimed of outbox.claim(now(), timing.leaseMs, this.#busy, free)) this.#send(claimed);
      const next = outbox.nextAttemptAt();
      if (next !== null) wake = Math.min(wake, next);
    } catch (error) {
      this.deps.log.error({ err: error }, 'alert outbox pass failed');
    }
    this.#timer = setTimeout(() => this.#pass(), Math.max(5, wake - now()));
    this.#timer.unref();
  }

  #send(claimed: ClaimedMessage): void {
    this.#busy.add(claimed.channelId);
    const task = this.#attempt(claimed)
      .catch((error: unknown) =>
        this.deps.log.error({ err: error, channelId: claimed.channelId }, 'alert attempt failed'),
      )
      .finally(() => {
        this.#busy.delete(claimed.channelId);
        this.#inFlight.delete(task);
        this.kick();
      });
    this.#inFlight.add(task);
  }

  async #attempt(claimed: ClaimedMessage): Promise<void> {
    const { outbox, now, timing, log } = this.deps;
    const config = this.deps.channel(claimed.channelId);
    const started = now();
    let outcome: DeliveryOutcome;
    if (config === undefined)
      outcome = { ok: false, permanent: true, error: `channel ${claimed.channelId} no longer exists` };
    else if (!config.enabled)
      outcome = { ok: false, permanent: true, error: `channel ${claimed.channelId} is disabled` };
    else outcome = await this.deps.deliver(claimed.message, config, this.deps.ctx);
    const at = now();
    const attempts = claimed.attempts + 1;
    const fields = { channelId: claimed.channelId, messageId: claimed.message.id, attempts };
    if (outcome.ok) {
      outbox.record(claimed.rowId, { outcome: 'delivered', detail: outcome.detail }, at, at - started);
      log.info(fields, 'alert delivered');
      return;
    }
    const delay = nextAttemptDelay(timing.retry, attempts, outcome);
    if (delay === null) {
      outbox.record(claimed.rowId, { outcome: 'failed', detail: outcome.error }, at, at - started);
      log.warn({ ...fields, error: outcome.error }, 'alert delivery failed for good');
    } else {
      outbox.record(
        claimed.rowId,
        { outcome: 'retry', detail: outcome.error, nextAttemptAt: at + delay },
        at,
        at - started,
      );
      log.info({ ...fields, error: outcome.error, retryInMs: delay }, 'alert delivery will be retried');
    }
  }
}
