import {
  type CheckRunOrderMessage,
  decodeMessage,
  encodeMessage,
  FRAME_LIMITS,
  type HelloOkMessage,
  type MonitorsDiffMessage,
  type MonitorsFullMessage,
  PROTOCOL_VERSION,
  type ProbeHealthMessage,
  type ProbeIdentity,
  type ProbeToRelayInput,
  type RawFrame,
  RelayToProbe,
} from '@vantage/shared';
import type { Logger } from 'pino';
import WebSocket from 'ws';
import { withoutCredentials } from '../config/config-for-log.js';
import type { ResultSpool } from '../spool/result-spool.js';
import { type BackoffPolicy, backoffDelay, DEFAULT_BACKOFF } from './backoff.js';
import { encodeReply } from './fit-result.js';
import { ResultSender } from './result-sender.js';

/** Time from dialing to `hello.ok` (TCP, TLS, upgrade and hello) before the attempt counts as failed. */
const HELLO_DEADLINE_MS = 20_000;

/** Default milliseconds between result flushes. */
const FLUSH_INTERVAL_MS = 1000;

/** What the link hands to the rest of the probe. */
export interface RelayLinkHandlers {
  monitorsFull(message: MonitorsFullMessage): void;
  monitorsDiff(message: MonitorsDiffMessage): void;
  /** Runs a one-off check; resolves with the frame to answer (`check.result` or `error`). */
  checkRun(message: CheckRunOrderMessage): Promise<ProbeToRelayInput>;
  /** The current self-health report. */
  health(): Omit<ProbeHealthMessage, 'type'>;
  /** Told whenever the session comes up (true) or goes down (false). */
  connection?(connected: boolean): void;
}

/** How the link reaches and talks to the relay. */
export interface RelayLinkOptions {
  url: string;
  token: string;
  identity: ProbeIdentity;
  spool: ResultSpool;
  logger: Logger;
  handlers: RelayLinkHandlers;
  /**
   * Milliseconds between result flushes (default 1000). Each flush costs a frame, a relay
   * transaction, an ack and a desktop commit whatever it carries, so results are batched for a
   * second; a full batch waiting goes out at once (see resultsAppended).
   */
  flushIntervalMs?: number;
  backoff?: BackoffPolicy;
  random?: () => number;
  /** Milliseconds between WebSocket pings; a missing pong by the next one drops the connection. */
  pingIntervalMs?: number;
  /** Told how many results went out in a frame. */
  onResultsSent?: (count: number) => void;
  /** Told of every connection attempt's outcome. */
  onConnectAttempt?: (outcome: 'connected' | 'failed') => void;
}

/**
 * The probe's one connection to the relay: dial, `hello`, then stream results and take
 * assignments until the socket drops; then redial with exponential backoff and jitter, forever.
 * Frames from the relay are decoded with the shared schema; a bad one is logged and skipped.
 */
export class RelayLink {
  readonly #options: RelayLinkOptions;
  readonly #sender: ResultSender;
  #socket: WebSocket | undefined;
  #log: Logger;
  #connId = 0;
  #failures = 0;
  #established = false;
  #stopped = false;
  #retryTimer: NodeJS.Timeout | undefined;
  #flushTimer: NodeJS.Timeout | undefined;
  #pingTimer: NodeJS.Timeout | undefined;
  #helloTimer: NodeJS.Timeout | undefined;

