import { err, type FieldError, ok, type Result, zodIssuesToFieldErrors } from '@vantage/shared';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { type ApiError, apiError, DesktopErrorCode, fieldsError } from '../../contract/index.js';
import { SettingsPatch } from '../store/index.js';

/** The version of the exported configuration format. */
export const CONFIG_FORMAT_VERSION = 1;
/** Most monitors one configuration file may hold. */
export const MAX_IMPORTED_MONITORS = 20_000;

/**
 * The settings a configuration file carries: preferences only. The relay link (mode, address,
 * token) belongs to one machine and its secret, so it is neither exported nor imported.
 */
export const ConfigPreferences = SettingsPatch.pick({
  theme: true,
  rawRetentionDays: true,
  notifications: true,
});
/** The settings a configuration file carries. */
export type ConfigPreferences = z.output<typeof ConfigPreferences>;

/** A configuration file: monitors (each checked by shared's `validateMonitor` when imported) and preferences. */
export const ConfigDocument = z.object({
  vantage: z
    .literal(CONFIG_FORMAT_VERSION, `must be ${CONFIG_FORMAT_VERSION} (the format this version reads)`)
    .optional(),
  exportedAt: z.string().max(100).optional(),
  settings: ConfigPreferences.optional(),
  monitors: z.array(z.record(z.string(), z.unknown())).max(MAX_IMPORTED_MONITORS).default([]),
});
/** A configuration file, its monitors not yet validated. */
export type ConfigDocument = z.output<typeof ConfigDocument>;

/**
 * Reads the text of a configuration file. JSON when `format` says so; otherwise YAML, which also
 * reads JSON. A bare list is taken as a list of monitors. Errors come back as `invalidImport`,
 * naming the field or the line.
 */
export function parseConfigDocument(
  text: string,
  format?: 'json' | 'yaml',
): Result<ConfigDocument, ApiError> {
  let data: unknown;
  try {
    data = format === 'json' ? JSON.parse(text) : parseYaml(text, { maxAliasCount: 1000 });
  } catch (error) {
    const reason = String((error as Error).message).split('\n')[0];
    return err(
      apiError(
        DesktopErrorCode.invalidImport,
        `the configuration is not valid ${format === 'json' ? 'JSON' : 'YAML or JSON'}: ${reason}`,
      ),
    );
  }
  if (Array.isArray(data)) data = { monitors: data };
  if (data === null || typeof data !== 'object') {
    return err(
      apiError(DesktopErrorCode.invalidImport, 'the configuration must be an object with a "monitors" list'),
    );
  }
  const parsed = ConfigDocument.safeParse(data);
  if (!parsed.success) return err(importError(zodIssuesToFieldErrors(parsed.error.issues)));
  return ok(parsed.data);
}

/** An `invalidImport` error naming every bad field. */
export function importError(fields: readonly FieldError[]): ApiError {
  return fieldsError(DesktopErrorCode.invalidImport, fields);
}
