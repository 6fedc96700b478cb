import { err, ok, type Result } from '@vantage/shared';
import type { z } from 'zod';
import { readConfigFile } from './read-config-file.js';

// The same precedence rules as probe/src/config/load-config.ts, written once over any settings
// table; the probe can move onto it (or a copy of it) without changing behaviour.

/** How one setting is spelled on the command line and in the environment, and what it means. */
export interface ConfigSetting {
  /** Commander flag spec, e.g. `--retention-days <days>`. */
  flag: string;
  /** Environment variable carrying the same setting. */
  env: string;
  /** One line of help. */
  help: string;
  /** Whether the flag repeats and the variable is comma-separated. */
  list?: boolean;
}

/** The three places settings come from; flags win over the environment, which wins over the file. */
export interface ConfigSources {
  /** Values given as flags, keyed by setting. */
  flags: Record<string, unknown>;
  /** The process environment (only the settings' `VANTAGE_*` variables are read). */
  env: Record<string, string | undefined>;
  /** Config file from `--config`; the config-file variable is used when absent. */
  configFile?: string;
}

/** What a layered load needs to know about one program's settings. */
export interface LayeredConfigSpec<S extends z.ZodType> {
  schema: S;
  settings: Record<string, ConfigSetting>;
  configFile: ConfigSetting;
  /** Values filled in before the file is read, e.g. defaults that depend on the environment. */
  base?: Record<string, unknown>;
}

/**
 * Merges config file, environment and flags, validates the result once and freezes it.
 * 1. read the file (if any), 2. overlay `VANTAGE_*` variables, 3. overlay flags,
 * 4. validate with the schema, naming the flag, variable or file key of the first bad value.
 */
export function loadLayeredConfig<S extends z.ZodType>(
  spec: LayeredConfigSpec<S>,
  sources: ConfigSources,
): Result<Readonly<z.output<S>>, string> {
  const merged: Record<string, unknown> = { ...spec.base };
  const origin: Record<string, string> = {};
  const keys = Object.keys(spec.settings);
  const file = sources.configFile ?? nonEmpty(sources.env[spec.configFile.env]);
  if (file !== undefined) {
    const read = readConfigFile(file);
    if (!read.ok) return read;
    for (const [key, value] of Object.entries(read.value)) {
      merged[key] = value;
      origin[key] = `"${key}" in ${file}`;
    }
  }
  for (const key of keys) {
    const setting = spec.settings[key]!;
    const raw = nonEmpty(sources.env[setting.env]);
    if (raw === undefined) continue;
    merged[key] = setting.list ? splitList(raw) : raw;
    origin[key] = setting.env;
  }
  for (const key of keys) {
    const value = sources.flags[key];
    if (value === undefined) continue;
    merged[key] = value;
    origin[key] = flagName(spec.settings[key]!);
  }
  const parsed = spec.schema.safeParse(merged);
  if (!parsed.success) return err(describeIssue(parsed.error.issues[0], merged, origin, spec.settings));
  return ok(deepFreeze(parsed.data));
}

/** The long flag of a setting without its argument, e.g. `--retention-days`. */
export function flagName(setting: ConfigSetting): string {
  return setting.flag.split(' ')[0] ?? setting.flag;
}

/** One line naming where the bad value came from and what is wrong with it. */
function describeIssue(
  issue: z.core.$ZodIssue | undefined,
  merged: Record<string, unknown>,
  origin: Record<string, string>,
  settings: Record<string, ConfigSetting>,
): string {
  if (issue === undefined) return 'invalid configuration';
  if (issue.code === 'unrecognized_keys') {
    const where = issue.keys.map((key) => origin[key] ?? `"${key}"`).join(', ');
    return `unknown setting ${where}`;
  }
  const key = String(issue.path[0] ?? '');
  const setting = settings[key];
  if (setting && merged[key] === undefined) {
    return `missing ${key}: pass ${flagName(setting)}, set ${setting.env} or add "${key}" to the config file`;
  }
  const rest = issue.path.slice(1);
  const where = (origin[key] ?? key) + (rest.length > 0 ? ` (item ${rest.join('.')})` : '');
  return `invalid ${where}: ${issue.message.split('\n')[0]}`;
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}

function splitList(raw: string): string[] {
  return raw
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part !== '');
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === '' ? undefined : value;
}
