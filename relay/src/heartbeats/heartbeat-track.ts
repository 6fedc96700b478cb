import {
  type CheckState,
  type HeartbeatPing,
  type HeartbeatRun,
  type HeartbeatState,
  type HeartbeatVerdict,
  heartbeatVerdictWithDue,
  type MonitorOf,
  nextDueAt,
  RunPairer,
} from '@vantage/shared';

/** The check state a heartbeat state is reported as; null for states that produce no result. */
export function checkStateOf(state: HeartbeatState): CheckState | null {
  if (state === 'up') return 'up';
  if (state === 'late') return 'degraded';
  if (state === 'down') return 'down';
  return null;
}

/** What the relay keeps in memory about one heartbeat monitor, folded from its pings in commit order. */
export class HeartbeatTrack {
  lastPingAt: number | null = null;
  lastSuccessAt: number | null = null;
  failure: { at: number; exitCode: number | null } | null = null;
  lastRun: HeartbeatRun | null = null;
  readonly pairer = new RunPairer();
  /** When the monitor was last resumed from a pause: the due time counts from here if later than the last success. */
  resumedAt: number | null = null;
  /** The check state of the newest result written for it, and when. */
  emittedState: CheckState | null = null;
  emittedAt = Number.NEGATIVE_INFINITY;

  constructor(
    public monitor: MonitorOf<'heartbeat'>,
    public token: string,
  ) {}

  /** Folds in the next ping; returns the run it ended, if it ended one. */
  add(ping: HeartbeatPing): HeartbeatRun | null {
    this.lastPingAt = ping.at;
    if (ping.kind === 'success') {
      this.lastSuccessAt = ping.at;
      this.failure = null;
    } else if (ping.kind === 'fail') {
      this.failure = { at: ping.at, exitCode: ping.exitCode };
    }
    const ended = this.pairer.add(ping).find((r) => r.run.kind !== 'started')?.run ?? null;
    if (ended !== null) this.lastRun = ended;
    return ended;
  }

  /**
   * The monitor was resumed at `now`: pings it missed while paused were expected to be missing, so
   * it is given a full period from here, and a failure reported before the resume is forgotten.
   */
  resume(now: number): void {
    this.resumedAt = now;
    if (this.failure !== null && this.failure.at <= now) this.failure = null;
  }

  /** The state at `now`. */
  verdict(now: number): HeartbeatVerdict {
    const facts = { paused: this.monitor.paused, lastSuccessAt: this.#dueFrom(), failure: this.failure };
    return heartbeatVerdictWithDue(this.monitor, facts, this.#nextDue(), now);
  }

  /** What the due time counts from: the last success, or the resume after it. */
  #dueFrom(): number | null {
    if (this.lastSuccessAt === null) return null;
    return this.resumedAt === null ? this.lastSuccessAt : Math.max(this.lastSuccessAt, this.resumedAt);
  }

  #due: { monitor: MonitorOf<'heartbeat'>; from: number; at: number } | null = null;

  /** The next due time, computed once per success and schedule (a cron's next time is not cheap). */
  #nextDue(): number | null {
    const from = this.#dueFrom();
    if (from === null) return null;
    const cached = this.#due;
    if (cached?.monitor === this.monitor && cached.from === from) return cached.at;
    const at = nextDueAt(this.monitor, from);
    this.#due = { monitor: this.monitor, from, at };
    return at;
  }
}
