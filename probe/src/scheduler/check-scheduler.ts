import { setMaxListeners } from 'node:events';
import { type HeapSlot, IndexedHeap, type Monitor } from '@vantage/shared';
import type { Clock, TimerHandle } from './clock.js';
import { FifoQueue } from './fifo-queue.js';
import { nextDueAt } from './spread-offset.js';
import { targetHost } from './target-host.js';

/** One check the scheduler starts: what to run, when it was due, and how to cancel it. */
export interface ScheduledRun {
  monitor: Monitor;
  /** Epoch milliseconds the check was due. */
  dueAt: number;
  /** Epoch milliseconds it actually started. */
  startedAt: number;
  /** Aborted when the probe shuts down and the grace period is over. */
  signal: AbortSignal;
}

/** What the scheduler needs from the probe around it. */
export interface CheckSchedulerOptions {
  clock: Clock;
  /** Checks running at once across all monitors. */
  concurrency: number;
  /** Checks running at once against one target host. */
  perHost: number;
  /** Runs one check; the slot is held until the promise settles. */
  execute: (run: ScheduledRun) => Promise<void>;
  /** Reports how late a check started (actual start minus due time), in milliseconds. */
  onLateness?: (latenessMs: number, monitor: Monitor) => void;
  /** Reports a due time skipped because the monitor's previous check was still running or queued. */
  onOverlap?: (monitor: Monitor) => void;
}

interface Entry extends HeapSlot {
  /** Next due time, epoch milliseconds: the heap's order. */
  key: number;
  monitor: Monitor;
  intervalMs: number;
  host: string;
  running: boolean;
  queued: boolean;
  removed: boolean;
}

interface DueCheck {
  entry: Entry;
  dueAt: number;
}

/**
 * One scheduler for every monitor: a min-heap of next due times and a single timer armed for the
 * earliest one. Due checks start when a global slot and a slot for their host are free; otherwise
 * they wait in FIFO order and their lateness grows, which is what the histogram shows.
 */
export class CheckScheduler {
  readonly #options: CheckSchedulerOptions;
  readonly #entries = new Map<string, Entry>();
  readonly #heap = new IndexedHeap<Entry>((a, b) => a.key < b.key);
  readonly #ready = new FifoQueue<DueCheck>();
  readonly #hostWaiting = new Map<string, FifoQueue<DueCheck>>();
  readonly #hostRunning = new Map<string, number>();
  // One controller for every run: cancelling is all-or-nothing at shutdown, and a controller per
  // check was measurable garbage at thousands of checks per second.
  readonly #cancel = new AbortController();
  #drained: (() => void) | undefined;
  #timer: TimerHandle | undefined;
  #armedFor = Number.POSITIVE_INFINITY;
  #running = 0;
  #started = false;
  #stopped = false;

