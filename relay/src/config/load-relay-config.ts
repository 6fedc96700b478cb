import { err, ok, type Result } from '@vantage/shared';
import { defaultDataDir } from './data-dir.js';
import { type ConfigSources, loadLayeredConfig } from './layered-config.js';
import { type RelayConfig, type RelayConfigInput, RelayConfigSchema } from './relay-config.js';
import { CONFIG_FILE_SETTING, RELAY_SETTINGS } from './relay-settings.js';

/** Reads the relay's settings from flags, `VANTAGE_*` variables and a config file, in that order of precedence. */
export function loadRelayConfig(sources: ConfigSources): Result<RelayConfig, string> {
  return loadLayeredConfig(
    {
      schema: RelayConfigSchema,
      settings: RELAY_SETTINGS,
      configFile: CONFIG_FILE_SETTING,
      // The default data dir follows the caller's environment ($XDG_DATA_HOME, $HOME), not the process's.
      base: { dataDir: defaultDataDir(sources.env) },
    },
    sources,
  );
}

/** Validates settings given in code (the desktop embedding the relay); the error names the first bad field. */
export function parseRelayConfig(input: RelayConfigInput): Result<RelayConfig, string> {
  const parsed = RelayConfigSchema.safeParse(input);
  if (parsed.success) return ok(Object.freeze(parsed.data));
  const issue = parsed.error.issues[0];
  return err(`invalid relay setting ${issue?.path.join('.') || '(root)'}: ${issue?.message ?? 'invalid'}`);
}
