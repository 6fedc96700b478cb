import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DESKTOP_MIGRATIONS, DESKTOP_SCHEMA_VERSION } from './desktop-migrations.js';
import { DesktopStoreError, openDesktopStore, StoreErrorCode } from './index.js';
import { openDesktopDatabase } from './open-desktop-database.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'vantage-desktop-open-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function openError(path: string): DesktopStoreError {
  try {
    openDesktopStore(path, { busyTimeoutMs: 50 }).close();
  } catch (error) {
    expect(error).toBeInstanceOf(DesktopStoreError);
    return error as DesktopStoreError;
  }
  throw new Error('the store opened');
}

describe('openDesktopStore', () => {
  it('creates a new store in WAL mode at the newest schema version, folders included', () => {
    const path = join(dir, 'nested', 'data', 'vantage.db');
    openDesktopStore(path).close();
    const db = new Database(path, { readonly: true });
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('user_version', { simple: true })).toBe(DESKTOP_SCHEMA_VERSION);
    db.close();
  });

  it('refuses a file that is not a database, naming it and leaving it byte for byte as it was', () => {
    const path = join(dir, 'vantage.db');
    const junk = Buffer.from('these are my notes, not a database\n'.repeat(200));
    writeFileSync(path, junk);
    const error = openError(path);
    expect(error.code).toBe(StoreErrorCode.corrupt);
    expect(error.path).toBe(path);
    expect(error.message).toContain(path);
    expect(error.message).toMatch(/not a SQLite database or is damaged/);
    expect(readFileSync(path).equals(junk)).toBe(true);
    expect(existsSync(`${path}-wal`)).toBe(false);
  });

  it('refuses a database whose schema pages are damaged, leaving the file untouched', () => {
    const path = join(dir, 'vantage.db');
    openDesktopStore(path).close();
    const bytes = readFileSync(path);
    // Keep SQLite's 100-byte header, scramble the rest of the first page (the schema's root).
    for (let i = 100; i < 4096; i++) bytes[i] = (i * 131) % 251;
    writeFileSync(path, bytes);
    const error = openError(path);
    expect(error.code).toBe(StoreErrorCode.corrupt);
    expect(error.message).toContain(path);
    expect(readFileSync(path).equals(bytes)).toBe(true);
  });

  it('reports a store held by another Vantage as locked instead of sharing it', () => {
    const path = join(dir, 'vantage.db');
    const first = openDesktopStore(path);
    try {
      const error = openError(path);
      expect(error.code).toBe(StoreErrorCode.locked);
      expect(error.message).toContain(path);
      expect(error.message).toMatch(/already running/);
      expect(first.monitors.count()).toBe(0);
    } finally {
      first.close();
    }
    openDesktopStore(path).close();
  });

  it('refuses a file written by a newer Vantage and does not downgrade it', () => {
    const path = join(dir, 'vantage.db');
    openDesktopStore(path).close();
    const raw = new Database(path);
    raw.pragma(`user_version = ${DESKTOP_SCHEMA_VERSION + 5}`);
    raw.close();
    const error = openError(path);
    expect(error.code).toBe(StoreErrorCode.tooNew);
    expect(error.message).toContain(path);
    expect(error.message).toContain(`schema version ${DESKTOP_SCHEMA_VERSION + 5}`);
    const after = new Database(path, { readonly: true });
    expect(after.pragma('user_version', { simple: true })).toBe(DESKTOP_SCHEMA_VERSION + 5);
    after.close();
  });

  it('upgrades a version-1 file, keeping its monitors, settings and sync cursor', () => {
    const path = join(dir, 'vantage.db');
    const v1 = openDesktopDatabase(path, { migrations: DESKTOP_MIGRATIONS.slice(0, 1) });
    expect(v1.pragma('user_version', { simple: true })).toBe(1);
    const monitor = { id: 'api', name: 'API', type: 'http', url: 'https://api.example.com/health' };
    v1.prepare(
      'INSERT INTO monitors (id, config, revision, created_at, updated_at) VALUES (?, ?, ?, ?, ?)',
    ).run('api', JSON.stringify(monitor), 7, 1000, 2000);
    v1.prepare('INSERT INTO settings (key, value) VALUES (?, ?)').run('theme', '"dark"');
    v1.prepare('INSERT INTO sync_state (relay, cursor, updated_at) VALUES (?, ?, ?)').run(
      'ws://relay/ws',
      42,
      2000,
    );
    expect(() => v1.prepare('SELECT * FROM notifications_sent').all()).toThrow(/no such table/);
    v1.close();

    const store = openDesktopStore(path);
    try {
      expect(store.monitors.get('api')).toMatchObject({
        monitor: { name: 'API' },
        revision: 7,
        createdAt: 1000,
      });
      expect(store.settings.get().theme).toBe('dark');
      expect(store.sync.cursorFor('ws://relay/ws')).toBe(42);
      const id = store.notifications.record({
        ts: 3000,
        kind: 'incident.opened',
        monitorId: 'api',
        title: 'API is down',
        body: 'eu-west, us-east',
      });
      expect(store.notifications.list()).toEqual([
        {
          id,
          ts: 3000,
          kind: 'incident.opened',
          monitorId: 'api',
          title: 'API is down',
          body: 'eu-west, us-east',
        },
      ]);
    } finally {
      store.close();
    }
    const db = new Database(path, { readonly: true });
    expect(db.pragma('user_version', { simple: true })).toBe(DESKTOP_SCHEMA_VERSION);
    db.close();
  });
});
