import { MonitorStatus, RegionStatusEntry } from '@vantage/shared';
import type Database from 'better-sqlite3';
import { z } from 'zod';

/** The relay's last verdict on a monitor, kept so a restart shows states before the relay answers. */
export interface StoredVerdict {
  status: MonitorStatus;
  message: string;
  /** When the status last changed, epoch ms. */
  since: number;
  regions: RegionStatusEntry[];
}

interface VerdictRow {
  monitor_id: string;
  status: string;
  message: string;
  since: number;
  regions: string;
}

const Regions = z.array(RegionStatusEntry);

/** The last verdict per monitor; rows that no longer parse (another version wrote them) are skipped. */
export class VerdictRepo {
  readonly #save: Database.Statement<[string, string, string, number, string]>;
  readonly #remove: Database.Statement<[string]>;
  readonly #list: Database.Statement<[], VerdictRow>;

  constructor(db: Database.Database) {
    this.#save = db.prepare(
      `INSERT INTO monitor_verdicts (monitor_id, status, message, since, regions) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (monitor_id) DO UPDATE SET status = excluded.status, message = excluded.message,
         since = excluded.since, regions = excluded.regions`,
    );
    this.#remove = db.prepare('DELETE FROM monitor_verdicts WHERE monitor_id = ?');
    this.#list = db.prepare('SELECT * FROM monitor_verdicts ORDER BY monitor_id');
  }

  /** Every stored verdict by monitor id. */
  all(): Map<string, StoredVerdict> {
    const verdicts = new Map<string, StoredVerdict>();
    for (const row of this.#list.all()) {
      const status = MonitorStatus.safeParse(row.status);
      const regions = Regions.safeParse(safeJson(row.regions));
      if (!status.success || !regions.success) continue;
      verdicts.set(row.monitor_id, {
        status: status.data,
        message: row.message,
        since: row.since,
        regions: regions.data,
      });
    }
    return verdicts;
  }

  /** Keeps a monitor's newest verdict. */
  save(monitorId: string, verdict: StoredVerdict): void {
    this.#save.run(
      monitorId,
      verdict.status,
      verdict.message,
      verdict.since,
      JSON.stringify(verdict.regions),
    );
  }

  /** Forgets a deleted monitor's verdict. */
  remove(monitorId: string): void {
    this.#remove.run(monitorId);
  }
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
