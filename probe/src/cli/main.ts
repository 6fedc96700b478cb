#!/usr/bin/env node
import { CommanderError } from 'commander';
import { loadProbeConfig } from '../config/load-config.js';
import { type ProbeHandle, startProbe } from '../daemon/start-probe.js';
import { createLogger } from '../logging/create-logger.js';
import { createCliProgram, readFlags } from './cli-program.js';

/** Exit code of a usage or configuration error (bad flag, missing token, bad URL). */
const EXIT_USAGE = 2;

function fail(message: string): never {
  console.error(`vantage-probe: ${message}`);
  process.exit(EXIT_USAGE);
}

const program = createCliProgram()
  .exitOverride()
  .configureOutput({
    // Commander's own parse errors become the same one-line form as ours.
    writeErr: (text) => {
      if (!text.startsWith('error: ')) process.stderr.write(text);
    },
    outputError: (text) => fail(text.replace(/^error: /, '').trim()),
  });

try {
  program.parse(process.argv);
} catch (error) {
  if (error instanceof CommanderError) {
    if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version') process.exit(0);
    fail(error.message.replace(/^error: /, ''));
  }
  throw error;
}

const { flags, configFile } = readFlags(program);
const loaded = loadProbeConfig({ flags, env: process.env, ...(configFile ? { configFile } : {}) });
if (!loaded.ok) fail(loaded.error);
const config = loaded.value;
const logger = createLogger(config.logLevel);

process.on('uncaughtException', (error) => {
  logger.fatal({ err: error }, 'uncaught exception; exiting');
  process.exit(1);
});
process.on('unhandledRejection', (reason) => {
  logger.error({ err: reason }, 'unhandled promise rejection');
});

let probe: ProbeHandle | undefined;
let signalled = false;

function stopAndExit(running: ProbeHandle): void {
  running.stop().then(
    () => process.exit(0),
    (error: unknown) => {
      logger.error({ err: error }, 'shutdown failed');
      process.exit(1);
    },
  );
}

// Installed before the probe starts, so a SIGTERM during start-up still shuts down gracefully.
for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.on(signal, () => {
    if (signalled) {
      logger.warn({ signal }, 'second signal; exiting now');
      process.exit(1);
    }
    signalled = true;
    logger.info({ signal }, 'shutting down');
    if (probe) stopAndExit(probe);
  });
}

try {
  probe = await startProbe(config, { logger });
} catch (error) {
  logger.fatal({ err: error }, 'probe could not start');
  fail(error instanceof Error ? error.message : String(error));
}
if (signalled) stopAndExit(probe);
