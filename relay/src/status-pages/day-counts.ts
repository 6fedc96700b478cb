import type Database from 'better-sqlite3';

/** One monitor's checks on one UTC day, summed over its regions. */
export interface DayCounts {
  up: number;
  degraded: number;
  down: number;
  /** Sum of the latencies of up and degraded checks, integer µs. */
  latencySumUs: number;
}

/** Day counts by monitor id, then by day start (epoch ms). */
export type DayCountTable = Map<string, Map<number, DayCounts>>;

/**
 * Reads the daily aggregates' counts for many monitors at once. It sums over regions in SQL and
 * leaves the latency sketches unread: a page of 50 monitors × 90 days would otherwise decode
 * thousands of sketches per render for figures it does not show.
 */
export function readDayCounts(
  db: Database.Database,
  monitorIds: readonly string[],
  fromDay: number,
  toDay: number,
): DayCountTable {
  const table: DayCountTable = new Map();
  if (monitorIds.length === 0) return table;
  const rows = db
    .prepare<
      unknown[],
      { monitor_id: string; day: number } & Record<'up' | 'degraded' | 'down' | 'lat', number>
    >(
      `SELECT monitor_id, day, SUM(up) AS up, SUM(degraded) AS degraded, SUM(down) AS down, SUM(latency_sum_us) AS lat
       FROM daily_aggregates WHERE monitor_id IN (${monitorIds.map(() => '?').join(',')}) AND day >= ? AND day <= ?
       GROUP BY monitor_id, day`,
    )
    .all(...monitorIds, fromDay, toDay);
  for (const row of rows) {
    let days = table.get(row.monitor_id);
    if (days === undefined) {
      days = new Map();
      table.set(row.monitor_id, days);
    }
    days.set(row.day, { up: row.up, degraded: row.degraded, down: row.down, latencySumUs: row.lat });
  }
  return table;
}

interface CachedHistory {
  /** First day the cached series covers. */
  fromDay: number;
  /** Day the series ends before (the "today" it was loaded on). */
  untilDay: number;
  loadedAt: number;
  days: Map<number, DayCounts>;
}

/** How long finished days are reused before they are read again (late spooled results land in them). */
export const HISTORY_TTL_MS = 5 * 60_000;

/**
 * Day counts with finished days kept in memory: a page re-rendered after a status change reads
 * only today's rows (one per monitor and region) instead of the whole range, whose rows carry
 * latency sketches and make a range scan cost far more than the counts it yields.
 */
export class DayCountReader {
  readonly #history = new Map<string, CachedHistory>();

  constructor(
    private readonly db: Database.Database,
    private readonly now: () => number,
    private readonly ttlMs = HISTORY_TTL_MS,
  ) {}

  /** Counts of `monitorIds` over [fromDay, toDay], where `toDay` is today. */
  read(monitorIds: readonly string[], fromDay: number, toDay: number): DayCountTable {
    const now = this.now();
    const stale = monitorIds.filter((id) => {
      const cached = this.#history.get(id);
      return (
        cached === undefined ||
        cached.fromDay > fromDay ||
        cached.untilDay !== toDay ||
        now - cached.loadedAt >= this.ttlMs
      );
    });
    if (stale.length > 0) {
      const loaded = readDayCounts(this.db, stale, fromDay, toDay - 1);
      for (const id of stale)
        this.#history.set(id, { fromDay, untilDay: toDay, loadedAt: now, days: loaded.get(id) ?? new Map() });
    }
    const today = readDayCounts(this.db, monitorIds, toDay, toDay);
    const table: DayCountTable = new Map();
    for (const id of monitorIds) {
      const history = this.#history.get(id)!.days;
      const current = today.get(id)?.get(toDay);
      if (current === undefined) {
        table.set(id, history);
        continue;
      }
      const days = new Map(history);
      days.set(toDay, current);
      table.set(id, days);
    }
    return table;
  }

  /** Forgets cached history (tests, or after aggregates were pruned). */
  clear(): void {
    this.#history.clear();
  }
}
