import { type CheckResult, encodeMessage, FRAME_LIMITS, MAX_RESULTS_PER_BATCH } from '@vantage/shared';
import type { ResultSpool } from '../spool/result-spool.js';

/** Limits of one session's result stream. */
export interface ResultSenderOptions {
  /** Results sent but not yet acknowledged before sending pauses (flow control). */
  maxUnacked?: number;
  /** Largest `results.batch` frame in bytes. */
  maxFrameBytes?: number;
  /** Told how many results went out in a frame. */
  onSent?: (count: number) => void;
}

/** A socket-like sink: returns false when the connection can no longer take frames. */
export type FrameSink = (frame: string) => boolean;

/**
 * Streams the spool to the relay in `results.batch` frames, oldest first. It remembers how far
 * this session has sent; a new session starts again from the last acknowledgement, which is how
 * unacknowledged results are resent in order after a reconnect.
 */
export class ResultSender {
  readonly #spool: ResultSpool;
  readonly #maxUnacked: number;
  readonly #maxFrameBytes: number;
  readonly #onSent: (count: number) => void;
  #sentUpTo = 0;
  #flushing: Promise<void> | undefined;

  constructor(spool: ResultSpool, options: ResultSenderOptions = {}) {
    this.#spool = spool;
    this.#maxUnacked = options.maxUnacked ?? 10 * MAX_RESULTS_PER_BATCH;
    this.#maxFrameBytes = options.maxFrameBytes ?? FRAME_LIMITS.probeToRelay;
    this.#onSent = options.onSent ?? (() => {});
  }

  /** Highest sequence sent in this session. */
  get sentUpTo(): number {
    return this.#sentUpTo;
  }

  /** Results appended but not yet sent in this session. */
  get backlog(): number {
    return Math.max(0, this.#spool.highSeq - Math.max(this.#sentUpTo, this.#spool.floorSeq));
  }

  /** Starts a session: everything not acknowledged will be sent again. */
  reset(): void {
    this.#sentUpTo = this.#spool.floorSeq;
  }

  /** Applies a cumulative ack; results the relay already holds are not sent again. */
  acknowledge(upToSeq: number): void {
    this.#spool.ack(upToSeq);
    this.#sentUpTo = Math.max(this.#sentUpTo, Math.min(upToSeq, this.#spool.durableSeq));
  }

  /** Fsyncs the spool, then sends every durable unsent result the flow-control window allows. */
  flush(send: FrameSink): Promise<void> {
    this.#flushing ??= this.#flushOnce(send).finally(() => {
      this.#flushing = undefined;
    });
    return this.#flushing;
  }

  async #flushOnce(send: FrameSink): Promise<void> {
    await this.#spool.sync();
    for (;;) {
      const room = this.#maxUnacked - (this.#sentUpTo - this.#spool.ackedSeq);
      if (room <= 0) return;
      const batch = this.#spool.readAfter(this.#sentUpTo, Math.min(room, MAX_RESULTS_PER_BATCH));
      if (batch.length === 0) return;
      const sent = this.#sendSplit(batch, send);
      if (sent === 0) return;
      this.#sentUpTo = (batch[sent - 1] as CheckResult).seq;
      this.#onSent(sent);
    }
  }

  /** Sends the batch, halving it until the frame fits; returns how many results went out. */
  #sendSplit(batch: CheckResult[], send: FrameSink): number {
    let count = batch.length;
    for (;;) {
      const frame = encodeMessage({ type: 'results.batch', results: batch.slice(0, count) });
      if (Buffer.byteLength(frame) <= this.#maxFrameBytes || count === 1) return send(frame) ? count : 0;
      count = Math.ceil(count / 2);
    }
  }
}
