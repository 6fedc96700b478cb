import { Command, Option } from 'commander';
import type { ConfigSources } from '../config/layered-config.js';
import { CONFIG_FILE_SETTING, RELAY_SETTINGS } from '../config/relay-settings.js';
import { RELAY_VERSION } from '../config/relay-version.js';

/** What the user asked `token create` for, before validation. */
export interface TokenCreateOptions {
  role?: string;
  name?: string;
  region?: string;
}

/** The actions the command line dispatches to; each gets the settings sources for its data dir. */
export interface CliHandlers {
  serve(sources: ConfigSources): Promise<void>;
  tokenCreate(sources: ConfigSources, options: TokenCreateOptions): Promise<void>;
  tokenList(sources: ConfigSources, options: { json: boolean }): Promise<void>;
  tokenRevoke(sources: ConfigSources, idOrName: string): Promise<void>;
}

/** Thrown by handlers for bad input the user can fix; the CLI prints it on one line and exits 2. */
export class UsageError extends Error {}

/**
 * Builds the `vantage-relay` command: running it starts the relay; `token create|list|revoke`
 * manage tokens in the same data dir. Settings flags are accepted before or after a subcommand.
 */
export function createCliProgram(
  handlers: CliHandlers,
  env: Record<string, string | undefined>,
  fail: (message: string) => never,
): Command {
  const program = new Command('vantage-relay')
    // Set before the subcommands are added: they copy these settings when created.
    .exitOverride()
    .configureOutput({
      // Commander's own parse errors become the same one-line form as ours.
      writeErr: (text) => {
        if (!text.startsWith('error: ')) process.stderr.write(text);
      },
      outputError: (text) => fail(text.replace(/^error: /, '').trim()),
    })
    .description('Vantage relay: the always-on hub that desktops and probes connect to.')
    .version(RELAY_VERSION, '-v, --version')
    .helpOption('-h, --help', 'show this help')
    .helpCommand(false)
    .showSuggestionAfterError(true)
    .allowExcessArguments(true)
    .addHelpText(
      'after',
      '\nEvery setting can also come from its VANTAGE_* variable or the config file.\n' +
        'Precedence: flag > environment variable > config file > default.\n' +
        'On first start, a desktop token is written to <data-dir>/desktop-token (mode 0600).\n' +
        'Example: vantage-relay --host 0.0.0.0 --port 7400 --data-dir /var/lib/vantage-relay',
    );
  for (const setting of [...Object.values(RELAY_SETTINGS), CONFIG_FILE_SETTING]) {
    program.addOption(new Option(setting.flag, `${setting.help} [env ${setting.env}]`));
  }
  const sources = (): ConfigSources => readSources(program, env);
  program.action(async () => {
    const [extra] = program.args;
    if (extra !== undefined) throw new UsageError(`unknown command '${extra}' (try --help)`);
    await handlers.serve(sources());
  });

  const token = program
    .command('token')
    .description('create, list or revoke the tokens desktops and probes connect with')
    .helpCommand(false);
  token
    .command('create')
    .description('create a token and print it once; only its hash is stored')
    .addOption(
      new Option('--role <role>', 'desktop (manages monitors, reads results) or probe').choices([
        'desktop',
        'probe',
      ]),
    )
    .option('--name <name>', 'a name to recognise the token by in `token list` and logs')
    .option('--region <region>', 'region the probe serves (required for probe tokens)')
    .action(async (options: TokenCreateOptions) => handlers.tokenCreate(sources(), options));
  token
    .command('list')
    .description('list tokens (never their secrets)')
    .option('--json', 'print JSON instead of a table')
    .action(async (options: { json?: boolean }) =>
      handlers.tokenList(sources(), { json: options.json === true }),
    );
  token
    .command('revoke')
    .description('revoke a token by id or name; connections using it are refused from then on')
    .argument('<id-or-name>', 'the token id from `token list`, or its name')
    .action(async (idOrName: string) => handlers.tokenRevoke(sources(), idOrName));
  return program;
}

/** Maps commander's option values back to setting keys. */
function readSources(program: Command, env: Record<string, string | undefined>): ConfigSources {
  const values = program.opts<Record<string, unknown>>();
  const flags: Record<string, unknown> = {};
  for (const [key, setting] of Object.entries(RELAY_SETTINGS)) {
    const value = values[attributeOf(setting.flag)];
    if (value !== undefined) flags[key] = value;
  }
  const configFile = values[attributeOf(CONFIG_FILE_SETTING.flag)];
  return typeof configFile === 'string' ? { flags, env, configFile } : { flags, env };
}

/** Commander's attribute name for a flag: `--data-dir <dir>` → `dataDir`. */
function attributeOf(flag: string): string {
  const long = (flag.split(' ')[0] ?? '').replace(/^--/, '');
  return long.replace(/-([a-z])/g, (_match, letter: string) => letter.toUpperCase());
}
