import type Database from 'better-sqlite3';
import type { ProbeRecord, ProbeStore } from '../relay-storage.js';

interface ProbeRow {
  id: string;
  name: string;
  region: string;
  token_id: string;
  version: string | null;
  last_seen_at: number | null;
  healthy: number;
  reason: string | null;
}

function toRecord(row: ProbeRow): ProbeRecord {
  return {
    id: row.id,
    name: row.name,
    region: row.region,
    tokenId: row.token_id,
    version: row.version,
    lastSeenAt: row.last_seen_at,
    healthy: row.healthy === 1,
    reason: row.reason,
  };
}

/** Every probe that ever said hello, with its last known health. */
export class SqliteProbeStore implements ProbeStore {
  readonly #get: Database.Statement<[string], ProbeRow>;
  readonly #save: Database.Statement;

  constructor(private readonly db: Database.Database) {
    this.#get = db.prepare('SELECT * FROM probes WHERE id = ?');
    this.#save = db.prepare(
      `INSERT INTO probes (id, name, region, token_id, version, last_seen_at, healthy, reason)
       VALUES (@id, @name, @region, @tokenId, @version, @lastSeenAt, @healthy, @reason)
       ON CONFLICT (id) DO UPDATE SET name = excluded.name, region = excluded.region,
         token_id = excluded.token_id, version = excluded.version, last_seen_at = excluded.last_seen_at,
         healthy = excluded.healthy, reason = excluded.reason`,
    );
  }

  get(id: string): ProbeRecord | null {
    const row = this.#get.get(id);
    return row === undefined ? null : toRecord(row);
  }

  list(): ProbeRecord[] {
    return this.db
      .prepare<[], ProbeRow>('SELECT * FROM probes ORDER BY region, name, id')
      .all()
      .map(toRecord);
  }

  save(probe: ProbeRecord): void {
    this.#save.run({ ...probe, healthy: probe.healthy ? 1 : 0 });
  }
}
