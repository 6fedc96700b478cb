import { formatFieldErrors, zodIssuesToFieldErrors } from '@vantage/shared';
import type { Logger } from 'pino';
import { z } from 'zod';

/** A relay to use instead of the one the settings name (a CLI flag, an environment variable, a test). */
export const RelayOverride = z.object({
  url: z.url({ protocol: /^(wss?|https?)$/, error: 'must be a ws://, wss://, http:// or https:// URL' }),
  token: z.string().min(1, 'must not be empty').max(4096),
});
/** A relay to use instead of the one the settings name. */
export type RelayOverride = z.infer<typeof RelayOverride>;

/** The plain-data part of {@link DesktopCoreOptions}, checked once at start. */
export const CoreSettingsSchema = z.object({
  /** The folder holding `vantage.db` and, in embedded mode, `relay/` and `probe/`. */
  dataDir: z.string().min(1, 'must not be empty'),
  /** Which shell runs the core: the Electron main process or the headless web mode. */
  shell: z.enum(['electron', 'web']),
  relay: RelayOverride.optional(),
});

/** How to start the desktop core. */
export interface DesktopCoreOptions {
  /** The folder holding `vantage.db` and, in embedded mode, `relay/` and `probe/`. Created if missing. */
  dataDir: string;
  /** Which shell runs the core: the Electron main process or the headless web mode. */
  shell: 'electron' | 'web';
  /** Dial this relay (remote mode) whatever the settings say, until the user changes the relay settings. */
  relay?: RelayOverride;
  /** The root logger; build it with `createCoreLogger` so tokens are redacted. Default: info level on stdout. */
  logger?: Logger;
  /** The clock, epoch ms. */
  now?: () => number;
  /** Random numbers in [0, 1) for generated ids. */
  random?: () => number;
}

/** Options after validation, frozen. */
export type CoreConfig = Readonly<z.output<typeof CoreSettingsSchema>> & {
  readonly now: () => number;
  readonly random: () => number;
};

/** Validates the options; throws an Error naming the bad field (a shell's bug, not a user's input). */
export function parseCoreOptions(options: DesktopCoreOptions): CoreConfig {
  const parsed = CoreSettingsSchema.safeParse({
    dataDir: options.dataDir,
    shell: options.shell,
    relay: options.relay,
  });
  if (!parsed.success) {
    throw new Error(
      `invalid desktop core options: ${formatFieldErrors(zodIssuesToFieldErrors(parsed.error.issues))}`,
    );
  }
  return Object.freeze({
    ...parsed.data,
    now: options.now ?? Date.now,
    random: options.random ?? Math.random,
  });
}
