import type { HeartbeatPing } from '@vantage/shared';
import type { NewPing } from './heartbeat-store.js';

interface Pending {
  ping: NewPing;
  resolve(stored: HeartbeatPing): void;
  reject(error: Error): void;
}

/**
 * Group commit for pings: each request is answered only after its ping is committed, and one batch
 * is committed at a time (by a worker thread, see PingCommitWorker). The first ping to an idle
 * writer is committed at the end of the event-loop turn; pings that arrive while a batch commits
 * wait and go together in the next one, so batches grow with the load and each costs one fsync.
 * `committed` sees the stored pings in commit order before their callers are answered.
 */
export class PingWriter {
  #pending: Pending[] = [];
  #busy = false;
  #idle: Array<() => void> = [];

  constructor(
    private readonly insert: (pings: readonly NewPing[]) => Promise<HeartbeatPing[]>,
    private readonly committed: (pings: readonly HeartbeatPing[]) => void,
    private readonly onError: (error: unknown) => void,
  ) {}

  /** Resolves with the stored ping once its transaction committed; rejects if it failed. */
  write(ping: NewPing): Promise<HeartbeatPing> {
    return new Promise((resolve, reject) => {
      this.#pending.push({ ping, resolve, reject });
      if (!this.#busy) {
        this.#busy = true;
        setImmediate(() => void this.#commitNext());
      }
    });
  }

  /** Resolves once every ping written so far is committed (or failed). */
  flush(): Promise<void> {
    if (!this.#busy) return Promise.resolve();
    return new Promise((resolve) => this.#idle.push(resolve));
  }

  async #commitNext(): Promise<void> {
    for (;;) {
      const batch = this.#pending;
      this.#pending = [];
      if (batch.length === 0) break;
      let stored: HeartbeatPing[];
      try {
        stored = await this.insert(batch.map((p) => p.ping));
      } catch (error) {
        for (const p of batch) p.reject(error as Error);
        continue;
      }
      // What follows from the pings (states, results) must not turn a committed ping into an error.
      try {
        this.committed(stored);
      } catch (error) {
        this.onError(error);
      }
      for (const [i, p] of batch.entries()) p.resolve(stored[i]!);
    }
    this.#busy = false;
    for (const resolve of this.#idle.splice(0)) resolve();
  }
}
