import type { CheckState } from '@vantage/shared';
import type Database from 'better-sqlite3';
import { STATE_CODE, STATE_OF } from './result-row.js';
import { decodeRecentHours, emptyRecentHours, encodeRecentHours, type RecentHours } from './recent-hours.js';
import { ALL_REGIONS } from './rollup-rows.js';

/** The newest check of a series (by check time). */
export interface LastCheck {
  ts: number;
  state: CheckState;
  latencyMs: number;
  message: string;
}

/**
 * One monitor in one region, or in all (`*`): the integer key its raw results and rollup rows
 * carry, and its newest check.
 */
export interface SeriesEntry {
  readonly id: number;
  readonly monitorId: string;
  readonly region: string;
  /** The newest check from a healthy probe (those the rollups count); its time is the rollups' frontier. */
  last: LastCheck | null;
  /** The id of the newest raw row of this series: the head of the chain its rows' `prev` links form. */
  lastId: number | null;
  /** For `*` series: the newest hours' counts (see RecentHours); null when unknown (read the runs). */
  recentHours: RecentHours | null;
}

/** One probe: the integer key its raw results carry and the highest seq ever stored from it. */
export interface ProbeEntry {
  readonly id: number;
  readonly probeId: string;
  maxSeq: number;
}

/**
 * The key of a series' rollup rows: its id for a region, minus its id for `*`, so that in the
 * time-major rollups every monitor's all-regions row of one bucket sorts before the region rows.
 */
export function lineKey(entry: SeriesEntry): number {
  return entry.region === ALL_REGIONS ? -entry.id : entry.id;
}

interface SeriesRow {
  id: number;
  monitor_id: string;
  region: string;
  last_ts: number | null;
  last_state: number | null;
  last_latency_us: number | null;
  last_message: string | null;
  last_id: number | null;
  recent_hours: string | null;
}

type SaveLast = [
  number | null,
  number | null,
  number | null,
  string | null,
  number | null,
  string | null,
  number,
];

/**
 * The `series` and `result_probes` dictionaries, held whole in memory (a few thousand rows).
 * Ingest changes entries in place and records them with {@link markChanged}; {@link saveChanges}
 * writes them inside the same transaction, and {@link reload} forgets everything after a rollback.
 */
export class SeriesIndex {
  readonly #regions = new Map<string, Map<string, SeriesEntry>>();
  readonly #stars = new Map<string, SeriesEntry>();
  readonly #byId = new Map<number, SeriesEntry>();
  readonly #probes = new Map<string, ProbeEntry>();
  readonly #probesById = new Map<number, ProbeEntry>();
  readonly #changedSeries = new Set<SeriesEntry>();
  readonly #changedProbes = new Set<ProbeEntry>();
  readonly #insertSeries: Database.Statement<[string, string], { id: number }>;
  readonly #insertProbe: Database.Statement<[string], { id: number }>;
  readonly #saveLast: Database.Statement<SaveLast>;
  readonly #saveSeq: Database.Statement<[number, number]>;

