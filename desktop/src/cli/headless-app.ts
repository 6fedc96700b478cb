import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Logger } from 'pino';
import { createDesktopCore, type DesktopCore } from '../core/app/index.js';
import { startWebServer, type WebServer } from '../core/web/index.js';
import type { DesktopFlags } from './desktop-flags.js';

/** electron-vite's renderer output, two levels above both src/cli/ and dist/cli/. */
export const RENDERER_DIR = fileURLToPath(new URL('../../out/renderer', import.meta.url));

/** The web UI only ever listens on the loopback interface. */
const HOST = '127.0.0.1';

/** The app running without a window: the core and the web server in front of it. */
export interface HeadlessApp {
  readonly core: DesktopCore;
  readonly web: WebServer;
  /** Stops the web server (closing its sockets), then the core. Idempotent. */
  stop(): Promise<void>;
}

/** Why the web server could not listen, in words that say what to do. */
function listenFailure(error: unknown, port: number): Error {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'EADDRINUSE')
    return new Error(
      `port ${port} on 127.0.0.1 is in use; pass --port 0 for any free port, or another number`,
    );
  if (code === 'EACCES') return new Error(`not allowed to listen on port ${port}; pick a port above 1023`);
  return error instanceof Error ? error : new Error(String(error));
}

/** Resolves once `port` could be bound on `host` (and released again); rejects with the listen error. */
function probePort(host: string, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen({ host, port, exclusive: true }, () => server.close(() => resolve()));
  });
}

/**
 * Starts the core (shell `web`) and serves it on 127.0.0.1. A taken port is found before the core
 * starts its relay and probe, so that mistake fails fast; if the server still cannot listen, the
 * core is stopped again.
 */
export async function startHeadlessApp(
  flags: DesktopFlags,
  logger: Logger,
  rendererDir = RENDERER_DIR,
): Promise<HeadlessApp> {
  if (flags.port !== 0)
    await probePort(HOST, flags.port).catch((error: unknown) =>
      Promise.reject(listenFailure(error, flags.port)),
    );
  const core = await createDesktopCore({
    dataDir: flags.dataDir,
    shell: 'web',
    logger,
    ...(flags.relay ? { relay: flags.relay } : {}),
  });
  let web: WebServer;
  try {
    web = await startWebServer({ api: core.api, host: HOST, port: flags.port, rendererDir, logger });
  } catch (error) {
    await core.stop();
    throw listenFailure(error, flags.port);
  }
  let stopping: Promise<void> | undefined;
  return {
    core,
    web,
    stop() {
      stopping ??= web.stop().then(() => core.stop());
      return stopping;
    },
  };
}

/** What the command prints once the app runs: where to open it, its docs, relay and data. */
export function describeHeadlessApp(
  app: HeadlessApp,
  flags: DesktopFlags,
  rendererDir = RENDERER_DIR,
): string {
  const embedded = app.core.info.embedded;
  const relay = embedded
    ? `embedded at ${embedded.relayUrl} with a local probe (region "${embedded.region}")`
    : `remote ${flags.relay?.url ?? '(from the settings)'}`;
  const built = existsSync(join(rendererDir, 'index.html'));
  return [
    'Vantage is running without a window.',
    '',
    `  Open      ${app.web.loginUrl}`,
    `  API docs  ${app.web.docsUrl}  (open the address above first, or send "Authorization: Bearer <token>")`,
    `  Relay     ${relay}`,
    `  Data      ${flags.dataDir}`,
    ...(built
      ? []
      : ['', '  The interface is not built yet: build it with `npx electron-vite build` in desktop/.']),
    '',
    'The token changes at each start. Press Ctrl+C to stop.',
  ].join('\n');
}
