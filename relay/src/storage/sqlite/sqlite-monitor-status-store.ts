import { MonitorStatus, type MonitorStatusEntry, RegionStatusEntry } from '@vantage/shared';
import type Database from 'better-sqlite3';
import { z } from 'zod';
import type { MonitorStatusStore } from '../relay-storage.js';

interface StatusRow {
  monitor_id: string;
  status: string;
  regions: string;
}

const Regions = z.array(RegionStatusEntry);

/** Each monitor's last evaluated status, so readers (status pages, REST) need not ask the evaluator. */
export class SqliteMonitorStatusStore implements MonitorStatusStore {
  readonly #save: Database.Statement<[string, string, string, string, number]>;
  readonly #delete: Database.Statement<[string]>;

  constructor(private readonly db: Database.Database) {
    this.#save = db.prepare(
      `INSERT INTO monitor_status (monitor_id, status, message, regions, updated_at) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (monitor_id) DO UPDATE SET status = excluded.status, message = excluded.message,
         regions = excluded.regions, updated_at = excluded.updated_at`,
    );
    this.#delete = db.prepare('DELETE FROM monitor_status WHERE monitor_id = ?');
  }

  save(entry: MonitorStatusEntry, message: string, now: number): void {
    this.#save.run(entry.monitorId, entry.status, message, JSON.stringify(entry.regions), now);
  }

  delete(monitorId: string): void {
    this.#delete.run(monitorId);
  }

  list(): MonitorStatusEntry[] {
    return this.db
      .prepare<[], StatusRow>('SELECT monitor_id, status, regions FROM monitor_status ORDER BY monitor_id')
      .all()
      .flatMap((row) => {
        const status = MonitorStatus.safeParse(row.status);
        const regions = Regions.safeParse(JSON.parse(row.regions));
        if (!status.success || !regions.success) return [];
        return [{ monitorId: row.monitor_id, status: status.data, regions: regions.data }];
      });
  }
}
