import { ErrorCode } from '@vantage/shared';
import {
  type ApiError,
  type ApiEvent,
  type ApiResult,
  type ApiTransport,
  apiError,
  DesktopErrorCode,
  type MethodInput,
  type MethodName,
  type MethodOutput,
  ServerFrame,
  type Unsubscribe,
} from '../../contract/index.js';

/** The part of the browser's WebSocket the transport uses (so tests can pass another implementation). */
export interface SocketLike {
  readonly readyState: number;
  send(data: string): void;
  close(code?: number, reason?: string): void;
  onopen: ((event: unknown) => void) | null;
  onmessage: ((event: { data: unknown }) => void) | null;
  onclose: ((event: { code: number }) => void) | null;
  onerror: ((event: unknown) => void) | null;
}

/** How the transport opens a socket. */
export type SocketFactory = (url: string) => SocketLike;

/** The state of the socket between this page and the Vantage core. */
export interface LinkStatus {
  state: 'connecting' | 'open' | 'closed';
  /** Failed attempts in a row; 0 once open. */
  failures: number;
  /** Epoch ms of the next attempt while closed; null otherwise. */
  nextAttemptAt: number | null;
}

/** The web-mode transport: the API contract plus the state of its own socket. */
export interface WebTransport extends ApiTransport {
  /** The socket's state now. */
  link(): LinkStatus;
  /** Calls `listener` whenever the socket's state changes; it reopens after `closed` on its own. */
  onLink(listener: (status: LinkStatus) => void): Unsubscribe;
  /** Tries to reopen now instead of waiting for the next attempt. */
  reconnectNow(): void;
  /** Closes the socket for good; pending calls fail. */
  close(): void;
}

/** Tunables of {@link createWebTransport}; the defaults suit a page. */
export interface WebTransportOptions {
  /** The `/api/ws` address; by default the page's own origin. */
  url?: string;
  openSocket?: SocketFactory;
  /** How long a sent call may wait for its answer (an import of thousands of monitors takes a while). */
  callTimeoutMs?: number;
  /** How long a call made while disconnected waits for the socket before failing. */
  queueTimeoutMs?: number;
  minBackoffMs?: number;
  maxBackoffMs?: number;
  random?: () => number;
}

interface Pending {
  frame: string;
  resolve: (result: ApiResult<unknown>) => void;
  timer: ReturnType<typeof setTimeout>;
  sent: boolean;
}

const OPEN = 1;

/** The same-origin `/api/ws` address of the page (`ws:` or `wss:` to match it). */
export function defaultSocketUrl(location: Pick<Location, 'protocol' | 'host'>): string {
  return `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/api/ws`;
}

/**
 * Opens the web-mode transport: one WebSocket to the core carrying calls (answered under their
 * id) and live events. The auth cookie set by the page load goes with the upgrade request.
 * 1. Calls made while the socket is down wait for it (up to `queueTimeoutMs`), then go out in order.
 * 2. When the socket drops, calls already sent fail with `relayUnavailable` (it is unknown whether
 *    the core ran them, so they are not resent), and the socket reopens with jittered backoff.
 * 3. Frames are checked against the contract's schema; a bad one never breaks the loop.
 */
