import {
  type CheckResult,
  encodeBucket,
  foldResults,
  type Resolution,
  type RollupBucket,
  rollupRange,
} from '@vantage/shared';
import Database from 'better-sqlite3';
import { type ResultRow, resultFromRow } from '../result-row.js';
import { ALL_REGIONS, entryBucket, RESOLUTIONS, type ResolutionIndex, runEntries } from '../rollup-rows.js';

/** A rollup bucket in comparable form: key, counts, latency figures and the sketch bytes (shared's codec) as hex. */
export interface ComparableRollup {
  key: string;
  up: number;
  degraded: number;
  down: number;
  maintenance: number;
  latencySumUs: number;
  latencyMinUs: number | null;
  latencyMaxUs: number | null;
  sketch: string;
}

const keyOf = (monitorId: string, region: string, resolution: string, start: number) =>
  `${monitorId}/${region}/${resolution}/${start}`;

/** Runs `read` on a closed store file (the store itself keeps the file locked while open). */
function withFile<T>(path: string, read: (db: Database.Database) => T): T {
  const db = new Database(path, { fileMustExist: true });
  try {
    return read(db);
  } finally {
    db.close();
  }
}

/** Every raw result in a closed store file, in the order they were stored. */
export function readStoredResults(path: string): CheckResult[] {
  return withFile(path, (db) => {
    const series = new Map(
      db
        .prepare<[], { id: number; monitor_id: string; region: string }>(
          'SELECT id, monitor_id, region FROM series',
        )
        .all()
        .map((s) => [s.id, s]),
    );
    const probes = new Map(
      db
        .prepare<[], { id: number; probe_id: string }>('SELECT id, probe_id FROM result_probes')
        .all()
        .map((p) => [p.id, p.probe_id]),
    );
    return db
      .prepare<[], ResultRow>('SELECT * FROM results ORDER BY id')
      .all()
      .map((row) => {
        const s = series.get(row.series)!;
        return resultFromRow(row, probes.get(row.probe)!, s.monitor_id, s.region);
      });
  });
}

/** Every rollup bucket in a closed store file (unpacked from its run), comparable and sorted by key. */
export function readStoredRollups(path: string): ComparableRollup[] {
  return withFile(path, (db) => {
    const series = new Map(
      db
        .prepare<[], { id: number; monitor_id: string; region: string }>(
          'SELECT id, monitor_id, region FROM series',
        )
        .all()
        .map((s) => [s.id, s]),
    );
    const runs = db
      .prepare<[], { resolution: ResolutionIndex; start: number; line: number; buckets: Buffer }>(
        'SELECT * FROM rollup_runs',
      )
      .all();
    const out: ComparableRollup[] = [];
    for (const run of runs) {
      const s = series.get(Math.abs(run.line))!;
      const entries = runEntries(run.buckets, run.resolution);
      if (entries === null) throw new Error(`run ${run.line}/${run.resolution}@${run.start} does not decode`);
      for (const entry of entries) {
        const bucket = entryBucket(
          entry.bytes,
          entry.index,
          run.resolution,
          run.start,
          s.monitor_id,
          s.region,
        );
        if (bucket === null)
          throw new Error(`run ${run.line}/${run.resolution}@${run.start} has a bad entry`);
        out.push(comparable(bucket));
      }
    }
    return sortByKey(out);
  });
}

/**
 * The rollup rows the store should hold for these raw results, computed independently of ingest
 * with shared's `foldResults` and `rollupRange`: per region, and for `*` (all regions together).
 */
export function expectedRollups(
  results: readonly CheckResult[],
  resolutions: readonly Resolution[] = RESOLUTIONS,
): ComparableRollup[] {
  const all = results.map((r) => ({ ...r, region: ALL_REGIONS }));
  const out: ComparableRollup[] = [];
  for (const input of [results, all]) {
    const minutes = foldResults(input, 'minute');
    for (const resolution of resolutions) {
      const buckets = resolution === 'minute' ? minutes : rollupRange(minutes, resolution);
      for (const bucket of buckets) out.push(comparable(bucket));
    }
  }
  return sortByKey(out);
}

function comparable(bucket: RollupBucket): ComparableRollup {
  const row = encodeBucket(bucket);
  return {
    key: keyOf(row.monitorId, row.region, row.resolution, row.start),
    up: row.up,
    degraded: row.degraded,
    down: row.down,
    maintenance: row.maintenance,
    latencySumUs: row.latencySumUs,
    latencyMinUs: row.latencyMinUs,
    latencyMaxUs: row.latencyMaxUs,
    sketch: Buffer.from(row.sketch).toString('hex'),
  };
}

function sortByKey(rows: ComparableRollup[]): ComparableRollup[] {
  return rows.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

/** What ingest derives per series and probe besides rollups, keyed `series:<id>` or `probe:<id>`. */
export type Heads = Record<string, { lastTs?: number | null; lastId?: number | null; maxSeq?: number }>;

/**
 * The series heads (newest healthy check time, chain head) and probe high-water marks a closed
 * store file holds, and the same recomputed from its raw rows alone.
 */
export function readHeads(path: string): { stored: Heads; recomputed: Heads } {
  return withFile(path, (db) => {
    const stored: Heads = {};
    const recomputed: Heads = {};
    const series = db
      .prepare<
        [],
        { id: number; monitor_id: string; region: string; last_ts: number | null; last_id: number | null }
      >('SELECT id, monitor_id, region, last_ts, last_id FROM series')
      .all();
    const rows = db
      .prepare<[], { series: number; id: number; ts: number; healthy: number }>(
        'SELECT series, id, ts, probe_healthy AS healthy FROM results ORDER BY id',
      )
      .all();
    const monitorOf = new Map(series.map((s) => [s.id, s.monitor_id]));
    const starOf = new Map(series.filter((s) => s.region === ALL_REGIONS).map((s) => [s.monitor_id, s.id]));
    for (const s of series) {
      stored[`series:${s.id}`] = { lastTs: s.last_ts, lastId: s.last_id };
      recomputed[`series:${s.id}`] = { lastTs: null, lastId: null };
    }
    for (const row of rows) {
      const own = recomputed[`series:${row.series}`]!;
      own.lastId = row.id;
      if (row.healthy !== 1) continue;
      const star = recomputed[`series:${starOf.get(monitorOf.get(row.series)!)}`]!;
      for (const head of [own, star]) head.lastTs = Math.max(head.lastTs ?? row.ts, row.ts);
    }
    for (const p of db
      .prepare<[], { id: number; max_seq: number }>('SELECT id, max_seq FROM result_probes')
      .all()) {
      stored[`probe:${p.id}`] = { maxSeq: p.max_seq };
      const max = db
        .prepare<[number], number>('SELECT max(seq) FROM results WHERE probe = ?')
        .pluck()
        .get(p.id);
      recomputed[`probe:${p.id}`] = { maxSeq: max ?? 0 };
    }
    return { stored, recomputed };
  });
}
