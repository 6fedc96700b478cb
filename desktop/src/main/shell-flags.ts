import { parseArgs } from 'node:util';
import { FLAG_NAMES, type RawDesktopFlags } from '../cli/desktop-flags.js';

/**
 * Picks the app's own flags (`--data-dir`, `--port`, `--relay`, `--token`, `--log-level`) out of
 * Electron's argv, which also holds the executable, the app folder when unpackaged, and any
 * Chromium switches; those are ignored. A string flag given without a value becomes `''`, so
 * validation names it instead of silently dropping it.
 */
export function readShellFlags(argv: readonly string[]): RawDesktopFlags {
  const strings = ['dataDir', 'port', 'relay', 'token', 'logLevel'] as const;
  const { values } = parseArgs({
    args: argv.slice(1),
    options: {
      ...Object.fromEntries(strings.map((key) => [FLAG_NAMES[key].slice(2), { type: 'string' as const }])),
      headless: { type: 'boolean' },
    },
    strict: false,
    allowPositionals: true,
  });
  const flags: RawDesktopFlags = {};
  for (const key of strings) {
    const value = values[FLAG_NAMES[key].slice(2)];
    if (value !== undefined) flags[key] = typeof value === 'string' ? value : '';
  }
  if (values.headless === true) flags.headless = true;
  return flags;
}
