import pino from 'pino';
import { type HeadlessApp, startHeadlessApp } from '../../cli/headless-app.js';

/** The real headless app (core, embedded relay or a remote one, web server) serving a renderer build. */
export interface WebApp {
  readonly app: HeadlessApp;
  /** The address that signs a browser in (it carries the token). */
  readonly loginUrl: string;
  /** `http://127.0.0.1:PORT`. */
  readonly baseUrl: string;
  /** Calls a REST route of the API with the access token (for seeding data). */
  api(method: string, path: string, body?: unknown): Promise<unknown>;
  stop(): Promise<void>;
}

/**
 * Starts the app in web mode on 127.0.0.1 with a free port, as `vantage-desktop --headless
 * --port 0` does, serving the renderer built in `rendererDir`.
 */
export async function startWebApp(options: {
  dataDir: string;
  rendererDir: string;
  relay?: { url: string; token: string };
}): Promise<WebApp> {
  const logger = pino({ level: 'warn' }, pino.destination({ fd: 2, sync: true }));
  const app = await startHeadlessApp(
    {
      headless: true,
      dataDir: options.dataDir,
      port: 0,
      logLevel: 'warn',
      ...(options.relay ? { relay: options.relay } : {}),
    },
    logger,
    options.rendererDir,
  );
  const loginUrl = app.web.loginUrl;
  const baseUrl = new URL(loginUrl).origin;
  const token = new URL(loginUrl).searchParams.get('token') ?? '';
  return {
    app,
    loginUrl,
    baseUrl,
    async api(method, path, body) {
      const response = await fetch(`${baseUrl}/api/v1${path}`, {
        method,
        headers: {
          authorization: `Bearer ${token}`,
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      const json: unknown = await response.json();
      if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${JSON.stringify(json)}`);
      return json;
    },
    stop: () => app.stop(),
  };
}
