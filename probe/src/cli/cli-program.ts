import { Command, Option } from 'commander';
import type { ProbeSettingKey } from '../config/probe-config.js';
import { CONFIG_FILE_SETTING, PROBE_SETTINGS } from '../config/probe-settings.js';
import { PROBE_VERSION } from '../version.js';

/** Flags as parsed from argv: settings keyed by their schema name, plus the config file. */
export interface ParsedFlags {
  flags: Partial<Record<ProbeSettingKey, unknown>>;
  configFile?: string;
}

/** Builds the `vantage-probe` command; `--help` lists every setting with its environment variable. */
export function createCliProgram(): Command {
  const program = new Command('vantage-probe')
    .description('Vantage probe: runs the checks assigned to its region and reports them to the relay.')
    .version(PROBE_VERSION, '-v, --version')
    .helpOption('-h, --help', 'show this help')
    .showSuggestionAfterError(true)
    .allowExcessArguments(false)
    .addHelpText(
      'after',
      '\nEvery setting can also come from its VANTAGE_* variable or the config file.\n' +
        'Precedence: flag > environment variable > config file > default.\n' +
        'Example: vantage-probe --relay wss://relay.example.com:7800 --token $TOKEN --region eu-west',
    );
  for (const setting of [...Object.values(PROBE_SETTINGS), CONFIG_FILE_SETTING]) {
    const option = new Option(setting.flag, `${setting.help} [env ${setting.env}]`);
    if (setting.list)
      option.argParser((value: string, previous: string[] | undefined) => [...(previous ?? []), value]);
    program.addOption(option);
  }
  return program;
}

/** Maps commander's option values back to setting keys. */
export function readFlags(program: Command): ParsedFlags {
  const values = program.opts<Record<string, unknown>>();
  const flags: Partial<Record<ProbeSettingKey, unknown>> = {};
  for (const [key, setting] of Object.entries(PROBE_SETTINGS) as [
    ProbeSettingKey,
    (typeof PROBE_SETTINGS)[ProbeSettingKey],
  ][]) {
    const value = values[attributeOf(setting.flag)];
    if (value !== undefined) flags[key] = value;
  }
  const configFile = values[attributeOf(CONFIG_FILE_SETTING.flag)];
  return typeof configFile === 'string' ? { flags, configFile } : { flags };
}

/** Commander's attribute name for a flag: `--per-host <n>` → `perHost`. */
function attributeOf(flag: string): string {
  const long = (flag.split(' ')[0] ?? '').replace(/^--/, '');
  return long.replace(/-([a-z])/g, (_match, letter: string) => letter.toUpperCase());
}
