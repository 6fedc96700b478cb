import { chmodSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Logger } from 'pino';
import type { RelayStorage } from '../relay-context.js';

/** Name of the file, inside the data dir, that receives the desktop token created on first start. */
export const DESKTOP_TOKEN_FILE = 'desktop-token';

/** Where the first desktop token of a data dir is written. */
export function desktopTokenPath(dataDir: string): string {
  return join(dataDir, DESKTOP_TOKEN_FILE);
}

/**
 * Gives a fresh relay a way in: when no desktop token was ever created, creates one named
 * `desktop` and writes it to `<dataDir>/desktop-token`, readable only by the owner. Returns the
 * file's path when it wrote one, else null. The token itself is never logged.
 * On SQLite the row and the file are written in one transaction, so a crash between the two
 * never leaves a token in the database that nobody can read.
 */
export function ensureFirstDesktopToken(
  storage: RelayStorage,
  dataDir: string,
  now: number,
  log: Logger,
): string | null {
  if (storage.tokens.list().some((token) => token.role === 'desktop')) return null;
  const path = desktopTokenPath(dataDir);
  const createAndWrite = () => {
    const { token, record } = storage.tokens.create({ name: 'desktop', role: 'desktop' }, now);
    writeOwnerOnly(path, `${token}\n`);
    return record;
  };
  const record = storage.db ? storage.db.transaction(createAndWrite)() : createAndWrite();
  log.info(
    { path, tokenId: record.id },
    'created the first desktop token; it is in this file, readable only by you',
  );
  return path;
}

/** Writes a file with mode 0600 via a temporary file and a rename, so it is never briefly readable by others. */
export function writeOwnerOnly(path: string, text: string): void {
  const temporary = `${path}.${process.pid}.tmp`;
  rmSync(temporary, { force: true });
  try {
    writeFileSync(temporary, text, { mode: 0o600, flag: 'wx' });
    // The mode given at creation is reduced by the umask, never widened; chmod makes it exact.
    chmodSync(temporary, 0o600);
    renameSync(temporary, path);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw new Error(`cannot write the token file ${path}: ${(error as Error).message}`, { cause: error });
  }
}
