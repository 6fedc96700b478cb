import {
  ErrorCode,
  encodeMessage,
  type RawFrame,
  type RelayToDesktopInput,
  type RelayToProbeInput,
  RequestId,
  toErrorMessage,
  type WireError,
} from '@vantage/shared';
import type { Logger } from 'pino';
import WebSocket from 'ws';
import { CloseCode } from './close-codes.js';
import type { TokenBucket } from './token-bucket.js';

/** Bytes a peer may leave unread in its outgoing buffer before it is disconnected as stuck. */
export const MAX_BUFFERED_BYTES = 128 * 1024 * 1024;

/** Largest refused frame whose request id is still looked up, so the sender's request settles. */
const REQUEST_ID_SCAN_BYTES = 64 * 1024;

/** The `requestId` of a small frame, to answer even a frame that is refused unread. */
function requestIdOf(raw: RawFrame): string | undefined {
  if (!(typeof raw === 'string' || Buffer.isBuffer(raw)) || raw.length > REQUEST_ID_SCAN_BYTES)
    return undefined;
  try {
    return RequestId.safeParse((JSON.parse(raw.toString()) as { requestId?: unknown }).requestId).data;
  } catch {
    return undefined;
  }
}

/** Any frame the relay sends. */
export type OutgoingFrame = RelayToProbeInput | RelayToDesktopInput;

/**
 * One client's socket as the hub uses it: sends frames (dropping them once closed), answers
 * with coded error frames, enforces the rate limits and counts violations in a row, closing the
 * connection at `maxViolations`.
 */
export class PeerSocket {
  #violations = 0;
  /** Whether the peer showed signs of life since the last heartbeat. */
  #alive = true;
  readonly #buckets: TokenBucket[] = [];
  #closed = false;

  constructor(
    readonly socket: WebSocket,
    readonly connId: string,
    public log: Logger,
    private readonly maxViolations: number,
    connectionBucket: TokenBucket,
  ) {
    this.#buckets.push(connectionBucket);
    socket.once('close', () => {
      this.#closed = true;
    });
    socket.on('pong', () => {
      this.#alive = true;
    });
    socket.on('message', () => {
      this.#alive = true;
    });
  }

  /**
   * One heartbeat: a peer that neither answered the last ping nor sent anything since is gone
   * (half-open TCP never errors by itself) and is terminated; otherwise it is pinged again.
   */
  heartbeat(): void {
    if (this.#closed) return;
    if (!this.#alive) {
      this.log.info('no pong since the last heartbeat; dropping the connection');
      this.socket.terminate();
      return;
    }
    this.#alive = false;
    this.socket.ping();
  }

  /** Whether the socket can still take frames. */
  get open(): boolean {
    return !this.#closed && this.socket.readyState === WebSocket.OPEN;
  }

  /** Bytes queued in user space, not yet handed to the kernel. */
  get bufferedAmount(): number {
    return this.socket.bufferedAmount;
  }

  /** Adds a bucket every frame must also draw from (the token's shared one, after hello). */
  addBucket(bucket: TokenBucket): void {
    this.#buckets.push(bucket);
  }

  /** Whether the frame fits every rate limit; answers and counts a violation when it does not. */
  admit(raw: RawFrame): boolean {
    for (const bucket of this.#buckets) {
      if (!bucket.take()) {
        const requestId = requestIdOf(raw);
        this.reject({
          code: ErrorCode.rateLimited,
          message: 'too many messages; slow down',
          ...(requestId !== undefined ? { requestId } : {}),
        });
        return false;
      }
    }
    return true;
  }

  /** Sends a frame; `sent` is called once it left the process (or failed). Returns false once closed. */
  send(frame: OutgoingFrame, sent?: (error?: Error) => void): boolean {
    return this.sendText(encodeMessage<OutgoingFrame>(frame), sent);
  }

  /** Sends an already encoded frame (broadcasts encode once for every peer). */
  sendText(text: string, sent?: (error?: Error) => void): boolean {
    if (!this.open) return false;
    if (this.socket.bufferedAmount > MAX_BUFFERED_BYTES) {
      this.close(CloseCode.tooSlow, 'not reading; outgoing buffer overflowed');
      return false;
    }
    this.socket.send(text, sent);
    return true;
  }

  /** Answers with an error frame without counting a violation (a refused but well-formed request). */
  sendError(error: WireError): void {
    this.send(toErrorMessage(error));
  }

  /** Answers a bad frame and counts it; closes the connection at the limit. */
  reject(error: WireError): void {
    this.sendError(error);
    this.#violations++;
    if (this.#violations >= this.maxViolations) {
      this.log.warn({ violations: this.#violations, code: error.code }, 'too many bad frames; closing');
      this.close(CloseCode.tooManyViolations, 'too many invalid frames');
    }
  }

  /** A good frame ends a run of violations. */
  accepted(): void {
    this.#violations = 0;
  }

  /** Closes with a code and a short reason; the close handshake is cut short after a second. */
  close(code: number, reason: string): void {
    if (this.#closed) return;
    this.#closed = true;
    try {
      this.socket.close(code, reason.slice(0, 120));
    } catch {
      this.socket.terminate();
      return;
    }
    setTimeout(() => this.socket.terminate(), 1000).unref();
  }
}