  constructor(options: RelayLinkOptions) {
    this.#options = options;
    this.#log = options.logger;
    this.#sender = new ResultSender(
      options.spool,
      options.onResultsSent ? { onSent: options.onResultsSent } : {},
    );
  }

  /** Whether a session is established (hello answered). */
  get connected(): boolean {
    return this.#established;
  }

  /** Starts dialing. */
  start(): void {
    this.#dial();
  }

  /** Sends results now instead of at the next tick when a full batch is waiting. */
  resultsAppended(): void {
    if (this.#established && this.#sender.backlog >= 1000) void this.#flush();
  }

  /** Reports self-health now (on change; also sent periodically by the caller). */
  sendHealth(): void {
    if (this.#established) this.#send({ type: 'probe.health', ...this.#options.handlers.health() });
  }

  /** Drops the connection and dials again, e.g. to get a fresh `monitors.full`. */
  reconnect(reason: string): void {
    this.#log.warn({ reason }, 'reconnecting to the relay');
    this.#socket?.terminate();
  }

  /**
   * Stops for good: sends what the spool holds, waits up to `graceMs` for the socket to drain and
   * the relay to acknowledge, then closes.
   */
  async stop(graceMs = 2000): Promise<void> {
    this.#stopped = true;
    clearTimeout(this.#retryTimer);
    const socket = this.#socket;
    if (socket && this.#established) {
      await this.#flush();
      const deadline = Date.now() + graceMs;
      const spool = this.#options.spool;
      while (Date.now() < deadline && socket.readyState === WebSocket.OPEN) {
        if (socket.bufferedAmount === 0 && spool.ackedSeq >= this.#sender.sentUpTo) break;
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    }
    this.#endSession();
    if (socket && socket.readyState !== WebSocket.CLOSED) {
      const closed = new Promise((resolve) => socket.once('close', resolve));
      socket.close(1001, 'probe shutting down');
      const timer = setTimeout(() => socket.terminate(), 1000);
      await closed;
      clearTimeout(timer);
    }
  }

  #dial(): void {
    if (this.#stopped) return;
    const connId = ++this.#connId;
    this.#log = this.#options.logger.child({ connId });
    this.#log.info(
      { url: withoutCredentials(this.#options.url), attempt: this.#failures + 1 },
      'connecting to relay',
    );
    const socket = new WebSocket(this.#options.url, {
      maxPayload: FRAME_LIMITS.relayToProbe,
      handshakeTimeout: 10_000,
    });
    this.#socket = socket;
    let failure: string | undefined;
    // A relay that accepts the socket but never answers hello would otherwise hold the probe forever.
    const helloTimer = setTimeout(() => {
      failure = `relay did not answer hello within ${HELLO_DEADLINE_MS / 1000} s`;
      socket.terminate();
    }, HELLO_DEADLINE_MS);
    socket.once('close', () => clearTimeout(helloTimer));
    this.#helloTimer = helloTimer;
    socket.on('open', () => {
      this.#send({
        type: 'hello',
        protocol: PROTOCOL_VERSION,
        role: 'probe',
        token: this.#options.token,
        probe: this.#options.identity,
      });
      this.#startPing(socket);
    });
    socket.on('message', (data) => this.#receive(data));
    socket.on('unexpected-response', (_request, response) => {
      failure = `relay answered HTTP ${response.statusCode} instead of a WebSocket upgrade`;
      socket.terminate();
    });
    socket.on('error', (error) => {
      failure ??= error.message || (error as NodeJS.ErrnoException).code || 'connection error';
    });
    socket.on('close', (code, reason) => {
      if (this.#socket === socket) this.#socket = undefined;
      const wasEstablished = this.#established;
      this.#endSession();
      if (this.#stopped) return;
      if (!wasEstablished) this.#options.onConnectAttempt?.('failed');
      this.#failures++;
      const delayMs = backoffDelay(
        this.#failures,
        this.#options.backoff ?? DEFAULT_BACKOFF,
        this.#options.random,
      );
      const why = failure ?? (reason.length > 0 ? `closed ${code}: ${reason.toString()}` : `closed ${code}`);
      // 4xxx: the relay answered and refused (bad token, wrong region); retrying still makes sense
      // because a token can be fixed on the relay without touching the probe.
      const line = wasEstablished
        ? 'lost the relay; reconnecting'
        : code >= 4000 && code < 5000
          ? 'relay refused the probe; retrying'
          : 'relay unreachable; retrying';
      this.#log.warn({ attempt: this.#failures, retryInMs: delayMs, error: why }, line);
      this.#retryTimer = setTimeout(() => this.#dial(), delayMs);
    });
  }

  #receive(raw: RawFrame): void {
    const decoded = decodeMessage(RelayToProbe, raw, { maxBytes: FRAME_LIMITS.relayToProbe });
    if (!decoded.ok) {
      this.#log.warn(
        { code: decoded.error.code, error: decoded.error.message },
        'ignored a bad frame from the relay',
      );
      return;
    }
    const message = decoded.value;
    const { handlers } = this.#options;
    try {
      switch (message.type) {
        case 'hello.ok':
          if (this.#established) this.#log.warn('ignored a second hello.ok');
          else this.#beginSession(message);
          return;
        case 'error':
          this.#log.warn(
            { code: message.code, error: message.message, requestId: message.requestId },
            'relay reported an error',
          );
          return;
      }
      if (!this.#established) {
        this.#log.warn({ type: message.type }, 'ignored a frame that arrived before hello.ok');
        return;
      }
      switch (message.type) {
        case 'monitors.full':
          handlers.monitorsFull(message);
          return;
        case 'monitors.diff':
          handlers.monitorsDiff(message);
          return;
        case 'results.ack':
          this.#sender.acknowledge(message.upToSeq);
          return;
        case 'check.run':
          void handlers
            .checkRun(message)
            .then((reply) => this.#sendText(encodeReply(reply, this.#sender.frameBytes)));
          return;
      }
    } catch (error) {
      this.#log.error({ err: error, type: message.type }, 'failed to handle a frame from the relay');
    }
  }

  #beginSession({ sessionId, relayVersion, maxFrameBytes }: HelloOkMessage): void {
    clearTimeout(this.#helloTimer);
    this.#established = true;
    this.#failures = 0;
    this.#sender.reset(maxFrameBytes);
    this.#log = this.#log.child({ sessionId });
    this.#log.info(
      { relayVersion, resendFrom: this.#sender.sentUpTo + 1, maxFrameBytes: this.#sender.frameBytes },
      'connected to relay',
    );
    this.#options.onConnectAttempt?.('connected');
    this.#options.handlers.connection?.(true);
    this.sendHealth();
    this.#flushTimer = setInterval(
      () => void this.#flush(),
      this.#options.flushIntervalMs ?? FLUSH_INTERVAL_MS,
    );
    void this.#flush();
  }

  #endSession(): void {
    clearInterval(this.#flushTimer);
    clearInterval(this.#pingTimer);
    if (this.#established) this.#options.handlers.connection?.(false);
    this.#established = false;
  }

  #flush(): Promise<void> {
    return this.#sender
      .flush((frame) => this.#sendText(frame))
      .catch((error: unknown) => {
        this.#log.error({ err: error }, 'could not send spooled results');
      });
  }

  #startPing(socket: WebSocket): void {
    let alive = true;
    socket.on('pong', () => {
      alive = true;
    });
    this.#pingTimer = setInterval(() => {
      // Half-open TCP never errors by itself; a missed pong is how a dead relay is noticed.
      if (!alive) socket.terminate();
      alive = false;
      socket.ping();
    }, this.#options.pingIntervalMs ?? 30_000);
  }

  #send(message: ProbeToRelayInput): boolean {
    return this.#sendText(encodeMessage<ProbeToRelayInput>(message));
  }

  #sendText(frame: string): boolean {
    const socket = this.#socket;
    if (!socket || socket.readyState !== WebSocket.OPEN) return false;
    socket.send(frame);
    return true;
  }
}
