import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ApiProvider } from '../../../contract/index.js';
import { startWebServer, type WebServer, type WebServerOptions } from '../web-server.js';
import { type MemoryApiProvider, memoryApiProvider } from './memory-api-provider.js';
import { memoryLogger } from './test-logger.js';
import { type HttpAnswer, openTestSocket, rawRequest, type TestSocket } from './web-client.js';

/** A hashed asset the fake renderer build contains. */
export const HASHED_ASSET = 'assets/index-B4x9Kq2Z.js';

/** A web server on a free loopback port over a provider, with a fake renderer build, for tests. */
export interface TestWebServer<P extends ApiProvider> {
  server: WebServer;
  provider: P;
  /** The renderer folder (index.html, a hashed asset, favicon.svg). */
  rendererDir: string;
  /** What the server logged. */
  logs: Record<string, unknown>[];
  /** A REST call with the bearer token; `body` is sent as JSON. */
  rest(method: string, path: string, body?: unknown): Promise<HttpAnswer>;
  /** Opens `/api/ws` with the bearer token. */
  socket(): Promise<TestSocket>;
  stop(): Promise<void>;
}

/** Starts a server over `options.provider` (a fresh memory provider by default). */
export async function startTestWebServer<P extends ApiProvider = MemoryApiProvider>(
  options: Partial<Omit<WebServerOptions, 'api' | 'logger'>> & { provider?: P } = {},
): Promise<TestWebServer<P>> {
  const { provider = memoryApiProvider() as unknown as P, ...serverOptions } = options;
  const dir = mkdtempSync(join(tmpdir(), 'vantage-web-'));
  const rendererDir = join(dir, 'renderer');
  mkdirSync(join(rendererDir, 'assets'), { recursive: true });
  writeFileSync(
    join(rendererDir, 'index.html'),
    '<!doctype html><title>Vantage</title><div id="root"></div>',
  );
  writeFileSync(join(rendererDir, HASHED_ASSET), 'console.log("app")');
  writeFileSync(join(rendererDir, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  const { logger, lines } = memoryLogger('info');
  const server = await startWebServer({ api: provider, port: 0, rendererDir, logger, ...serverOptions });
  const auth = { authorization: `Bearer ${server.token}` };
  return {
    server,
    provider,
    rendererDir,
    logs: lines,
    rest(method, path, body) {
      const headers: Record<string, string> = { ...auth };
      if (body !== undefined) headers['content-type'] = 'application/json';
      return rawRequest(`${server.url}${path}`, {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    },
    socket: () => openTestSocket(`${server.url.replace('http', 'ws')}/api/ws`, auth),
    async stop() {
      await server.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
