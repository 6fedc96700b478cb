import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { RelayStorage } from '../relay-context.js';
import { writeOwnerOnly } from './first-desktop-token.js';

/** Name of the file, inside the data dir, that keeps the embedding desktop's token. */
export const LOCAL_DESKTOP_TOKEN_FILE = 'local-desktop-token';

/**
 * The token of the desktop that embeds this relay in its own process. It is created once (a
 * desktop token named `local-desktop`), kept in `<dataDir>/local-desktop-token` with mode 0600
 * and reused on every start while it still verifies, so restarts do not pile up tokens.
 */
export function ensureLocalDesktopToken(storage: RelayStorage, dataDir: string, now: number): string {
  const path = join(dataDir, LOCAL_DESKTOP_TOKEN_FILE);
  if (existsSync(path)) {
    const saved = readFileSync(path, 'utf8').trim();
    if (storage.tokens.verify(saved, now)?.role === 'desktop') return saved;
  }
  const { token } = storage.tokens.create({ name: 'local-desktop', role: 'desktop' }, now);
  writeOwnerOnly(path, `${token}\n`);
  return token;
}
