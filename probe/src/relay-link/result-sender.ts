import {
  type CheckResult,
  DEFAULT_CLIENT_FRAME_BYTES,
  FRAME_LIMITS,
  MAX_RESULTS_PER_BATCH,
} from '@vantage/shared';
import type { ResultSpool } from '../spool/result-spool.js';
import { fitResult } from './fit-result.js';

/** Limits of one session's result stream. */
export interface ResultSenderOptions {
  /** Results sent but not yet acknowledged before sending pauses (flow control). */
  maxUnacked?: number;
  /**
   * Largest `results.batch` frame in bytes when the relay does not announce its own limit in
   * `hello.ok` (default DEFAULT_CLIENT_FRAME_BYTES, the relay's default).
   */
  maxFrameBytes?: number;
  /** Told how many results went out in a frame. */
  onSent?: (count: number) => void;
}

// The frame is assembled from each result's own JSON so it can be cut by bytes without encoding
// the batch again; the bytes are the same as encodeMessage({ type: 'results.batch', results }).
const HEAD = '{"type":"results.batch","results":[';
const TAIL = ']}';
const ENVELOPE_BYTES = HEAD.length + TAIL.length;

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
  readonly #defaultFrameBytes: number;
  readonly #onSent: (count: number) => void;
  #frameBytes: number;
  #sentUpTo = 0;
  #flushing: Promise<void> | undefined;

  constructor(spool: ResultSpool, options: ResultSenderOptions = {}) {
    this.#spool = spool;
    this.#maxUnacked = options.maxUnacked ?? 10 * MAX_RESULTS_PER_BATCH;
    this.#defaultFrameBytes = options.maxFrameBytes ?? DEFAULT_CLIENT_FRAME_BYTES;
    this.#frameBytes = Math.min(this.#defaultFrameBytes, FRAME_LIMITS.probeToRelay);
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

  /** Largest frame this session sends, in bytes. */
  get frameBytes(): number {
    return this.#frameBytes;
  }

  /**
   * Starts a session: everything not acknowledged will be sent again, in frames no larger than
   * the relay's announced limit (or the default when it announced none).
   */
  reset(relayMaxFrameBytes?: number): void {
    this.#sentUpTo = this.#spool.floorSeq;
    this.#frameBytes = Math.min(relayMaxFrameBytes ?? this.#defaultFrameBytes, FRAME_LIMITS.probeToRelay);
  }

  /** Applies a cumulative ack; results the relay already holds are not sent again. */
  acknowledge(upToSeq: number): void {
    this.#spool.ack(upToSeq);
    this.#sentUpTo = Math.max(this.#sentUpTo, this.#spool.ackedSeq);
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
      const sent = this.#sendPacked(batch, send);
      if (sent === 0) return;
      this.#sentUpTo = (batch[sent - 1] as CheckResult).seq;
      this.#onSent(sent);
    }
  }

  /**
   * Sends as many of the batch's first results as fit in one frame; returns how many went out.
   * A result too big for a frame on its own goes out alone, shrunk to fit (see fitResult).
   */
  #sendPacked(batch: readonly CheckResult[], send: FrameSink): number {
    const limit = this.#frameBytes;
    const parts: string[] = [];
    let bytes = ENVELOPE_BYTES;
    for (const result of batch) {
      const json = JSON.stringify(result);
      const size = Buffer.byteLength(json) + (parts.length > 0 ? 1 : 0);
      if (bytes + size > limit) break;
      parts.push(json);
      bytes += size;
    }
    if (parts.length === 0) parts.push(fitResult(batch[0] as CheckResult, limit - ENVELOPE_BYTES));
    return send(`${HEAD}${parts.join(',')}${TAIL}`) ? parts.length : 0;
  }
}
