import { randomBytes } from 'node:crypto';
import { ErrorCode, zodIssuesToFieldErrors } from '@vantage/shared';
import type { Logger } from 'pino';
import type WebSocket from 'ws';
import {
  type ApiError,
  type ApiEvent,
  type ApiHandlers,
  type ApiResult,
  apiError,
  CallFrame,
  dispatchCall,
  type EventFrame,
  fieldsError,
  type FrameErrorFrame,
  type ResultFrame,
} from '../../contract/index.js';

/** What the hub needs: the core's handlers, a logger and its limits. */
export interface ApiSocketHubOptions {
  handlers: ApiHandlers;
  logger: Logger;
  /** Largest frame accepted from a renderer; larger ones get a `frame.error`. */
  maxFrameBytes: number;
  /** Bytes a socket may have queued unsent before it is dropped as too far behind. */
  maxBacklogBytes: number;
}

/**
 * The renderers' WebSockets (`/api/ws`): answers `call` frames with `result` frames under the
 * call's id, and pushes every live event to every socket. Each listener catches its own errors
 * (STYLE 13): a bad frame gets a coded `frame.error` and the socket keeps working.
 */
export class ApiSocketHub {
  readonly #sockets = new Set<WebSocket>();
  readonly #options: ApiSocketHubOptions;

  constructor(options: ApiSocketHubOptions) {
    this.#options = options;
  }

  /** Takes over a socket the server accepted. */
  accept(socket: WebSocket): void {
    const log = this.#options.logger.child({ connId: randomBytes(4).toString('hex') });
    this.#sockets.add(socket);
    log.debug('renderer socket opened');
    socket.on('message', (data, isBinary) => {
      void this.#receive(socket, log, data, isBinary).catch((error: unknown) => {
        log.error({ err: error }, 'could not answer a frame');
      });
    });
    socket.on('error', (error) => log.debug({ err: error }, 'renderer socket error'));
    socket.on('close', (code) => {
      this.#sockets.delete(socket);
      log.debug({ code }, 'renderer socket closed');
    });
  }

  /** Sends a live event to every open socket (serialised once for all). */
  broadcast(event: ApiEvent): void {
    if (this.#sockets.size === 0) return;
    const frame: EventFrame = { type: 'event', event };
    const text = JSON.stringify(frame);
    for (const socket of this.#sockets) this.#send(socket, text);
  }

  /** Closes every socket with 1001 "going away" (the server is stopping). */
  closeAll(): void {
    for (const socket of this.#sockets) socket.close(1001, 'server stopping');
  }

  async #receive(socket: WebSocket, log: Logger, data: WebSocket.RawData, isBinary: boolean): Promise<void> {
    const bytes = Array.isArray(data) ? data.reduce((n, b) => n + b.byteLength, 0) : data.byteLength;
    if (bytes > this.#options.maxFrameBytes) {
      return this.#frameError(
        socket,
        apiError(
          ErrorCode.frameTooLarge,
          `the frame has ${bytes} bytes; at most ${this.#options.maxFrameBytes} are accepted`,
        ),
      );
    }
    if (isBinary) {
      return this.#frameError(
        socket,
        apiError(ErrorCode.invalidMessage, 'frames must be JSON text, not binary'),
      );
    }
    let json: unknown;
    try {
      json = JSON.parse(rawText(data));
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      return this.#frameError(socket, apiError(ErrorCode.invalidMessage, `the frame is not JSON: ${reason}`));
    }
    const parsed = CallFrame.safeParse(json);
    if (!parsed.success) {
      const error = fieldsError(ErrorCode.invalidMessage, zodIssuesToFieldErrors(parsed.error.issues));
      // A frame with a usable id is answered under it, so the caller's promise settles.
      const id = idOf(json);
      return id === undefined
        ? this.#frameError(socket, error)
        : this.#result(socket, id, { ok: false, error });
    }
    const { id, method, input } = parsed.data;
    const result = await dispatchCall(this.#options.handlers, method, input, (name, error) =>
      log.error({ err: error, method: name }, 'API handler failed'),
    );
    this.#result(socket, id, result);
  }

  #result(socket: WebSocket, id: number, result: ApiResult<unknown>): void {
    let text: string;
    try {
      const frame: ResultFrame = { type: 'result', id, result };
      text = JSON.stringify(frame);
    } catch (error) {
      this.#options.logger.error({ err: error, id }, 'could not serialise a result');
      const frame: ResultFrame = {
        type: 'result',
        id,
        result: {
          ok: false,
          error: apiError(ErrorCode.internal, 'the result could not be sent; see the app log'),
        },
      };
      text = JSON.stringify(frame);
    }
    this.#send(socket, text);
  }

  #frameError(socket: WebSocket, error: ApiError): void {
    const frame: FrameErrorFrame = { type: 'frame.error', error };
    this.#send(socket, JSON.stringify(frame));
  }

  /**
   * Queues a frame, unless the socket already has more than `maxBacklogBytes` waiting: a renderer
   * that stopped reading would otherwise grow this process without bound. It is dropped and
   * reconnects, reloading what it shows, which is cheaper than replaying a backlog.
   */
  #send(socket: WebSocket, text: string): void {
    if (socket.readyState !== socket.OPEN) return;
    if (socket.bufferedAmount > this.#options.maxBacklogBytes) {
      this.#options.logger.warn(
        { backlogBytes: socket.bufferedAmount, limitBytes: this.#options.maxBacklogBytes },
        'renderer socket fell too far behind; dropping it',
      );
      this.#sockets.delete(socket);
      // terminate, not close: a close frame would wait behind the very backlog we give up on.
      socket.terminate();
      return;
    }
    socket.send(text);
  }
}

function rawText(data: WebSocket.RawData): string {
  if (Array.isArray(data)) return Buffer.concat(data).toString('utf8');
  return Buffer.isBuffer(data) ? data.toString('utf8') : Buffer.from(data).toString('utf8');
}

function idOf(json: unknown): number | undefined {
  if (typeof json !== 'object' || json === null || !('id' in json)) return undefined;
  const { id } = json;
  return typeof id === 'number' && Number.isSafeInteger(id) && id >= 0 ? id : undefined;
}
