import type { CanaryReport } from '@vantage/shared';
import type { Clock, TimerHandle } from '../scheduler/clock.js';
import { checkCanary } from './canary.js';

/** The probe's view of its own connectivity. */
export interface HealthState {
  healthy: boolean;
  /** Why the probe is unhealthy; absent while healthy. */
  reason?: string;
  canaries: CanaryReport[];
}

/** What {@link SelfHealth} checks and whom it tells. */
export interface SelfHealthOptions {
  canaries: readonly string[];
  intervalMs: number;
  clock: Clock;
  sourceAddress?: string;
  /** Called after every round whose healthy flag differs from the previous one. */
  onChange: (state: HealthState) => void;
}

/**
 * Checks the canaries every interval. The probe is healthy while at least one canary answers:
 * one dead canary is that target's problem, all of them dead means this probe lost its network.
 */
export class SelfHealth {
  readonly #options: SelfHealthOptions;
  #state: HealthState = { healthy: true, canaries: [] };
  #timer: TimerHandle | undefined;
  #round: Promise<void> | undefined;
  #stopped = false;

  constructor(options: SelfHealthOptions) {
    this.#options = options;
  }

  /** The latest state; healthy until a round says otherwise. */
  get state(): HealthState {
    return this.#state;
  }

  /** Runs a first round now, then one per interval. */
  start(): void {
    void this.checkNow();
  }

  /** Runs one round of canary checks (or joins the one in progress). */
  checkNow(): Promise<void> {
    this.#round ??= this.#runRound().finally(() => {
      this.#round = undefined;
      if (!this.#stopped)
        this.#timer = this.#options.clock.setTimer(() => void this.checkNow(), this.#options.intervalMs);
    });
    return this.#round;
  }

  /** Stops the rounds; a round in progress finishes but reports nothing. */
  stop(): void {
    this.#stopped = true;
    if (this.#timer !== undefined) this.#options.clock.clearTimer(this.#timer);
  }

  async #runRound(): Promise<void> {
    if (this.#timer !== undefined) this.#options.clock.clearTimer(this.#timer);
    const { canaries, intervalMs, sourceAddress } = this.#options;
    const timeoutMs = Math.min(5000, Math.max(500, intervalMs / 2));
    const reports = await Promise.all(
      canaries.map((target) =>
        checkCanary(target, { timeoutMs, ...(sourceAddress ? { sourceAddress } : {}) }),
      ),
    );
    if (this.#stopped) return;
    const healthy = reports.length === 0 || reports.some((report) => report.ok);
    const failed = reports.map((r) => `${r.target}: ${r.message ?? 'failed'}`).join('; ');
    const next: HealthState = healthy
      ? { healthy, canaries: reports }
      : { healthy, reason: `every canary failed (${failed})`, canaries: reports };
    const changed = next.healthy !== this.#state.healthy;
    this.#state = next;
    if (changed) this.#options.onChange(next);
  }
}
