import { request as httpRequest } from 'node:http';
import WebSocket from 'ws';
import type { ApiResult, ServerFrame } from '../../../contract/index.js';

/** An HTTP answer as tests read it. */
export interface HttpAnswer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
  /** The body parsed as JSON, or undefined when it is not JSON. */
  json: unknown;
}

/**
 * One HTTP request with full control of the headers (fetch will not send a forged Host), for
 * tests of the web server's access rules.
 */
export function rawRequest(
  url: string,
  options: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<HttpAnswer> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, { method: options.method ?? 'GET', headers: options.headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        let json: unknown;
        try {
          json = JSON.parse(text);
        } catch {
          json = undefined;
        }
        resolve({ status: res.statusCode ?? 0, headers: res.headers, text, json });
      });
    });
    req.on('error', reject);
    req.end(options.body);
  });
}

/** A renderer's side of `/api/ws` in a test: calls by id, and every frame received kept in order. */
export interface TestSocket {
  readonly socket: WebSocket;
  /** Every frame received so far. */
  readonly frames: ServerFrame[];
  /** Sends a call frame and resolves with its result. */
  call(method: string, input?: unknown): Promise<ApiResult<unknown>>;
  /** Sends raw text (or bytes) as one frame. */
  sendRaw(data: string | Buffer): void;
  /** Resolves with the first frame (already received or coming) that matches. */
  next(predicate: (frame: ServerFrame) => boolean): Promise<ServerFrame>;
  /** Resolves with the close code once the socket closed. */
  readonly closed: Promise<number>;
  close(): Promise<number>;
}

/** Opens `/api/ws` with these headers (a cookie or Authorization) and waits until it is open. */
export async function openTestSocket(wsUrl: string, headers: Record<string, string>): Promise<TestSocket> {
  const socket = new WebSocket(wsUrl, { headers });
  const frames: ServerFrame[] = [];
  const waiters: { predicate: (frame: ServerFrame) => boolean; resolve: (frame: ServerFrame) => void }[] = [];
  let nextId = 1;
  socket.on('message', (data) => {
    const frame = JSON.parse(String(data)) as ServerFrame;
    frames.push(frame);
    for (const waiter of [...waiters]) {
      if (waiter.predicate(frame)) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve(frame);
      }
    }
  });
  const closed = new Promise<number>((resolve) => socket.once('close', (code) => resolve(code)));
  await new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve());
    socket.once('error', reject);
  });
  const next = (predicate: (frame: ServerFrame) => boolean) => {
    const seen = frames.find(predicate);
    if (seen) return Promise.resolve(seen);
    return new Promise<ServerFrame>((resolve) => waiters.push({ predicate, resolve }));
  };
  return {
    socket,
    frames,
    async call(method, input) {
      const id = nextId++;
      socket.send(JSON.stringify({ type: 'call', id, method, input }));
      const frame = await next((f) => f.type === 'result' && f.id === id);
      return (frame as Extract<ServerFrame, { type: 'result' }>).result as ApiResult<unknown>;
    },
    sendRaw: (data) => socket.send(data),
    next,
    closed,
    close() {
      socket.close();
      return closed;
    },
  };
}