export function createWebTransport(options: WebTransportOptions = {}): WebTransport {
  const url = options.url ?? defaultSocketUrl(window.location);
  const openSocket =
    options.openSocket ?? ((target: string) => new WebSocket(target) as unknown as SocketLike);
  const callTimeoutMs = options.callTimeoutMs ?? 120_000;
  const queueTimeoutMs = options.queueTimeoutMs ?? 15_000;
  const minBackoffMs = options.minBackoffMs ?? 500;
  const maxBackoffMs = options.maxBackoffMs ?? 10_000;
  const random = options.random ?? Math.random;

  const pending = new Map<number, Pending>();
  const eventListeners = new Set<(event: ApiEvent) => void>();
  const linkListeners = new Set<(status: LinkStatus) => void>();
  let status: LinkStatus = { state: 'connecting', failures: 0, nextAttemptAt: null };
  let socket: SocketLike | null = null;
  let retryTimer: ReturnType<typeof setTimeout> | null = null;
  let nextId = 1;
  let closed = false;

  const setStatus = (next: LinkStatus) => {
    status = next;
    for (const listener of [...linkListeners]) listener(status);
  };

  const settle = (id: number, result: ApiResult<unknown>) => {
    const call = pending.get(id);
    if (call === undefined) return;
    pending.delete(id);
    clearTimeout(call.timer);
    call.resolve(result);
  };

  const failWith = (error: ApiError) => ({ ok: false as const, error });

  const flush = () => {
    if (socket === null || socket.readyState !== OPEN) return;
    for (const [id, call] of pending) {
      if (call.sent) continue;
      call.sent = true;
      clearTimeout(call.timer);
      call.timer = setTimeout(
        () =>
          settle(id, failWith(apiError(DesktopErrorCode.relayUnavailable, 'Vantage did not answer in time'))),
        callTimeoutMs,
      );
      socket.send(call.frame);
    }
  };

  const receive = (data: unknown) => {
    let json: unknown;
    try {
      json = JSON.parse(typeof data === 'string' ? data : String(data));
    } catch {
      return;
    }
    const parsed = ServerFrame.safeParse(json);
    if (!parsed.success) {
      // A result we cannot read still answers its call, or the caller would wait forever.
      const id = (json as { type?: unknown; id?: unknown } | null)?.id;
      if (typeof id === 'number')
        settle(id, failWith(apiError(ErrorCode.internal, 'Vantage sent an answer this page cannot read')));
      return;
    }
    const frame = parsed.data;
    if (frame.type === 'result') settle(frame.id, frame.result as ApiResult<unknown>);
    else if (frame.type === 'event') for (const listener of [...eventListeners]) listener(frame.event);
  };

  const scheduleRetry = () => {
    const failures = status.failures + 1;
    const base = Math.min(maxBackoffMs, minBackoffMs * 2 ** Math.min(failures - 1, 10));
    const delay = Math.round(base * (0.75 + random() * 0.5));
    setStatus({ state: 'closed', failures, nextAttemptAt: Date.now() + delay });
    retryTimer = setTimeout(connect, delay);
  };

  function connect() {
    retryTimer = null;
    if (closed) return;
    setStatus({ ...status, state: 'connecting', nextAttemptAt: null });
    let opened: SocketLike;
    try {
      opened = openSocket(url);
    } catch {
      scheduleRetry();
      return;
    }
    socket = opened;
    opened.onopen = () => {
      setStatus({ state: 'open', failures: 0, nextAttemptAt: null });
      flush();
    };
    opened.onmessage = (event) => receive(event.data);
    opened.onerror = () => {};
    opened.onclose = () => {
      if (socket !== opened) return;
      socket = null;
      for (const [id, call] of pending) {
        if (call.sent)
          settle(
            id,
            failWith(
              apiError(
                DesktopErrorCode.relayUnavailable,
                'The connection to Vantage dropped before it answered',
              ),
            ),
          );
      }
      if (!closed) scheduleRetry();
    };
  }

  connect();

  return {
    call<M extends MethodName>(method: M, input: MethodInput<M>): Promise<ApiResult<MethodOutput<M>>> {
      return new Promise((resolve) => {
        if (closed) {
          resolve(
            failWith(apiError(DesktopErrorCode.relayUnavailable, 'the connection to Vantage is closed')),
          );
          return;
        }
        const id = nextId++;
        const timer = setTimeout(
          () => settle(id, failWith(apiError(DesktopErrorCode.relayUnavailable, 'Vantage is not reachable'))),
          queueTimeoutMs,
        );
        const frame = JSON.stringify({ type: 'call', id, method, input });
        pending.set(id, { frame, resolve: resolve as Pending['resolve'], timer, sent: false });
        flush();
      });
    },
    subscribe(listener) {
      eventListeners.add(listener);
      return () => eventListeners.delete(listener);
    },
    link: () => status,
    onLink(listener) {
      linkListeners.add(listener);
      return () => linkListeners.delete(listener);
    },
    reconnectNow() {
      if (closed || status.state !== 'closed') return;
      if (retryTimer !== null) clearTimeout(retryTimer);
      connect();
    },
    close() {
      closed = true;
      if (retryTimer !== null) clearTimeout(retryTimer);
      socket?.close(1000, 'page closed');
      socket = null;
      for (const id of [...pending.keys()])
        settle(
          id,
          failWith(apiError(DesktopErrorCode.relayUnavailable, 'the connection to Vantage is closed')),
        );
      setStatus({ state: 'closed', failures: status.failures, nextAttemptAt: null });
    },
  };
}
