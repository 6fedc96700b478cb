import { ErrorCode, type FieldError, zodIssuesToFieldErrors } from '@vantage/shared';
import { z } from 'zod';

/** Codes only the desktop API gives, beside shared's {@link ErrorCode} list. */
export const DesktopErrorCode = {
  /** The call's input did not match its schema; `fields` names every bad one. */
  invalidInput: 'VANTAGE_ERR_INVALID_INPUT',
  /** The relay did not answer in time or is not connected. */
  relayUnavailable: 'VANTAGE_ERR_RELAY_UNAVAILABLE',
  /** An imported configuration could not be read (bad JSON/YAML or failing monitors). */
  invalidImport: 'VANTAGE_ERR_INVALID_IMPORT',
  /** The local database could not be written (disk full, locked, corrupt). */
  storage: 'VANTAGE_ERR_STORAGE',
  /** No method of that name. */
  unknownMethod: 'VANTAGE_ERR_UNKNOWN_METHOD',
} as const;

const CODES = [...Object.values(ErrorCode), ...Object.values(DesktopErrorCode)] as [string, ...string[]];

/** An error a desktop API call answers with: a stable code, a sentence, and the bad fields if any. */
export const ApiError = z.object({
  code: z.enum(CODES),
  message: z.string(),
  fields: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
});
/** An error a desktop API call answers with. */
export type ApiError = z.infer<typeof ApiError>;

/** The outcome of one API call, as every transport (IPC, WebSocket, HTTP) carries it. */
export type ApiResult<T> = { ok: true; value: T } | { ok: false; error: ApiError };

/** An `invalidInput` error naming every field zod rejected, `prefix`ed (e.g. `monitor.`). */
export function invalidInput(issues: readonly z.core.$ZodIssue[], prefix = ''): ApiError {
  return fieldsError(DesktopErrorCode.invalidInput, zodIssuesToFieldErrors(issues), prefix);
}

/** An error with field details, its message listing the first few (`url: must be a URL; …`). */
export function fieldsError(code: ApiError['code'], fields: readonly FieldError[], prefix = ''): ApiError {
  const named = fields.map((f) => ({ path: prefix + f.path, message: f.message }));
  const listed = named
    .slice(0, 3)
    .map((f) => (f.path === '' ? f.message : `${f.path}: ${f.message}`))
    .join('; ');
  const more = named.length > 3 ? ` (and ${named.length - 3} more)` : '';
  return { code, message: `${listed}${more}`, fields: named };
}

/** An error without field details. */
export function apiError(code: ApiError['code'], message: string): ApiError {
  return { code, message };
}
