import { err, ok, type Result } from '@vantage/shared';
import type { z } from 'zod';
import { type ProbeConfig, ProbeConfigSchema, type ProbeSettingKey } from './probe-config.js';
import { CONFIG_FILE_SETTING, flagName, PROBE_SETTINGS } from './probe-settings.js';
import { readConfigFile } from './read-config-file.js';

/** The three places settings come from; flags win over the environment, which wins over the file. */
export interface ConfigSources {
  /** Values given as flags, keyed by setting. */
  flags: Partial<Record<ProbeSettingKey, unknown>>;
  /** The process environment (only `VANTAGE_*` variables are read). */
  env: Record<string, string | undefined>;
  /** Config file from `--config`; `VANTAGE_CONFIG` is used when absent. */
  configFile?: string;
}

const KEYS = Object.keys(PROBE_SETTINGS) as ProbeSettingKey[];

/**
 * Merges flags, environment and config file, validates the result once and freezes it.
 * 1. read the file (if any), 2. overlay `VANTAGE_*` variables, 3. overlay flags,
 * 4. validate with the schema, naming the flag, variable or file key of the first bad value.
 */
export function loadProbeConfig(sources: ConfigSources): Result<ProbeConfig, string> {
  const merged: Record<string, unknown> = {};
  const origin: Record<string, string> = {};
  const file = sources.configFile ?? nonEmpty(sources.env[CONFIG_FILE_SETTING.env]);
  if (file !== undefined) {
    const read = readConfigFile(file);
    if (!read.ok) return read;
    for (const [key, value] of Object.entries(read.value)) {
      merged[key] = value;
      origin[key] = `"${key}" in ${file}`;
    }
  }
  for (const key of KEYS) {
    const setting = PROBE_SETTINGS[key];
    const raw = nonEmpty(sources.env[setting.env]);
    if (raw === undefined) continue;
    merged[key] = setting.list ? splitList(raw) : raw;
    origin[key] = setting.env;
  }
  for (const key of KEYS) {
    const value = sources.flags[key];
    if (value === undefined) continue;
    merged[key] = value;
    origin[key] = flagName(PROBE_SETTINGS[key]);
  }
  const parsed = ProbeConfigSchema.safeParse(merged);
  if (!parsed.success) return err(describeIssue(parsed.error.issues[0], origin));
  return ok(
    Object.freeze({ ...parsed.data, canaries: Object.freeze([...parsed.data.canaries]) }) as ProbeConfig,
  );
}

/** One line naming where the bad value came from and what is wrong with it. */
function describeIssue(issue: z.core.$ZodIssue | undefined, origin: Record<string, string>): string {
  if (issue === undefined) return 'invalid configuration';
  if (issue.code === 'unrecognized_keys') {
    const where = issue.keys.map((key) => origin[key] ?? `"${key}"`).join(', ');
    return `unknown setting ${where}`;
  }
  const key = String(issue.path[0] ?? '');
  const setting = PROBE_SETTINGS[key as ProbeSettingKey];
  if (setting && !(key in origin)) {
    return `missing ${key}: pass ${flagName(setting)}, set ${setting.env} or add "${key}" to the config file`;
  }
  const rest = issue.path.slice(1);
  const where = (origin[key] ?? key) + (rest.length > 0 ? ` (item ${rest.join('.')})` : '');
  return `invalid ${where}: ${issue.message}`;
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