  constructor(options: CheckSchedulerOptions) {
    this.#options = options;
    // Every running check listens on the shared signal; thousands of listeners are expected here.
    setMaxListeners(0, this.#cancel.signal);
  }

  /** Monitors currently scheduled (paused ones are not). */
  get size(): number {
    return this.#entries.size;
  }

  /** Checks running right now. */
  get running(): number {
    return this.#running;
  }

  /** Due checks waiting for a free slot. */
  get waiting(): number {
    let total = this.#ready.size;
    for (const queue of this.#hostWaiting.values()) total += queue.size;
    return total;
  }

  /** Ids of the scheduled monitors. */
  ids(): string[] {
    return [...this.#entries.keys()];
  }

  /** The next due time of a monitor, or undefined when it is not scheduled. */
  nextDueOf(monitorId: string): number | undefined {
    const entry = this.#entries.get(monitorId);
    return entry && this.#heap.has(entry) ? entry.key : undefined;
  }

  /** Starts firing due checks. */
  start(): void {
    this.#started = true;
    this.#arm();
  }

  /** Replaces the whole set: monitors not listed are removed, the rest added or updated. */
  replaceAll(monitors: readonly Monitor[]): void {
    const keep = new Set(monitors.map((m) => m.id));
    for (const id of [...this.#entries.keys()]) if (!keep.has(id)) this.remove(id);
    for (const monitor of monitors) this.upsert(monitor);
  }

  /**
   * Adds or changes a monitor live. A paused monitor is removed; a changed interval moves it to
   * its new beat; any other change applies from its next check without moving it.
   */
  upsert(monitor: Monitor): void {
    if (monitor.paused) {
      this.remove(monitor.id);
      return;
    }
    const intervalMs = Math.round(monitor.interval * 1000);
    const existing = this.#entries.get(monitor.id);
    if (existing) {
      existing.monitor = monitor;
      existing.host = targetHost(monitor);
      if (existing.intervalMs === intervalMs) return;
      existing.intervalMs = intervalMs;
      existing.key = nextDueAt(monitor.id, intervalMs, this.#options.clock.now());
      this.#heap.reorder(existing);
      this.#arm();
      return;
    }
    const entry: Entry = {
      key: nextDueAt(monitor.id, intervalMs, this.#options.clock.now()),
      heapIndex: -1,
      monitor,
      intervalMs,
      host: targetHost(monitor),
      running: false,
      queued: false,
      removed: false,
    };
    this.#entries.set(monitor.id, entry);
    this.#heap.push(entry);
    this.#arm();
  }

  /** Removes a monitor; a check of it already running finishes, a queued one is dropped. */
  remove(monitorId: string): void {
    const entry = this.#entries.get(monitorId);
    if (!entry) return;
    entry.removed = true;
    this.#entries.delete(monitorId);
    this.#heap.remove(entry);
  }

  /**
   * Stops scheduling: nothing new starts, queued checks are dropped, running ones get `graceMs`
   * to finish and are then aborted. Resolves when every running check has settled.
   */
  async stop(graceMs: number): Promise<void> {
    this.#stopped = true;
    if (this.#timer !== undefined) this.#options.clock.clearTimer(this.#timer);
    this.#timer = undefined;
    this.#ready.clear();
    this.#hostWaiting.clear();
    if (this.#running === 0) return;
    const all = new Promise<'drained'>((resolve) => {
      this.#drained = () => resolve('drained');
    });
    let graceTimer: TimerHandle | undefined;
    const graceOver = new Promise<'grace-over'>((resolve) => {
      graceTimer = this.#options.clock.setTimer(() => resolve('grace-over'), graceMs);
    });
    const first = await Promise.race([all, graceOver]);
    this.#options.clock.clearTimer(graceTimer);
    if (first === 'grace-over') {
      this.#cancel.abort(new Error('probe shutting down'));
      await all;
    }
  }

  #arm(): void {
    if (!this.#started || this.#stopped) return;
    const top = this.#heap.peek();
    if (top === undefined || top.key >= this.#armedFor) return;
    if (this.#timer !== undefined) this.#options.clock.clearTimer(this.#timer);
    this.#armedFor = top.key;
    const delay = Math.ceil(Math.max(0, top.key - this.#options.clock.now()));
    this.#timer = this.#options.clock.setTimer(() => this.#tick(), delay);
  }

  #tick(): void {
    this.#timer = undefined;
    this.#armedFor = Number.POSITIVE_INFINITY;
    if (this.#stopped) return;
    const { clock } = this.#options;
    const now = clock.now();
    for (let top = this.#heap.peek(); top !== undefined && top.key <= now; top = this.#heap.peek()) {
      const dueAt = top.key;
      // Realigning to the monitor's phase skips beats missed while the process was stalled
      // instead of firing them all in a burst.
      top.key = nextDueAt(top.monitor.id, top.intervalMs, Math.max(now, dueAt + 1));
      this.#heap.reorder(top);
      if (top.running || top.queued) {
        this.#options.onOverlap?.(top.monitor);
        continue;
      }
      this.#dispatch({ entry: top, dueAt });
    }
    this.#arm();
  }

  #dispatch(due: DueCheck): void {
    const { entry } = due;
    if (this.#running >= this.#options.concurrency) {
      entry.queued = true;
      this.#ready.push(due);
      return;
    }
    if ((this.#hostRunning.get(entry.host) ?? 0) >= this.#options.perHost) {
      entry.queued = true;
      let queue = this.#hostWaiting.get(entry.host);
      if (!queue) {
        queue = new FifoQueue<DueCheck>();
        this.#hostWaiting.set(entry.host, queue);
      }
      queue.push(due);
      return;
    }
    this.#launch(due);
  }

  #launch({ entry, dueAt }: DueCheck): void {
    const { clock, execute, onLateness } = this.#options;
    const host = entry.host;
    entry.queued = false;
    entry.running = true;
    this.#running++;
    this.#hostRunning.set(host, (this.#hostRunning.get(host) ?? 0) + 1);
    const startedAt = clock.now();
    onLateness?.(Math.max(0, startedAt - dueAt), entry.monitor);
    const done = () => this.#finish(entry, host);
    let running: Promise<void>;
    try {
      running = execute({ monitor: entry.monitor, dueAt, startedAt, signal: this.#cancel.signal });
    } catch {
      // A throwing execute is a bug in the caller; the slot must still be given back.
      running = Promise.resolve();
    }
    running.then(done, done);
  }

  #finish(entry: Entry, host: string): void {
    entry.running = false;
    this.#running--;
    const left = (this.#hostRunning.get(host) ?? 1) - 1;
    if (left === 0) this.#hostRunning.delete(host);
    else this.#hostRunning.set(host, left);
    if (this.#stopped) {
      if (this.#running === 0) this.#drained?.();
      return;
    }
    const sameHost = this.#hostWaiting.get(host);
    const next = sameHost ? this.#takeLive(sameHost) : undefined;
    if (sameHost && sameHost.size === 0) this.#hostWaiting.delete(host);
    // A check whose monitor moved to another host while it waited must queue for that host's slot.
    if (next) {
      if (next.entry.host === host) this.#launch(next);
      else this.#dispatch(next);
    }
    while (this.#running < this.#options.concurrency) {
      const due = this.#takeLive(this.#ready);
      if (!due) break;
      this.#dispatch(due);
    }
  }

  #takeLive(queue: FifoQueue<DueCheck>): DueCheck | undefined {
    for (let due = queue.shift(); due !== undefined; due = queue.shift()) {
      due.entry.queued = false;
      if (!due.entry.removed) return due;
    }
    return undefined;
  }
}
