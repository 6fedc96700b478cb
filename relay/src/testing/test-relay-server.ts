import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import websocket from '@fastify/websocket';
import { FRAME_LIMITS } from '@vantage/shared';
import Fastify, { type FastifyInstance } from 'fastify';
import pino, { type Logger } from 'pino';
import { createHub, type Hub, type HubOptions } from '../hub/index.js';
import type { RelayContext, RelayLimits, RelayStorage } from '../relay-context.js';
import { openSqliteStorage } from '../storage/sqlite/open-sqlite-storage.js';

/** Limits for tests: generous rates so tests measure behaviour, not throttling, unless they ask. */
export const TEST_LIMITS: RelayLimits = Object.freeze({
  maxFrameBytes: FRAME_LIMITS.desktopToRelay,
  messagesPerSecond: 100_000,
  messageBurst: 100_000,
  maxViolations: 20,
  desktopQueueLimit: 10_000,
});

/** How to start a test relay. */
export interface TestRelayOptions {
  /** Data directory to keep (a restart test reuses it); a temporary one is made and removed when absent. */
  dataDir?: string;
  port?: number;
  limits?: Partial<RelayLimits>;
  hub?: HubOptions;
  logger?: Logger;
  now?: () => number;
}

/** A relay hub behind Fastify's `/ws` route on 127.0.0.1, as `startRelay` will serve it. */
export interface TestRelay {
  hub: Hub;
  storage: RelayStorage;
  ctx: RelayContext;
  app: FastifyInstance;
  port: number;
  /** `ws://127.0.0.1:<port>/ws` */
  url: string;
  dataDir: string;
  /** A fresh desktop token. */
  desktopToken(name?: string): string;
  /** A fresh probe token for a region. */
  probeToken(region: string, name?: string): string;
  /** Closes hub, server and storage; removes a temporary data dir. */
  close(): Promise<void>;
}

let tokenCounter = 0;

/** Starts the hub on SQLite in a data dir with a Fastify WebSocket route, listening on 127.0.0.1. */
export async function startTestRelay(options: TestRelayOptions = {}): Promise<TestRelay> {
  const temporary = options.dataDir === undefined;
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'vantage-relay-'));
  const storage = openSqliteStorage(join(dataDir, 'relay.db'));
  const limits = Object.freeze({ ...TEST_LIMITS, ...options.limits });
  const log = options.logger ?? pino({ level: process.env.VANTAGE_TEST_LOG ?? 'silent' });
  const ctx: RelayContext = {
    limits,
    storage,
    log,
    retentionDays: 7,
    version: '0.0.0-test',
    now: options.now ?? Date.now,
  };
  const hub = createHub(ctx, options.hub);
  const app = Fastify({ logger: false });
  // The socket layer's cap sits above the hub's limit so that an oversized frame is answered
  // with a coded error frame instead of a bare close.
  await app.register(websocket, { options: { maxPayload: limits.maxFrameBytes * 2 + 1024 } });
  app.get('/ws', { websocket: true }, (socket, request) => {
    hub.handleSocket(socket, { remoteAddress: request.socket.remoteAddress, headers: request.headers });
  });
  await app.listen({ host: '127.0.0.1', port: options.port ?? 0 });
  const port = (app.server.address() as AddressInfo).port;
  const token = (role: 'desktop' | 'probe', name: string, region?: string) =>
    storage.tokens.create({ name, role, region: region ?? null }, Date.now()).token;
  return {
    hub,
    storage,
    ctx,
    app,
    port,
    url: `ws://127.0.0.1:${port}/ws`,
    dataDir,
    desktopToken: (name = `desktop-${++tokenCounter}`) => token('desktop', name),
    probeToken: (region, name = `probe-${++tokenCounter}`) => token('probe', name, region),
    async close() {
      await hub.close();
      await app.close();
      storage.close();
      if (temporary) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
