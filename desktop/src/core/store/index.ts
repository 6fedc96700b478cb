import type { CheckResult, LoggedResult } from '@vantage/shared';
import type Database from 'better-sqlite3';
import type { BulkLines } from './bulk-lines.js';
import { type BulkBucketsQuery, BulkRangeBuckets } from './bulk-range-buckets.js';
import { DashboardHours } from './dashboard-hours.js';
import { DashboardQuery, type MonitorSummary } from './dashboard-summary.js';
import { ensureDesktopId } from './desktop-identity.js';
import { type ChartQuery, type ChartSeries, HistoryQueries } from './history-queries.js';
import { IncidentRepo } from './incident-repo.js';
import { MonitorRepo } from './monitor-repo.js';
import { NotificationLog } from './notification-log.js';
import { PendingChangeRepo } from './pending-change-repo.js';
import { describeOpenError, type OpenDatabaseOptions, openDesktopDatabase } from './open-desktop-database.js';
import { ProbeRepo } from './probe-repo.js';
import { type RangeBuckets, RangeRollups } from './range-rollups.js';
import { RelayLinkRepo } from './relay-link-repo.js';
import {
  type CheckpointPolicy,
  DEFAULT_CHECKPOINT,
  type IngestOutcome,
  type IngestPosition,
  ResultIngest,
} from './result-ingest.js';
import { daysToMs, type PruneOutcome, Retention } from './retention.js';
import { RollupCache } from './rollup-cache.js';
import { SeriesIndex } from './series-index.js';
import { SettingsRepo } from './settings-repo.js';
import { SyncStateRepo } from './sync-state-repo.js';
import { VerdictRepo } from './verdict-repo.js';

export type { BulkLines } from './bulk-lines.js';
export type { BulkBucketsQuery } from './bulk-range-buckets.js';
export type { MonitorSummary, HourBar, RegionLastCheck } from './dashboard-summary.js';
export { DASHBOARD_HOURS } from './dashboard-summary.js';
export { DesktopSettings, DEFAULT_SETTINGS, SettingsPatch } from './desktop-settings.js';
export { DESKTOP_SCHEMA_VERSION } from './desktop-migrations.js';
export { ChartQuery, type ChartPoint, type ChartSeries, chartResolution } from './history-queries.js';
export type { IncidentQuery } from './incident-repo.js';
export type { MonitorRecord, UnreadableMonitor } from './monitor-repo.js';
export { SentNotification } from './notification-log.js';
export { monitorIdOf, PendingChange, type PendingEntry } from './pending-change-repo.js';
export type { RangeBuckets } from './range-rollups.js';
export type { RelayLink } from './relay-link-repo.js';
export type { CheckpointPolicy, IngestOutcome, IngestPosition } from './result-ingest.js';
export type { PruneOutcome } from './retention.js';
export { ALL_REGIONS, ROLLUP_RETENTION_MS } from './rollup-rows.js';
export type { LastCheck } from './series-index.js';
export { tallyBuckets } from './lazy-bucket.js';
export { DesktopStoreError, StoreErrorCode } from './store-errors.js';
export type { SyncPosition } from './sync-state-repo.js';
export type { StoredVerdict } from './verdict-repo.js';

/** How to open the store. */
export interface DesktopStoreOptions extends OpenDatabaseOptions {
  /** The clock (epoch ms): retention, the dashboard's window and timestamps read it. */
  now?: () => number;
  /** When ingest writes rollups and series heads (tests shorten it); see CheckpointPolicy. */
  checkpoint?: Partial<CheckpointPolicy>;
}

