import { closeSync, mkdirSync, openSync } from 'node:fs';
import { homedir } from 'node:os';
import { isAbsolute, join, resolve } from 'node:path';

/** Name of the relay's database file inside the data dir. */
export const DATABASE_FILE = 'relay.db';

/**
 * Where the relay keeps its data when no `--data-dir` is given: `$XDG_DATA_HOME/vantage-relay`,
 * or `~/.local/share/vantage-relay` when that variable is unset or not absolute (the XDG spec says
 * a relative value must be ignored).
 */
export function defaultDataDir(env: Record<string, string | undefined>): string {
  const xdg = env.XDG_DATA_HOME;
  const base = xdg && isAbsolute(xdg) ? xdg : join(homeOf(env), '.local', 'share');
  return join(base, 'vantage-relay');
}

/** An absolute data dir; a leading `~/` means the home directory, as a shell would expand it. */
export function resolveDataDir(dir: string, env: Record<string, string | undefined>): string {
  if (dir === '~') return homeOf(env);
  if (dir.startsWith('~/')) return join(homeOf(env), dir.slice(2));
  return resolve(dir);
}

/** The database file of a data dir. */
export function databasePath(dataDir: string): string {
  return join(dataDir, DATABASE_FILE);
}

/**
 * Creates the data dir (mode 0700) and an empty database file (mode 0600) if they do not exist,
 * returning the database path. SQLite gives its -wal and -shm files the database file's mode, so
 * monitor credentials and results stay readable by the owner only; existing modes are left alone.
 */
export function prepareDataDir(dataDir: string): string {
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const path = databasePath(dataDir);
  closeSync(openSync(path, 'a', 0o600));
  return path;
}

function homeOf(env: Record<string, string | undefined>): string {
  return env.HOME && isAbsolute(env.HOME) ? env.HOME : homedir();
}
