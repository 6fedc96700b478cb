import {
  addResult,
  bucketStart,
  decodeBucket,
  emptyBucket,
  encodeBucket,
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
  maintenance: number;
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
    maintenance: row.maintenance,
    latencySumUs: row.latency_sum_us,
    latencyMinUs: row.latency_min_us,
    latencyMaxUs: row.latency_max_us,
    sketch: row.sketch,
  });
  return decoded.ok ? decoded.value : null;
}

/** Buckets by monitor, then region, then day: nested maps, so a lookup builds no key string. */
type BucketTree = Map<string, Map<string, Map<number, RollupBucket>>>;

/**
 * Daily rollups of every stored result, one row per monitor, region and UTC day, written inside
 * the result log's transaction so a committed result is always counted once. Today's buckets stay
 * in memory and absorb each batch in place; a rolled-back transaction drops the buckets it touched,
 * so they are read back from the database (which rolled back too) next time.
 */
export class SqliteDailyAggregates implements DailyAggregateStore, CommitParticipant {
  readonly #cache: BucketTree = new Map();
  #cached = 0;
  /** Buckets changed by the open transaction, in first-touched order. */
  readonly #touched = new Set<RollupBucket>();
  #newestDay = 0;
  readonly #load: Database.Statement<[string, string, number], AggregateRow>;
  readonly #write: Database.Statement;

  constructor(private readonly db: Database.Database) {
    this.#load = db.prepare('SELECT * FROM daily_aggregates WHERE monitor_id = ? AND region = ? AND day = ?');
    this.#write = db.prepare(
      `INSERT INTO daily_aggregates
         (monitor_id, region, day, up, degraded, down, maintenance, latency_sum_us, latency_min_us, latency_max_us, sketch)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (monitor_id, day, region) DO UPDATE SET up = excluded.up, degraded = excluded.degraded,
         down = excluded.down, maintenance = excluded.maintenance, latency_sum_us = excluded.latency_sum_us, latency_min_us = excluded.latency_min_us,
         latency_max_us = excluded.latency_max_us, sketch = excluded.sketch`,
    );
  }

  /**
   * Folds each result straight into its cached day bucket (what foldResults and absorbBucket
   * would give, as merging is exact, without a fresh bucket and sketch per batch), then writes
   * every bucket the batch touched once. Unhealthy probes' results are left out, as the evaluator
   * leaves them out; results the relay marked as taken during maintenance count apart (see
   * RollupBucket.maintenance), never against uptime.
   */
  stage(inserted: readonly LoggedResult[]): void {
    const staged = new Set<RollupBucket>();
    for (let i = 0; i < inserted.length; i++) {
      const result = inserted[i]!;
      if (result.probeHealthy === false) continue;
      const bucket = this.#bucketFor(result.monitorId, result.region, bucketStart(result.ts, 'day'));
      addResult(bucket, result);
      staged.add(bucket);
    }
    for (const bucket of staged) {
      this.#touched.add(bucket);
      const row = encodeBucket(bucket);
      this.#write.run(
        row.monitorId,
        row.region,
        row.start,
        row.up,
        row.degraded,
        row.down,
        row.maintenance,
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
    if (this.#cached <= 1000) return;
    const oldest = this.#newestDay - CACHED_DAYS * RESOLUTION_MS.day;
    for (const [monitorId, regions] of this.#cache) {
      for (const [region, days] of regions) {
        for (const day of days.keys()) {
          if (day >= oldest) continue;
          days.delete(day);
          this.#cached--;
        }
        if (days.size === 0) regions.delete(region);
      }
      if (regions.size === 0) this.#cache.delete(monitorId);
    }
  }

  rolledBack(): void {
    // Changed in place by the rolled-back transaction: forget them, the database has the truth.
    for (const bucket of this.#touched) {
      if (this.#cache.get(bucket.monitorId)?.get(bucket.region)?.delete(bucket.start)) this.#cached--;
    }
    this.#touched.clear();
  }

  /** The cached bucket of a day, read from the database (or started empty) on first use. */
  #bucketFor(monitorId: string, region: string, day: number): RollupBucket {
    let regions = this.#cache.get(monitorId);
    if (regions === undefined) this.#cache.set(monitorId, (regions = new Map()));
    let days = regions.get(region);
    if (days === undefined) regions.set(region, (days = new Map()));
    let bucket = days.get(day);
    if (bucket === undefined) {
      const row = this.#load.get(monitorId, region, day);
      bucket =
        (row === undefined ? null : rowToBucket(row)) ??
        emptyBucket({ monitorId, region, resolution: 'day', start: day });
      days.set(day, bucket);
      this.#cached++;
    }
    return bucket;
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
    this.#cached = 0;
    return this.db.prepare('DELETE FROM daily_aggregates WHERE day < ?').run(bucketStart(beforeTs, 'day'))
      .changes;
  }
}