/** The desktop's local store: configuration, history and sync position in one SQLite file. */
export interface DesktopStore {
  /** The database file. */
  readonly path: string;
  /** The id this desktop presents to relays, created on first open and kept. */
  readonly desktopId: string;
  /** Typed settings with defaults. */
  readonly settings: SettingsRepo;
  /** Monitor configurations, validated with shared's schema. */
  readonly monitors: MonitorRepo;
  /** Incidents as the evaluator reports them, with their timelines. */
  readonly incidents: IncidentRepo;
  /** Probes as the relay reports them. */
  readonly probes: ProbeRepo;
  /** Notifications the desktop showed. */
  readonly notifications: NotificationLog;
  /** Read positions in relays' result logs. */
  readonly sync: SyncStateRepo;
  /** Local monitor changes a relay has not accepted yet, oldest first. */
  readonly pendingChanges: PendingChangeRepo;
  /** The relay's last verdict per monitor. */
  readonly verdicts: VerdictRepo;
  /** Relays whose monitor set was reconciled with this desktop's. */
  readonly relayLinks: RelayLinkRepo;
  /** Stores a page of a relay's result log exactly once, with its cursor, in one transaction; rollups follow at checkpoints. */
  ingestResults(results: readonly LoggedResult[], position: IngestPosition): IngestOutcome;
  /** Writes the rollups and series heads ingest holds in memory now (reads, retention and close do it themselves). */
  checkpoint(): void;
  /** A monitor's chart over a range, from rollups at the resolution the range calls for. */
  chartSeries(query: ChartQuery): ChartSeries;
  /** A monitor's decoded rollup buckets over a range (at the chart's resolution), to merge into range figures. */
  rangeBuckets(query: ChartQuery): RangeBuckets;
  /** Many monitors' buckets of one line (all regions unless a region is named) at one resolution over a range, read at once, sketches decoded on first use. */
  bulkBuckets(query: BulkBucketsQuery): BulkLines;
  /** A monitor's newest raw checks, newest first. */
  lastChecks(monitorId: string, n: number, region?: string): CheckResult[];
  /** Every monitor's (or those among `ids`) state, latency, per-region state, 24 h uptime and hourly bars. */
  dashboardSummary(ids?: Iterable<string>): MonitorSummary[];
  /** Deletes raw results and fine rollups past their retention. */
  pruneHistory(): PruneOutcome;
  /** Writes what ingest holds in memory, then closes the database; the store is unusable afterwards. */
  close(): void;
}

/**
 * Opens (creating and migrating as needed) the store at `path`. Throws a {@link DesktopStoreError}
 * naming the path when the file is corrupt, locked by another process or from a newer Vantage.
 */
export function openDesktopStore(path: string, options: DesktopStoreOptions = {}): DesktopStore {
  const now = options.now ?? Date.now;
  const db = openDesktopDatabase(path, options);
  try {
    return assemble(db, path, now, { ...DEFAULT_CHECKPOINT, ...options.checkpoint });
  } catch (error) {
    db.close();
    throw describeOpenError(error, path);
  }
}

function assemble(
  db: Database.Database,
  path: string,
  now: () => number,
  policy: CheckpointPolicy,
): DesktopStore {
  const settings = new SettingsRepo(db);
  const monitors = new MonitorRepo(db, now);
  const series = new SeriesIndex(db);
  const rawRetentionMs = () => daysToMs(settings.get().rawRetentionDays);
  const rollups = new RollupCache(db, series);
  const ingest = new ResultIngest(db, series, rollups, { now, rawRetentionMs }, policy);
  // Every read of rollup rows first writes what ingest holds, so no read sees the checkpoint lag.
  const settled = <T>(read: () => T): T => {
    ingest.checkpoint();
    return read();
  };
  const hours = new DashboardHours(db, series, () => ingest.checkpoint());
  rollups.onCommit(hours.note);
  const history = new HistoryQueries(db, series, now);
  const dashboard = new DashboardQuery(monitors, series, hours, now);
  const retention = new Retention(db);
  const ranges = new RangeRollups(db, series, now);
  const bulk = new BulkRangeBuckets(db, series);
  return {
    path,
    desktopId: ensureDesktopId(db),
    settings,
    monitors,
    incidents: new IncidentRepo(db),
    probes: new ProbeRepo(db),
    notifications: new NotificationLog(db),
    sync: new SyncStateRepo(db),
    pendingChanges: new PendingChangeRepo(db),
    verdicts: new VerdictRepo(db),
    relayLinks: new RelayLinkRepo(db),
    ingestResults: (results, position) => ingest.ingestResults(results, position),
    checkpoint: () => ingest.checkpoint(),
    chartSeries: (query) => settled(() => history.chartSeries(query)),
    rangeBuckets: (query) => settled(() => ranges.buckets(query)),
    bulkBuckets: (query) => settled(() => bulk.read(query)),
    lastChecks: (monitorId, n, region) => history.lastChecks(monitorId, n, region),
    dashboardSummary: (ids) => dashboard.dashboardSummary(ids),
    pruneHistory: () => {
      // Written first: the rows retention deletes must not be ones a later replay would need.
      const outcome = settled(() => retention.prune(now(), rawRetentionMs()));
      // Retention may have rewritten a run ingest holds in memory: read runs afresh, but only
      // then (reloading every line's runs costs a burst of reads, and most passes remove none).
      if (outcome.minuteRollups + outcome.hourRollups > 0) rollups.reset();
      return outcome;
    },
    close: () => {
      try {
        ingest.checkpoint();
      } finally {
        db.close();
      }
    },
  };
}
