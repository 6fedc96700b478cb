import { resolve } from 'node:path';
import { err, ok, type Result, zodIssuesToFieldErrors } from '@vantage/shared';
import { z } from 'zod';
import { RelayOverride } from '../core/app/core-options.js';
import { type DataDirContext, defaultDataDir } from './default-data-dir.js';

/** The web UI's port when none is given. */
export const DEFAULT_PORT = 7300;

/** Log levels, quietest last. */
export const LOG_LEVELS = ['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent'] as const;

/** The flag each key is written as, for help and for error messages. */
export const FLAG_NAMES = {
  headless: '--headless',
  dataDir: '--data-dir',
  port: '--port',
  relay: '--relay',
  token: '--token',
  logLevel: '--log-level',
} as const;

/** The app's flags as the command line (or Electron's argv) gave them, before validation. */
export interface RawDesktopFlags {
  headless?: boolean;
  dataDir?: string;
  port?: string | number;
  relay?: string;
  token?: string;
  logLevel?: string;
}

const Port = z
  .union([z.number(), z.string()])
  .transform((value, ctx) => {
    const port = typeof value === 'number' ? value : /^\d+$/.test(value) ? Number(value) : Number.NaN;
    if (Number.isInteger(port) && port >= 0) return port;
    ctx.addIssue({ code: 'custom', message: 'must be a whole number from 0 to 65535' });
    return z.NEVER;
  })
  .pipe(z.number().max(65535, 'must be at most 65535'));

/** The app's flags, validated, defaults filled (except the data dir, which depends on the OS). */
export const DesktopFlagsSchema = z
  .object({
    headless: z.boolean().default(false),
    dataDir: z.string().min(1, 'must not be empty').optional(),
    port: Port.default(DEFAULT_PORT),
    relay: RelayOverride.shape.url.optional(),
    token: RelayOverride.shape.token.optional(),
    logLevel: z.enum(LOG_LEVELS, { error: `must be one of ${LOG_LEVELS.join(', ')}` }).default('warn'),
  })
  .superRefine((flags, ctx) => {
    if ((flags.relay === undefined) !== (flags.token === undefined)) {
      const missing = flags.relay === undefined ? 'relay' : 'token';
      const given = missing === 'relay' ? 'token' : 'relay';
      ctx.addIssue({
        code: 'custom',
        path: [missing],
        message: `is needed with ${FLAG_NAMES[given]}: give both a remote relay's address and its desktop token, or neither`,
      });
    }
  });

/** The app's flags, validated: where its data lives, which port, which relay, how much to log. */
export interface DesktopFlags {
  headless: boolean;
  /** Absolute. */
  dataDir: string;
  port: number;
  relay?: RelayOverride;
  logLevel: (typeof LOG_LEVELS)[number];
}

/**
 * Validates raw flags; a bad one gives one line naming the flag (`invalid --port: must be at most
 * 65535`). The data dir defaults to the per-user folder of {@link defaultDataDir}, made absolute.
 */
export function parseDesktopFlags(
  raw: RawDesktopFlags,
  context: DataDirContext,
): Result<DesktopFlags, string> {
  const parsed = DesktopFlagsSchema.safeParse(raw);
  if (!parsed.success) {
    const [first] = zodIssuesToFieldErrors(parsed.error.issues);
    const flag = FLAG_NAMES[first?.path as keyof typeof FLAG_NAMES] ?? first?.path ?? 'flags';
    return err(`invalid ${flag}: ${first?.message ?? 'is not valid'}`);
  }
  const { relay, token, dataDir, ...rest } = parsed.data;
  return ok(
    Object.freeze({
      ...rest,
      dataDir: resolve(dataDir ?? defaultDataDir(context)),
      ...(relay !== undefined && token !== undefined ? { relay: { url: relay, token } } : {}),
    }),
  );
}
