import {
  absorbBucket,
  bucketStart,
  decodeBucket,
  encodeBucket,
  foldResults,
  RESOLUTION_MS,
  type RollupBucket,
} from '@vantage/shared';
import type Database from 'better-sqlite3';
import type { DailyAggregateStore, LoggedResult } from '../relay-storage.js';
import type { CommitParticipant } from './sqlite-result-log.js';

interface AggregateRow {
  monitor_id: string;
  region: string;
  day: number;
  up: number;
  degraded: number;
  down: number;
  latency_sum_us: number;
  latency_min_us: number | null;
  latency_max_us: number | null;
  sketch: Buffer;
}

/** Days kept in memory after the newest day seen: a late spooled batch usually lands in them. */
const CACHED_DAYS = 2;

function rowToBucket(row: AggregateRow): RollupBucket | null {
  const decoded = decodeBucket({
    monitorId: row.monitor_id,
    region: row.region,
    resolution: 'day',
    start: row.day,
    up: row.up,
    degraded: row.degraded,
    down: row.down,
    latencySumUs: row.latency_sum_us,
    latencyMinUs: row.latency_min_us,
    latencyMaxUs: row.latency_max_us,
    sketch: row.sketch,
  });
  return decoded.ok ? decoded.value : null;
}

const keyOf = (b: { monitorId: string; region: string; start: number }) =>
  `${b.monitorId}\n${b.region}\n${b.start}`;

/**
 * Daily rollups of every stored result, one row per monitor, region and UTC day, written inside
 * the result log's transaction so a committed result is always counted once. Today's buckets stay
 * in memory and absorb each batch in place; a rolled-back transaction drops the buckets it touched,
 * so they are read back from the database (which rolled back too) next time.
 */
export class SqliteDailyAggregates implements DailyAggregateStore, CommitParticipant {
  readonly #cache = new Map<string, RollupBucket>();
  readonly #touched = new Set<string>();
  #newestDay = 0;
  readonly #load: Database.Statement<[string, string, number], AggregateRow>;
  readonly #write: Database.Statement;

  constructor(private readonly db: Database.Database) {
    this.#load = db.prepare('SELECT * FROM daily_aggregates WHERE monitor_id = ? AND region = ? AND day = ?');
    this.#write = db.prepare(
      `INSERT INTO daily_aggregates
         (monitor_id, region, day, up, degraded, down, latency_sum_us, latency_min_us, latency_max_us, sketch)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (monitor_id, day, region) DO UPDATE SET up = excluded.up, degraded = excluded.degraded,
         down = excluded.down, latency_sum_us = excluded.latency_sum_us, latency_min_us = excluded.latency_min_us,
         latency_max_us = excluded.latency_max_us, sketch = excluded.sketch`,
    );
  }

  stage(inserted: readonly LoggedResult[]): void {
    for (const fresh of foldResults(inserted, 'day')) {
      const key = keyOf(fresh);
      let bucket = this.#cache.get(key);
      if (bucket === undefined) {
        const row = this.#load.get(fresh.monitorId, fresh.region, fresh.start);
        bucket = row === undefined ? fresh : (rowToBucket(row) ?? fresh);
        if (bucket !== fresh) absorbBucket(bucket, fresh);
        this.#cache.set(key, bucket);
      } else absorbBucket(bucket, fresh);
      this.#touched.add(key);
      const row = encodeBucket(bucket);
      this.#write.run(
        row.monitorId,
        row.region,
        row.start,
        row.up,
        row.degraded,
        row.down,
        row.latencySumUs,
        row.latencyMinUs,
        row.latencyMaxUs,
        row.sketch,
      );
      if (row.start > this.#newestDay) this.#newestDay = row.start;
    }
  }

  committed(): void {
    this.#touched.clear();
    const oldest = this.#newestDay - CACHED_DAYS * RESOLUTION_MS.day;
    if (this.#cache.size > 1000) {
      for (const [key, bucket] of this.#cache) if (bucket.start < oldest) this.#cache.delete(key);
    }
  }

  rolledBack(): void {
    for (const key of this.#touched) this.#cache.delete(key);
    this.#touched.clear();
  }

  read(monitorId: string, fromTs: number, toTs: number): RollupBucket[] {
    const from = bucketStart(fromTs, 'day');
    return this.db
      .prepare<[string, number, number], AggregateRow>(
        'SELECT * FROM daily_aggregates WHERE monitor_id = ? AND day >= ? AND day < ? ORDER BY day, region',
      )
      .all(monitorId, from, toTs)
      .flatMap((row) => rowToBucket(row) ?? []);
  }

  prune(beforeTs: number): number {
    this.#cache.clear();
    return this.db.prepare('DELETE FROM daily_aggregates WHERE day < ?').run(bucketStart(beforeTs, 'day'))
      .changes;
  }
}
