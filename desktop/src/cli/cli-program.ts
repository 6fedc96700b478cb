import { Command } from 'commander';
import { DESKTOP_VERSION } from '../core/app/desktop-version.js';
import { DEFAULT_PORT, FLAG_NAMES, LOG_LEVELS, type RawDesktopFlags } from './desktop-flags.js';

/** Exit codes of `vantage-desktop`, as `--help` documents them. */
export const EXIT_CODES = {
  /** Stopped by SIGTERM/SIGINT after a clean shutdown, or --help / --version. */
  ok: 0,
  /** Could not start (port in use, data folder unusable, relay settings refused) or could not stop cleanly. */
  failed: 1,
  /** A bad flag or value; nothing was started. */
  usage: 2,
} as const;

/**
 * Builds the `vantage-desktop` command: it runs the app without a window and serves its
 * interface on 127.0.0.1. Parse errors go to `fail` as one line; the action gets the raw flags,
 * which `parseDesktopFlags` validates.
 */
export function createCliProgram(
  run: (flags: RawDesktopFlags) => Promise<void>,
  fail: (message: string) => never,
  defaultDataDir: string,
): Command {
  return new Command('vantage-desktop')
    .exitOverride()
    .configureOutput({
      writeErr: (text) => {
        if (!text.startsWith('error: ')) process.stderr.write(text);
      },
      outputError: (text) => fail(text.replace(/^error: /, '').trim()),
    })
    .description(
      'Vantage without a window: runs the app (with its embedded relay and local probe, or linked to\n' +
        'a remote relay) and serves its interface at a printed http://127.0.0.1 address with a token.',
    )
    .version(DESKTOP_VERSION, '-v, --version')
    .helpOption('-h, --help', 'show this help')
    .option(
      FLAG_NAMES.headless,
      'run without a window (this command always does; accepted so `npm start` flags pass through)',
    )
    .option(
      `${FLAG_NAMES.dataDir} <dir>`,
      `folder of the database and embedded relay (default: ${defaultDataDir})`,
    )
    .option(
      `${FLAG_NAMES.port} <port>`,
      `port of the web interface on 127.0.0.1; 0 picks a free one (default: ${DEFAULT_PORT})`,
    )
    .option(
      `${FLAG_NAMES.relay} <url>`,
      "a remote relay's address (ws://, wss://, http:// or https://); needs --token",
    )
    .option(`${FLAG_NAMES.token} <token>`, 'the desktop token the remote relay issued; needs --relay')
    .option(
      `${FLAG_NAMES.logLevel} <level>`,
      `${LOG_LEVELS.join(', ')} (default: warn); logs go to stderr as JSON lines`,
    )
    .addHelpText(
      'after',
      [
        '',
        'Exit codes:',
        `  ${EXIT_CODES.ok}  stopped by SIGTERM or Ctrl+C after a clean shutdown (also --help, --version)`,
        `  ${EXIT_CODES.failed}  could not start (port in use, data folder unusable) or could not stop cleanly`,
        `  ${EXIT_CODES.usage}  a bad flag or value; nothing was started`,
        '',
        'Example: vantage-desktop --port 0 --data-dir /tmp/vantage',
      ].join('\n'),
    )
    .action(async (options: RawDesktopFlags) => run(options));
}
