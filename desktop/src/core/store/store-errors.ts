/** Why the desktop store could not be opened. Stable: the app shows a different remedy for each. */
export const StoreErrorCode = {
  /** The file is not a SQLite database or its pages are damaged. It is left exactly as it was. */
  corrupt: 'VANTAGE_DESKTOP_STORE_CORRUPT',
  /** Another process (usually a second Vantage) holds the database. */
  locked: 'VANTAGE_DESKTOP_STORE_LOCKED',
  /** A newer Vantage wrote this file; this version does not know its schema. */
  tooNew: 'VANTAGE_DESKTOP_STORE_TOO_NEW',
  /** The file or its folder cannot be read or written (permissions, disk full, a directory in the way). */
  io: 'VANTAGE_DESKTOP_STORE_IO',
} as const;

/** One of {@link StoreErrorCode}. */
export type StoreErrorCode = (typeof StoreErrorCode)[keyof typeof StoreErrorCode];

/** A database that cannot be used, with the path it is about and a code saying why. */
export class DesktopStoreError extends Error {
  override readonly name = 'DesktopStoreError';

  constructor(
    readonly code: StoreErrorCode,
    readonly path: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** The SQLite error code of a better-sqlite3 error (`SQLITE_BUSY`, `SQLITE_NOTADB` …), if it has one. */
export function sqliteCode(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}
