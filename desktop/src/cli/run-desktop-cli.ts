import { homedir } from 'node:os';
import { CommanderError } from 'commander';
import pino from 'pino';
import { createCoreLogger } from '../core/app/core-logger.js';
import { createCliProgram, EXIT_CODES } from './cli-program.js';
import { type DataDirContext, defaultDataDir } from './default-data-dir.js';
import { parseDesktopFlags, type RawDesktopFlags } from './desktop-flags.js';
import type { HeadlessApp } from './headless-app.js';

const context: DataDirContext = { platform: process.platform, env: process.env, home: homedir() };

function fail(message: string, code: number = EXIT_CODES.usage): never {
  console.error(`vantage-desktop: ${message}`);
  process.exit(code);
}

/** Runs the app until SIGTERM or SIGINT, then stops it gracefully and exits 0. */
async function serve(raw: RawDesktopFlags): Promise<void> {
  const parsed = parseDesktopFlags(raw, context);
  if (!parsed.ok) fail(parsed.error);
  const flags = parsed.value;
  // stdout is for the address people open; the JSON log lines go to stderr.
  const logger = createCoreLogger(flags.logLevel, pino.destination({ fd: 2, sync: true }));
  process.on('uncaughtException', (error) => {
    logger.fatal({ err: error }, 'uncaught exception; exiting');
    process.exit(EXIT_CODES.failed);
  });
  process.on('unhandledRejection', (reason) => logger.error({ err: reason }, 'unhandled promise rejection'));

  let app: HeadlessApp | undefined;
  let signalled = false;
  const stopAndExit = (running: HeadlessApp) =>
    running.stop().then(
      () => process.exit(EXIT_CODES.ok),
      (error: unknown) => {
        logger.error({ err: error }, 'shutdown failed');
        process.exit(EXIT_CODES.failed);
      },
    );
  // Installed before start-up, so a signal that arrives while starting still stops cleanly.
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.on(signal, () => {
      if (signalled) {
        logger.warn({ signal }, 'second signal; exiting now');
        process.exit(EXIT_CODES.failed);
      }
      signalled = true;
      logger.info({ signal }, 'shutting down');
      if (app) void stopAndExit(app);
    });
  }
  // Loaded here, so --help and flag errors answer without loading the store, relay and probe.
  let headless: typeof import('./headless-app.js');
  try {
    headless = await import('./headless-app.js');
    app = await headless.startHeadlessApp(flags, logger);
  } catch (error) {
    // The one-line message below says what to do; the stack is there for --log-level debug.
    logger.debug({ err: error }, 'could not start');
    fail(error instanceof Error ? error.message : String(error), EXIT_CODES.failed);
  }
  if (signalled) return void stopAndExit(app);
  console.log(headless.describeHeadlessApp(app, flags));
}

/**
 * Runs `vantage-desktop` with these arguments (`[node, script, ...flags]`, like `process.argv`):
 * serves until SIGTERM/SIGINT, or exits at once for --help, --version or a bad flag. Exported so
 * `npm start` can run it in its own process rather than as a child it would forward signals to.
 */
export async function runDesktopCli(argv: readonly string[]): Promise<void> {
  const program = createCliProgram(serve, (message) => fail(message), defaultDataDir(context));
  try {
    await program.parseAsync([...argv]);
  } catch (error) {
    if (error instanceof CommanderError) {
      if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version')
        process.exit(EXIT_CODES.ok);
      fail(error.message.replace(/^error: /, ''));
    }
    fail(error instanceof Error ? error.message : String(error), EXIT_CODES.failed);
  }
}
