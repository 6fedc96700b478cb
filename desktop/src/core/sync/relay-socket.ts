import {
  type DesktopIdentity,
  type DesktopToRelayInput,
  decodeMessage,
  ErrorCode,
  encodeMessage,
  fastResultsPage,
  FRAME_LIMITS,
  type HelloOkMessage,
  PROTOCOL_VERSION,
  type RawFrame,
  RelayToDesktop,
  type WireError,
} from '@vantage/shared';
import WebSocket from 'ws';

/** How a socket ended: why, and whether the relay refused the token (which retrying soon cannot fix). */
export interface SocketEnd {
  reason: string;
  refused: boolean;
}

/** What one socket reports, in order. */
export interface RelaySocketEvents {
  /** The relay answered hello; frames follow. */
  hello(hello: HelloOkMessage): void;
  /** A decoded frame after `hello.ok`. */
  frame(frame: RelayToDesktop): void;
  /** A frame that did not decode (never thrown: logged and dropped by the owner). */
  badFrame(error: WireError): void;
  /** The socket is gone; called once. */
  closed(end: SocketEnd): void;
}

/** Who dials, and how long to wait. */
export interface RelaySocketOptions {
  wsUrl: string;
  token: string;
  desktop: DesktopIdentity;
  /** Time from dialing to `hello.ok`. */
  helloTimeoutMs: number;
  /** Silence after which the link is presumed dead (half-open TCP never errors by itself). */
  idleTimeoutMs: number;
}

/** Close codes with which the relay refuses a token (unknown, revoked, or not a desktop's). */
const AUTH_CLOSE_CODES = new Set([4401, 4403]);
const AUTH_ERRORS = new Set<string>([ErrorCode.unauthenticated, ErrorCode.forbidden]);

/**
 * One WebSocket to the relay, from dial to close: sends `hello`, waits for `hello.ok` (or the
 * relay's refusal), decodes every frame with the shared schema, and ends the socket when the relay
 * stays silent past the idle limit. Reconnecting is the owner's business.
 */
export class RelaySocket {
  readonly #socket: WebSocket;
  #failure: string | undefined;

  constructor(options: RelaySocketOptions, events: RelaySocketEvents) {
    const socket = new WebSocket(options.wsUrl, {
      maxPayload: FRAME_LIMITS.relayToDesktop,
      handshakeTimeout: 10_000,
    });
    this.#socket = socket;
    let established = false;
    let refused = false;
    let idle: NodeJS.Timeout | undefined;
    const alive = () => {
      clearTimeout(idle);
      idle = setTimeout(
        () => this.terminate(`the relay sent nothing for ${Math.round(options.idleTimeoutMs / 1000)} s`),
        options.idleTimeoutMs,
      );
    };
    const helloTimer = setTimeout(
      () =>
        this.terminate(
          `the relay did not answer hello within ${Math.round(options.helloTimeoutMs / 1000)} s`,
        ),
      options.helloTimeoutMs,
    );

    socket.on('open', () => {
      alive();
      const { token, desktop } = options;
      socket.send(
        encodeMessage<DesktopToRelayInput>({
          type: 'hello',
          protocol: PROTOCOL_VERSION,
          role: 'desktop',
          token,
          desktop,
        }),
      );
    });
    socket.on('ping', alive);
    socket.on('message', (data: Buffer, isBinary: boolean) => {
      alive();
      const raw: RawFrame = isBinary ? data : data.toString();
      const decoded = decodeMessage(RelayToDesktop, raw, {
        maxBytes: FRAME_LIMITS.relayToDesktop,
        fastPath: fastResultsPage,
      });
      if (!decoded.ok) return events.badFrame(decoded.error);
      const frame = decoded.value;
      if (established) return events.frame(frame);
      if (frame.type === 'hello.ok') {
        clearTimeout(helloTimer);
        established = true;
        events.hello(frame);
      } else if (frame.type === 'error') {
        this.#failure = frame.message;
        refused ||= AUTH_ERRORS.has(frame.code);
      }
    });
    socket.on('unexpected-response', (_request, response) => {
      this.terminate(`the relay answered HTTP ${response.statusCode} instead of a WebSocket upgrade`);
    });
    socket.on('error', (error: NodeJS.ErrnoException) => {
      this.#failure ??= error.message || error.code || 'connection error';
    });
    socket.on('close', (code: number, reason: Buffer) => {
      clearTimeout(helloTimer);
      clearTimeout(idle);
      refused ||= AUTH_CLOSE_CODES.has(code);
      const text = reason.toString();
      events.closed({
        reason: this.#failure ?? (text.length > 0 ? `closed (${code}): ${text}` : `closed (${code})`),
        refused,
      });
    });
  }

  /** Whether frames can be sent. */
  get open(): boolean {
    return this.#socket.readyState === WebSocket.OPEN;
  }

  /** Sends an encoded frame; dropped once the socket is no longer open. */
  send(text: string): void {
    if (this.open) this.#socket.send(text);
  }

  /** Ends the socket at once, giving `reason` as why (unless an earlier failure already explains it). */
  terminate(reason: string): void {
    this.#failure ??= reason;
    this.#socket.terminate();
  }

  /** Closes politely; cut short after a second. Resolves once closed. */
  async close(): Promise<void> {
    const socket = this.#socket;
    if (socket.readyState === WebSocket.CLOSED) return;
    const closed = new Promise((resolve) => socket.once('close', resolve));
    socket.close(1000, 'desktop closing');
    const timer = setTimeout(() => socket.terminate(), 1000);
    await closed;
    clearTimeout(timer);
  }
}