  constructor(private readonly db: Database.Database) {
    this.#insertSeries = db.prepare('INSERT INTO series (monitor_id, region) VALUES (?, ?) RETURNING id');
    this.#insertProbe = db.prepare(
      'INSERT INTO result_probes (probe_id, max_seq) VALUES (?, 0) RETURNING id',
    );
    this.#saveLast = db.prepare(
      `UPDATE series SET last_ts = ?, last_state = ?, last_latency_us = ?, last_message = ?, last_id = ?,
         recent_hours = ? WHERE id = ?`,
    );
    this.#saveSeq = db.prepare('UPDATE result_probes SET max_seq = ? WHERE id = ?');
    this.reload();
  }

  /** Reads both dictionaries from the database, dropping whatever memory held. */
  reload(): void {
    this.#regions.clear();
    this.#stars.clear();
    this.#byId.clear();
    this.#probes.clear();
    this.#probesById.clear();
    this.#changedSeries.clear();
    this.#changedProbes.clear();
    for (const row of this.db.prepare<[], SeriesRow>('SELECT * FROM series').all()) {
      const last: LastCheck | null =
        row.last_ts === null
          ? null
          : {
              ts: row.last_ts,
              state: STATE_OF[row.last_state ?? 2] ?? 'down',
              latencyMs: (row.last_latency_us ?? 0) / 1000,
              message: row.last_message ?? '',
            };
      this.#add({
        id: row.id,
        monitorId: row.monitor_id,
        region: row.region,
        last,
        lastId: row.last_id,
        recentHours: row.region === ALL_REGIONS ? decodeRecentHours(row.recent_hours) : null,
      });
    }
    const probes = this.db
      .prepare<[], { id: number; probe_id: string; max_seq: number }>('SELECT * FROM result_probes')
      .all();
    for (const row of probes) this.#addProbe({ id: row.id, probeId: row.probe_id, maxSeq: row.max_seq });
  }

  /** The series of a monitor in a region (or `*`), created inside the caller's transaction on first use. */
  series(monitorId: string, region: string): SeriesEntry {
    const entry = this.find(monitorId, region);
    if (entry !== undefined) return entry;
    const id = this.#insertSeries.get(monitorId, region)!.id;
    return this.#add({ id, monitorId, region, last: null, lastId: null, recentHours: emptyRecentHours() });
  }

  /** The series of a monitor in a region (or `*`), if it exists. */
  find(monitorId: string, region: string): SeriesEntry | undefined {
    return region === ALL_REGIONS ? this.#stars.get(monitorId) : this.#regions.get(monitorId)?.get(region);
  }

  /** The probe entry of a probe id, created on first use. */
  probe(probeId: string): ProbeEntry {
    const entry = this.#probes.get(probeId);
    if (entry !== undefined) return entry;
    const id = this.#insertProbe.get(probeId)!.id;
    return this.#addProbe({ id, probeId, maxSeq: 0 });
  }

  /** The series with this id (region or `*`), if any. */
  byId(id: number): SeriesEntry | undefined {
    return this.#byId.get(id);
  }

  /** The probe with this key, if any. */
  probeById(id: number): ProbeEntry | undefined {
    return this.#probesById.get(id);
  }

  /** The region series of a monitor, one per region that reported. */
  seriesOf(monitorId: string): SeriesEntry[] {
    const regions = this.#regions.get(monitorId);
    return regions === undefined ? [] : [...regions.values()];
  }

  /** Records that an entry changed in memory and must be written by {@link saveChanges}. */
  markChanged(entry: SeriesEntry | ProbeEntry): void {
    if ('maxSeq' in entry) this.#changedProbes.add(entry);
    else this.#changedSeries.add(entry);
  }

  /** Writes the entries changed since the last save; call inside the batch's transaction. */
  saveChanges(): void {
    for (const s of this.#changedSeries) {
      const last = s.last;
      this.#saveLast.run(
        last?.ts ?? null,
        last === null ? null : STATE_CODE[last.state],
        last === null ? null : Math.round(last.latencyMs * 1000),
        last?.message ?? null,
        s.lastId,
        s.region === ALL_REGIONS && s.recentHours !== null ? encodeRecentHours(s.recentHours) : null,
        s.id,
      );
    }
    for (const p of this.#changedProbes) this.#saveSeq.run(p.maxSeq, p.id);
    this.#changedSeries.clear();
    this.#changedProbes.clear();
  }

  #add(entry: SeriesEntry): SeriesEntry {
    this.#byId.set(entry.id, entry);
    if (entry.region === ALL_REGIONS) {
      this.#stars.set(entry.monitorId, entry);
      return entry;
    }
    let regions = this.#regions.get(entry.monitorId);
    if (regions === undefined) {
      regions = new Map();
      this.#regions.set(entry.monitorId, regions);
    }
    regions.set(entry.region, entry);
    return entry;
  }

  #addProbe(entry: ProbeEntry): ProbeEntry {
    this.#probes.set(entry.probeId, entry);
    this.#probesById.set(entry.id, entry);
    return entry;
  }
}
