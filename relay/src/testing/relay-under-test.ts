import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import pino from 'pino';
import type { RelayConfigInput } from '../config/relay-config.js';
import type { HubOptions } from '../hub/index.js';
import { type RelayHandle, startRelay } from '../server.js';
import { openRelayDatabase } from '../storage/sqlite/open-database.js';
import { SqliteTokenStore } from '../storage/sqlite/sqlite-token-store.js';

/** The relay's durable state as a second connection reads it from the database file. */
export interface StoredState {
  revision: number;
  monitors: string;
  results: number;
  head: number;
  incidents: number;
  tokens: number;
}

/** A relay started exactly as `vantage-relay` starts it, in a temporary data dir, for e2e tests. */
export interface RelayUnderTest {
  handle: RelayHandle;
  /** `ws://127.0.0.1:<port>/ws` */
  url: string;
  dataDir: string;
  /** Creates a token through a second database connection, as `vantage-relay token create` does. */
  token(role: 'desktop' | 'probe', region?: string): string;
  /** Revokes a token by name or id, as `vantage-relay token revoke` does. */
  revoke(idOrName: string): void;
  /** Reads what the relay committed, straight from its database file. */
  stored(): StoredState;
  stop(): Promise<void>;
}

let counter = 0;

/** Starts `startRelay` on 127.0.0.1, port 0, with these settings (silent logs unless VANTAGE_TEST_LOG). */
export async function startRelayUnderTest(
  settings: Partial<RelayConfigInput> = {},
  hub: HubOptions = {},
): Promise<RelayUnderTest> {
  const dataDir = mkdtempSync(join(tmpdir(), 'vantage-e2e-'));
  const handle = await startRelay(
    { host: '127.0.0.1', port: 0, dataDir, logLevel: 'silent', ...settings },
    { logger: pino({ level: process.env.VANTAGE_TEST_LOG ?? 'silent' }), hub },
  );
  const dbPath = join(dataDir, 'relay.db');
  const withTokens = <T>(use: (tokens: SqliteTokenStore) => T): T => {
    const db = openRelayDatabase(dbPath);
    try {
      return use(new SqliteTokenStore(db));
    } finally {
      db.close();
    }
  };
  return {
    handle,
    url: `ws://127.0.0.1:${handle.port}/ws`,
    dataDir,
    token: (role, region) =>
      withTokens(
        (t) => t.create({ name: `${role}-${++counter}`, role, region: region ?? null }, Date.now()).token,
      ),
    revoke: (idOrName) => void withTokens((t) => t.revoke(idOrName, Date.now())),
    stored() {
      const db = new Database(dbPath, { readonly: true });
      try {
        const one = <T>(sql: string) => db.prepare<[], T>(sql).get() as T;
        return {
          revision: one<{ r: number | null }>('SELECT max(revision) AS r FROM monitors').r ?? 0,
          monitors: JSON.stringify(
            db.prepare('SELECT id, revision, deleted, config FROM monitors ORDER BY id').all(),
          ),
          results: one<{ n: number }>('SELECT count(*) AS n FROM results').n,
          head: one<{ c: number | null }>('SELECT max(cursor) AS c FROM results').c ?? 0,
          incidents: one<{ n: number }>('SELECT count(*) AS n FROM incidents').n,
          tokens: one<{ n: number }>('SELECT count(*) AS n FROM tokens').n,
        };
      } finally {
        db.close();
      }
    },
    async stop() {
      await handle.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
