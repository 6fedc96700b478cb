import {
  DEFAULT_CLIENT_FRAME_BYTES,
  type DesktopIdentity,
  type DesktopToRelayInput,
  ErrorCode,
  encodeMessage,
  err,
  type HelloOkMessage,
  type RelayToDesktop,
  type Result,
} from '@vantage/shared';
import type { Logger } from 'pino';
import { type ApiError, apiError, type SyncView } from '../../contract/index.js';
import { PendingRequests, type WantMore } from './pending-requests.js';
import { type BackoffOptions, DEFAULT_BACKOFF, reconnectDelay } from './reconnect-backoff.js';
import { RelaySocket } from './relay-socket.js';
import { DEFAULT_SEND_RATE, SendPacer, type SendRate } from './send-pacer.js';
import { relayUnavailable } from './sync-errors.js';

/** The link's state, as the sync status shows it. */
export type ConnectionState = SyncView['connection'];

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
/** A desktop request as the caller writes it; the connection picks its request id. */
export type RelayRequest = DistributiveOmit<
  Exclude<DesktopToRelayInput, { type: 'hello' | 'error' }>,
  'requestId'
>;

/** What the connection tells its owner. Handlers run synchronously, in frame order. */
export interface RelayConnectionHandlers {
  /** A session began: the relay answered hello. */
  opened(hello: HelloOkMessage): void;
  /** A frame other than a reply: events, result pages (including the one answering a subscribe), stray errors. */
  frame(frame: RelayToDesktop): void;
  /** The session ended; its pending requests have already failed. */
  closed(): void;
  /** The state, last error or next attempt changed. */
  changed(): void;
}

/** How to reach the relay and how patiently. */
export interface RelayConnectionOptions {
  wsUrl: string;
  token: string;
  desktop: DesktopIdentity;
  logger: Logger;
  handlers: RelayConnectionHandlers;
  backoff?: Partial<BackoffOptions>;
  random?: () => number;
  now?: () => number;
  /** Default deadline of a request (15 s). */
  requestTimeoutMs?: number;
  /** Time from dialing to `hello.ok` (20 s). */
  helloTimeoutMs?: number;
  /** Silence after which the link is presumed dead; the relay pings every 30 s (default 75 s). */
  idleTimeoutMs?: number;
  rate?: SendRate;
}

/**
 * The desktop's WebSocket to one relay: dial, `hello`, then requests matched to replies by id and
 * a stream of events, until the socket drops; then redial with exponential backoff and jitter
 * (1 s → 30 s), or once a minute while the relay refuses the token (state `unauthorized`). Frames
 * are decoded with the shared schema; a bad one is logged and dropped, never thrown.
 */
export class RelayConnection {
  readonly #options: RelayConnectionOptions;
  readonly #backoff: BackoffOptions;
  readonly #pending = new PendingRequests();
  readonly #now: () => number;
  #socket: RelaySocket | undefined;
  #pacer: SendPacer | undefined;
  #hello: HelloOkMessage | null = null;
  #state: ConnectionState = 'disconnected';
  #lastError: string | null = null;
  #nextAttemptAt: number | null = null;
  #failures = 0;
  #stopped = false;
  #retryTimer: NodeJS.Timeout | undefined;
  #log: Logger;

  constructor(options: RelayConnectionOptions) {
    this.#options = options;
    this.#backoff = { ...DEFAULT_BACKOFF, ...options.backoff };
    this.#now = options.now ?? Date.now;
    this.#log = options.logger;
  }

  /** The link's state. */
  get state(): ConnectionState {
    return this.#state;
  }

  /** Why the last attempt or session failed; null while connected. */
  get lastError(): string | null {
    return this.#lastError;
  }

  /** When the next attempt is due, while waiting for it. */
  get nextAttemptAt(): number | null {
    return this.#nextAttemptAt;
  }

  /** The current session's `hello.ok`; null while not connected. */
  get hello(): HelloOkMessage | null {
    return this.#hello;
  }

  /** Starts dialing. */
  start(): void {
    this.#dial();
  }

