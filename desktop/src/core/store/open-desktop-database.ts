import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { DESKTOP_MIGRATIONS, type Migration, migrate, SchemaTooNewError } from './desktop-migrations.js';
import { DesktopStoreError, StoreErrorCode, sqliteCode } from './store-errors.js';

/** How to open the database; the defaults suit the app. */
export interface OpenDatabaseOptions {
  /** How long to wait for another process to let go of the file before reporting it locked. */
  busyTimeoutMs?: number;
  /** The schema history to bring the file to; the app's own unless a test builds an older file. */
  migrations?: readonly Migration[];
}

/**
 * Page cache of the connection: rollup writes land on one page per series, so the hot set is a few
 * MB; a larger cache mostly holds history pages a chart read once, resident for the life of the
 * app (the 1,000-monitor embedded app's memory grew with it). Ingest runs as fast with 4 MB as with 8.
 */
const CACHE_KIB = 4 * 1024;

/**
 * Opens (creating if needed) the desktop database and migrates it:
 * 1. `locking_mode = EXCLUSIVE`, then an empty exclusive transaction: the file stays locked until
 *    close, because the store keeps write caches (high-water marks, hot rollup buckets) that a
 *    second writer would silently invalidate. A second Vantage gets a clear "locked" error.
 * 2. Reads the schema version before changing anything, so a file that is not a database or is
 *    damaged is reported with its path and left exactly as it was (no WAL file, no migration).
 * 3. WAL with `synchronous = NORMAL`: a power loss may drop the last transactions, but each one
 *    carries its own sync cursor, so the relay simply sends those results again.
 * 4. Migrates one transaction per step; a file from a newer Vantage is refused, not downgraded.
 */
export function openDesktopDatabase(path: string, options: OpenDatabaseOptions = {}): Database.Database {
  const timeout = options.busyTimeoutMs ?? 2000;
  if (path !== ':memory:') {
    try {
      mkdirSync(dirname(path), { recursive: true });
    } catch (error) {
      throw describeOpenError(error, path);
    }
  }
  let db: Database.Database | undefined;
  try {
    db = new Database(path, { timeout });
    db.pragma('locking_mode = EXCLUSIVE');
    db.pragma(`busy_timeout = ${timeout}`);
    // Reads the header and the schema page: a file that is no database, or whose schema is damaged, fails here.
    db.prepare('SELECT count(*) FROM sqlite_schema').get();
    db.exec('BEGIN EXCLUSIVE; COMMIT');
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.pragma(`cache_size = -${CACHE_KIB}`);
    migrate(db, options.migrations ?? DESKTOP_MIGRATIONS);
    return db;
  } catch (error) {
    db?.close();
    throw describeOpenError(error, path);
  }
}

/**
 * The {@link DesktopStoreError} for a failure while opening the store at `path`, including the
 * first reads after migration (damage anywhere SQLite reads at open shows up as SQLITE_CORRUPT).
 */
export function describeOpenError(error: unknown, path: string): DesktopStoreError {
  if (error instanceof DesktopStoreError) return error;
  const reason = (error as Error).message;
  if (error instanceof SchemaTooNewError) {
    return new DesktopStoreError(
      StoreErrorCode.tooNew,
      path,
      `the Vantage database at ${path} has ${reason}; install the newer Vantage that wrote it (the file was not changed)`,
      { cause: error },
    );
  }
  const code = sqliteCode(error) ?? '';
  if (code === 'SQLITE_NOTADB' || code.startsWith('SQLITE_CORRUPT')) {
    return new DesktopStoreError(
      StoreErrorCode.corrupt,
      path,
      `the Vantage database at ${path} is not a SQLite database or is damaged (${reason}); it was left untouched: move it aside to start with an empty store, or restore a backup`,
      { cause: error },
    );
  }
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) {
    return new DesktopStoreError(
      StoreErrorCode.locked,
      path,
      `the Vantage database at ${path} is locked by another process (is Vantage already running?): ${reason}`,
      { cause: error },
    );
  }
  return new DesktopStoreError(
    StoreErrorCode.io,
    path,
    `cannot open the Vantage database at ${path}: ${reason}`,
    { cause: error },
  );
}
