import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import pino from 'pino';
import { type RelayHandle, startRelay } from '../server.js';
import { openRelayDatabase } from '../storage/sqlite/open-database.js';
import { SqliteTokenStore } from '../storage/sqlite/sqlite-token-store.js';

/** An answer of the API as a test reads it. */
export interface ApiAnswer {
  status: number;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests read answers field by field, as a client would
  body: Record<string, any> | undefined;
}

/** A relay on a fresh data dir with one token of each kind, for API tests (real sockets on 127.0.0.1). */
export interface ApiTestRelay {
  relay: RelayHandle;
  /** A second connection to the relay's WAL database, as `vantage-relay token create` opens one. */
  db: Database.Database;
  /** The first desktop token, from the file the relay wrote. */
  desktop: string;
  /** A probe token for region eu-west. */
  probe: string;
  /** A desktop token that was revoked. */
  revoked: string;
  /** Calls `/api/v1${path}` with a desktop token (or `token`, or none when null). */
  api(method: string, path: string, body?: unknown, token?: string | null): Promise<ApiAnswer>;
  stop(): Promise<void>;
}

/** Starts the relay for an API test file. */
export async function startApiTestRelay(): Promise<ApiTestRelay> {
  const dir = mkdtempSync(join(tmpdir(), 'vantage-api-'));
  const dataDir = join(dir, 'data');
  const relay = await startRelay({ port: 0, dataDir }, { logger: pino({ level: 'silent' }) });
  const desktop = readFileSync(join(dataDir, 'desktop-token'), 'utf8').trim();
  const db = openRelayDatabase(join(dataDir, 'relay.db'));
  const tokens = new SqliteTokenStore(db);
  const probe = tokens.create({ name: 'fra-1', role: 'probe', region: 'eu-west' }, Date.now()).token;
  const revoked = tokens.create({ name: 'old-laptop', role: 'desktop' }, Date.now()).token;
  tokens.revoke('old-laptop', Date.now());

  async function api(
    method: string,
    path: string,
    body?: unknown,
    token: string | null = desktop,
  ): Promise<ApiAnswer> {
    const headers: Record<string, string> = {};
    if (token !== null) headers.authorization = `Bearer ${token}`;
    if (body !== undefined) headers['content-type'] = 'application/json';
    const response = await fetch(`${relay.url}/api/v1${path}`, {
      method,
      headers,
      ...(body !== undefined ? { body: typeof body === 'string' ? body : JSON.stringify(body) } : {}),
    });
    const text = await response.text();
    return { status: response.status, body: text ? (JSON.parse(text) as ApiAnswer['body']) : undefined };
  }

  return {
    relay,
    db,
    desktop,
    probe,
    revoked,
    api,
    async stop() {
      db.close();
      await relay.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