  /** Dials now if waiting for a retry; a link that is up or dialing is left alone. */
  reconnect(): void {
    if (this.#stopped || this.#socket !== undefined) return;
    clearTimeout(this.#retryTimer);
    this.#failures = 0;
    this.#dial();
  }

  /** Drops the current session (its socket) and redials after the usual backoff. */
  drop(reason: string): void {
    this.#socket?.terminate(reason);
  }

  /** Closes the link for good; pending requests fail with `relayUnavailable`. */
  async stop(): Promise<void> {
    this.#stopped = true;
    clearTimeout(this.#retryTimer);
    this.#nextAttemptAt = null;
    await this.#socket?.close();
    this.#setState('disconnected');
  }

  /**
   * Sends a request and waits for its reply (or replies, while `more` says so). Fails at once with
   * `relayUnavailable` when not connected, and with `frameTooLarge` when the frame exceeds the
   * relay's announced limit (sending it would get the connection closed).
   */
  request(
    frame: RelayRequest,
    options: { timeoutMs?: number; more?: WantMore } = {},
  ): Promise<Result<RelayToDesktop[], ApiError>> {
    const hello = this.#hello;
    const pacer = this.#pacer;
    if (hello === null || pacer === undefined) {
      return Promise.resolve(err(relayUnavailable('not connected to the relay')));
    }
    const requestId = this.#pending.nextId();
    const text = encodeMessage<DesktopToRelayInput>({ ...frame, requestId } as DesktopToRelayInput);
    const limit = hello.maxFrameBytes ?? DEFAULT_CLIENT_FRAME_BYTES;
    const bytes = Buffer.byteLength(text);
    if (bytes > limit) {
      return Promise.resolve(
        err(
          apiError(
            ErrorCode.frameTooLarge,
            `${frame.type} is ${bytes} bytes; the relay accepts at most ${limit}`,
          ),
        ),
      );
    }
    const timeoutMs = options.timeoutMs ?? this.#options.requestTimeoutMs ?? 15_000;
    const reply = this.#pending.wait(requestId, frame.type, timeoutMs, options.more);
    pacer.push(text);
    return reply;
  }

  #dial(): void {
    if (this.#stopped) return;
    this.#nextAttemptAt = null;
    this.#setState('connecting');
    const socket: RelaySocket = new RelaySocket(
      {
        wsUrl: this.#options.wsUrl,
        token: this.#options.token,
        desktop: this.#options.desktop,
        helloTimeoutMs: this.#options.helloTimeoutMs ?? 20_000,
        idleTimeoutMs: this.#options.idleTimeoutMs ?? 75_000,
      },
      {
        hello: (hello) => this.#begin(socket, hello),
        frame: (frame) => this.#dispatch(frame),
        badFrame: (error) => {
          this.#log.warn({ code: error.code, error: error.message }, 'ignored a bad frame from the relay');
          // A request whose reply cannot be read would otherwise wait for its deadline.
          if (error.requestId === undefined) return;
          const message = `the relay's reply could not be read: ${error.message}`;
          this.#pending.fail(error.requestId, apiError(ErrorCode.invalidMessage, message));
        },
        closed: ({ reason, refused }) => {
          if (this.#socket === socket) this.#socket = undefined;
          this.#end(reason);
          if (!this.#stopped) this.#scheduleRetry(reason, refused);
        },
      },
    );
    this.#socket = socket;
  }

  #begin(socket: RelaySocket, hello: HelloOkMessage): void {
    this.#hello = hello;
    this.#failures = 0;
    this.#lastError = null;
    this.#pacer = new SendPacer(this.#options.rate ?? DEFAULT_SEND_RATE, (text) => socket.send(text));
    this.#log = this.#options.logger.child({ sessionId: hello.sessionId });
    this.#log.info(
      { relayVersion: hello.relayVersion, relayId: hello.relayId, maxFrameBytes: hello.maxFrameBytes },
      'connected to the relay',
    );
    this.#setState('connected');
    this.#guard('opened', () => this.#options.handlers.opened(hello));
  }

  #end(why: string): void {
    const wasOpen = this.#hello !== null;
    this.#hello = null;
    this.#pacer?.clear();
    this.#pacer = undefined;
    this.#pending.failAll(relayUnavailable(`the connection to the relay was lost (${why})`));
    if (wasOpen) {
      if (this.#stopped) this.#log.info('closed the link to the relay');
      else this.#log.warn({ reason: why }, 'lost the relay');
      this.#guard('closed', () => this.#options.handlers.closed());
    }
    this.#log = this.#options.logger;
  }

  #scheduleRetry(why: string, refused: boolean): void {
    const delayMs = refused
      ? this.#backoff.unauthorizedMs
      : reconnectDelay(++this.#failures, this.#backoff, this.#options.random ?? Math.random);
    this.#lastError = refused ? `the relay refused this desktop's token: ${why}` : why;
    this.#nextAttemptAt = this.#now() + delayMs;
    this.#log.warn(
      { url: this.#options.wsUrl, error: why, retryInMs: delayMs },
      refused ? "the relay refused this desktop's token; retrying slowly" : 'relay unreachable; retrying',
    );
    this.#retryTimer = setTimeout(() => this.#dial(), delayMs);
    this.#setState(refused ? 'unauthorized' : 'disconnected');
  }

  #dispatch(frame: RelayToDesktop): void {
    if (frame.type === 'hello.ok') {
      this.#log.warn('ignored a second hello.ok');
      return;
    }
    const answered = this.#pending.take(frame);
    if (answered && frame.type !== 'results.page') return;
    this.#guard(frame.type, () => this.#options.handlers.frame(frame));
  }

  #setState(state: ConnectionState): void {
    this.#state = state;
    this.#guard('changed', () => this.#options.handlers.changed());
  }

  #guard(what: string, work: () => void): void {
    try {
      work();
    } catch (error) {
      this.#log.error({ err: error, what }, 'failed to handle a relay event');
    }
  }
}
