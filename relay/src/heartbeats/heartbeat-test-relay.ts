import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { type RelayHandle, startRelay } from '../server.js';
import type { HeartbeatOptions } from './mount-heartbeats.js';

/** An answer as a test reads it. */
export interface Answer {
  status: number;
  text: string;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests read answers field by field, as a client would
  body: any;
}

/** A relay on a fresh data dir whose clock the test moves, for heartbeat tests (real sockets on 127.0.0.1). */
export interface HeartbeatTestRelay {
  relay: RelayHandle;
  /** Moves the relay's clock forward. */
  advance(ms: number): void;
  now(): number;
  /** Calls `/api/v1${path}` with the desktop token. */
  api(method: string, path: string, body?: unknown): Promise<Answer>;
  /** Creates a heartbeat monitor and returns its ping URL. */
  createHeartbeat(monitor: Record<string, unknown> & { id: string }): Promise<string>;
  /** Sends a ping to `url`. */
  ping(url: string, init?: RequestInit): Promise<Answer>;
  /** Stops the relay and starts a new one on the same data dir and clock (ping URLs change port). */
  restart(): Promise<void>;
  stop(): Promise<void>;
}

/** Starts a relay with a test-controlled clock and a fast heartbeat and evaluation tick. */
export async function startHeartbeatTestRelay(
  options: Partial<HeartbeatOptions> = {},
): Promise<HeartbeatTestRelay> {
  const dir = mkdtempSync(join(tmpdir(), 'vantage-hb-'));
  const dataDir = join(dir, 'data');
  let clock = Date.parse('2025-06-01T12:00:00Z');
  const start = () =>
    startRelay(
      { port: 0, dataDir },
      {
        logger: pino({ level: 'silent' }),
        now: () => clock,
        hub: { tickMs: 20 },
        heartbeats: { tickMs: 20, ...options },
      },
    );
  let relay = await start();
  const token = readFileSync(join(dataDir, 'desktop-token'), 'utf8').trim();

  async function answer(response: Response): Promise<Answer> {
    const text = await response.text();
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      body = undefined;
    }
    return { status: response.status, text, body };
  }

  async function api(method: string, path: string, body?: unknown): Promise<Answer> {
    const headers: Record<string, string> = { authorization: `Bearer ${token}` };
    if (body !== undefined) headers['content-type'] = 'application/json';
    const response = await fetch(`${handle.relay.url}/api/v1${path}`, {
      method,
      headers,
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    return answer(response);
  }

  const handle: HeartbeatTestRelay = {
    relay,
    advance: (ms) => {
      clock += ms;
    },
    now: () => clock,
    api,
    async createHeartbeat(monitor) {
      const created = await api('POST', '/monitors', { type: 'heartbeat', name: monitor.id, ...monitor });
      if (created.status !== 201) throw new Error(`monitor not created: ${created.text}`);
      const detail = await api('GET', `/heartbeats/${monitor.id}`);
      return detail.body.url as string;
    },
    ping: async (url, init) => answer(await fetch(url, init)),
    async restart() {
      await relay.stop();
      relay = await start();
      handle.relay = relay;
    },
    async stop() {
      await relay.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
  return handle;
}
