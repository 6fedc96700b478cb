import type { ProbeInfo } from '@vantage/shared';
import type Database from 'better-sqlite3';

interface ProbeRow {
  id: string;
  name: string;
  region: string;
  version: string | null;
  last_seen_at: number;
  healthy: number;
  connected: number;
  reason: string | null;
}

function toInfo(row: ProbeRow): ProbeInfo {
  const info: ProbeInfo = {
    probeId: row.id,
    name: row.name,
    region: row.region,
    connected: row.connected === 1,
    healthy: row.healthy === 1,
    lastSeenAt: row.last_seen_at,
  };
  if (row.version !== null) info.version = row.version;
  if (row.reason !== null) info.reason = row.reason;
  return info;
}

/** The probes the relay reported (`event.probe`, `probes.list`), with their last known state. */
export class ProbeRepo {
  readonly #save: Database.Statement;

  constructor(private readonly db: Database.Database) {
    this.#save = db.prepare(
      `INSERT INTO probes (id, name, region, version, last_seen_at, healthy, connected, reason)
       VALUES (@probeId, @name, @region, @version, @lastSeenAt, @healthy, @connected, @reason)
       ON CONFLICT (id) DO UPDATE SET name = excluded.name, region = excluded.region,
         version = excluded.version, last_seen_at = max(last_seen_at, excluded.last_seen_at),
         healthy = excluded.healthy, connected = excluded.connected, reason = excluded.reason`,
    );
  }

  /** Records a probe's state as the relay reported it. */
  upsert(probe: ProbeInfo): void {
    this.#save.run({
      ...probe,
      version: probe.version ?? null,
      reason: probe.reason ?? null,
      healthy: probe.healthy ? 1 : 0,
      connected: probe.connected ? 1 : 0,
    });
  }

  /** One probe, or null. */
  get(probeId: string): ProbeInfo | null {
    const row = this.db.prepare<[string], ProbeRow>('SELECT * FROM probes WHERE id = ?').get(probeId);
    return row === undefined ? null : toInfo(row);
  }

  /** Every known probe by region, then name. */
  list(): ProbeInfo[] {
    return this.db.prepare<[], ProbeRow>('SELECT * FROM probes ORDER BY region, name, id').all().map(toInfo);
  }

  /** Marks every probe disconnected: the link to the relay is gone, so nothing is known to be live. */
  markAllDisconnected(): void {
    this.db.prepare('UPDATE probes SET connected = 0').run();
  }
}
