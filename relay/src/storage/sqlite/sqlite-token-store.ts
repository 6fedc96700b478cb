import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type Database from 'better-sqlite3';
import type { TokenRecord, TokenStore } from '../relay-storage.js';

const TOKEN_RE = /^vnt_([0-9a-f]{16})_([A-Za-z0-9_-]{43})$/;

interface TokenRow {
  id: string;
  name: string;
  role: 'desktop' | 'probe';
  region: string | null;
  secret_hash: Buffer;
  created_at: number;
  revoked_at: number | null;
  last_used_at: number | null;
}

function toRecord(row: TokenRow): TokenRecord {
  return {
    id: row.id,
    name: row.name,
    role: row.role,
    region: row.region,
    createdAt: row.created_at,
    revokedAt: row.revoked_at,
    lastUsedAt: row.last_used_at,
  };
}

const hash = (secret: string) => createHash('sha256').update(secret).digest();

/**
 * Tokens look like `vnt_<16 hex id>_<43 chars of 32 random bytes>`. Only the SHA-256 of the
 * secret part is stored; the id finds the row, then the hashes are compared in constant time.
 */
export class SqliteTokenStore implements TokenStore {
  readonly #byId: Database.Statement<[string], TokenRow>;
  readonly #touch: Database.Statement<[number, string]>;

  constructor(private readonly db: Database.Database) {
    this.#byId = db.prepare('SELECT * FROM tokens WHERE id = ?');
    this.#touch = db.prepare('UPDATE tokens SET last_used_at = ? WHERE id = ?');
  }

  create(input: { name: string; role: 'desktop' | 'probe'; region?: string | null }, now: number) {
    const id = randomBytes(8).toString('hex');
    const secret = randomBytes(32).toString('base64url');
    this.db
      .prepare(
        'INSERT INTO tokens (id, name, role, region, secret_hash, created_at) VALUES (?, ?, ?, ?, ?, ?)',
      )
      .run(id, input.name, input.role, input.region ?? null, hash(secret), now);
    const row = this.#byId.get(id)!;
    return { token: `vnt_${id}_${secret}`, record: toRecord(row) };
  }

  verify(token: string, now: number): TokenRecord | null {
    const match = TOKEN_RE.exec(token);
    if (!match) return null;
    const row = this.#byId.get(match[1]!);
    if (!row || row.revoked_at !== null) return null;
    if (!timingSafeEqual(row.secret_hash, hash(match[2]!))) return null;
    // Coarse last-used stamp: one write a minute at most per token, not one per connection.
    if (row.last_used_at === null || now - row.last_used_at > 60_000) this.#touch.run(now, row.id);
    return toRecord(row);
  }

  list(): TokenRecord[] {
    return this.db.prepare<[], TokenRow>('SELECT * FROM tokens ORDER BY created_at, id').all().map(toRecord);
  }

  revoke(idOrName: string, now: number): number {
    return this.db
      .prepare('UPDATE tokens SET revoked_at = ? WHERE (id = ? OR name = ?) AND revoked_at IS NULL')
      .run(now, idOrName, idOrName).changes;
  }
}
