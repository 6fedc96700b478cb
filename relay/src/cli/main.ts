#!/usr/bin/env node
import { CommanderError } from 'commander';
import type { ConfigSources } from '../config/layered-config.js';
import { loadRelayConfig } from '../config/load-relay-config.js';
import type { RelayConfig } from '../config/relay-config.js';
import { createRelayLogger } from '../logging/create-logger.js';
import type { RelayHandle } from '../server.js';
import { createCliProgram, UsageError } from './cli-program.js';
import { createTokenCommand, listTokensCommand, revokeTokenCommand } from './token-commands.js';

/** Exit code of a usage or configuration error (bad flag, bad value, unknown token). */
const EXIT_USAGE = 2;

function fail(message: string, code = EXIT_USAGE): never {
  console.error(`vantage-relay: ${message}`);
  process.exit(code);
}

function configFrom(sources: ConfigSources): RelayConfig {
  const loaded = loadRelayConfig(sources);
  if (!loaded.ok) fail(loaded.error);
  return loaded.value;
}

/** Runs the relay until SIGTERM or SIGINT, then shuts it down gracefully and exits 0. */
async function serve(sources: ConfigSources): Promise<void> {
  const config = configFrom(sources);
  const logger = createRelayLogger(config.logLevel);
  process.on('uncaughtException', (error) => {
    logger.fatal({ err: error }, 'uncaught exception; exiting');
    process.exit(1);
  });
  process.on('unhandledRejection', (reason) => {
    logger.error({ err: reason }, 'unhandled promise rejection');
  });

  let relay: RelayHandle | undefined;
  let signalled = false;
  const stopAndExit = (running: RelayHandle) =>
    running.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  // Installed before the relay starts, so a signal during start-up still shuts down gracefully.
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.on(signal, () => {
      if (signalled) {
        logger.warn({ signal }, 'second signal; exiting now');
        process.exit(1);
      }
      signalled = true;
      logger.info({ signal }, 'shutting down');
      if (relay) void stopAndExit(relay);
    });
  }
  try {
    // Loaded here so token commands start without loading the server stack.
    const { startRelay } = await import('../server.js');
    relay = await startRelay(config, { logger });
  } catch (error) {
    logger.fatal({ err: error }, 'relay could not start');
    fail(error instanceof Error ? error.message : String(error), 1);
  }
  if (signalled) void stopAndExit(relay);
}

const program = createCliProgram(
  {
    serve,
    async tokenCreate(sources, options) {
      createTokenCommand(configFrom(sources), options, Date.now());
    },
    async tokenList(sources, options) {
      listTokensCommand(configFrom(sources), options.json);
    },
    async tokenRevoke(sources, idOrName) {
      revokeTokenCommand(configFrom(sources), idOrName, Date.now());
    },
  },
  process.env,
  (message) => fail(message),
);

try {
  await program.parseAsync(process.argv);
} catch (error) {
  if (error instanceof UsageError) fail(error.message);
  if (error instanceof CommanderError) {
    if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version') process.exit(0);
    fail(error.message.replace(/^error: /, ''));
  }
  fail(error instanceof Error ? error.message : String(error), 1);
}
