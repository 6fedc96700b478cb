import { statSync } from 'node:fs';
import { Counter, collectDefaultMetrics, Gauge, Registry } from 'prom-client';
import type { HubMetrics } from '../hub/index.js';

/** Where the metrics read live figures at scrape time. */
export interface RelayMetricSources {
  hub(): HubMetrics;
  /** Bytes of the database on disk; 0 when not file-backed. */
  databaseBytes(): number;
}

/** The relay's Prometheus metrics, on a registry of its own so several relays can share a process. */
export interface RelayMetrics {
  registry: Registry;
  /** Results deleted by the retention job. */
  retentionDeleted: Counter;
}

/**
 * Creates the relay's metrics, all prefixed `vantage_relay_`: who is connected, how fast results
 * arrive, how big the log is, how far evaluation lags, plus Node's process metrics.
 */
export function createRelayMetrics(version: string, sources: RelayMetricSources): RelayMetrics {
  const registry = new Registry();
  // Event-loop delay sampled every 100 ms, not prom-client's 10 ms (100 wake-ups a second at idle).
  collectDefaultMetrics({ register: registry, prefix: 'vantage_relay_', eventLoopMonitoringPrecision: 100 });
  const registers = [registry];
  new Gauge({
    name: 'vantage_relay_info',
    help: 'Relay version; always 1',
    labelNames: ['version'],
    registers,
  }).set({ version }, 1);
  // One reading of the hub per scrape, however many gauges use it.
  let cached: { at: number; value: HubMetrics } | undefined;
  const hub = (): HubMetrics => {
    const now = Date.now();
    if (!cached || now - cached.at > 250) cached = { at: now, value: sources.hub() };
    return cached.value;
  };
  const gauge = (name: string, help: string, read: () => number) =>
    new Gauge({
      name,
      help,
      registers,
      collect() {
        this.set(read());
      },
    });

  const seenRegions = new Set<string>();
  new Gauge({
    name: 'vantage_relay_probes_connected',
    help: 'Probes connected right now, by region',
    labelNames: ['region'],
    registers,
    collect() {
      const byRegion = hub().probesByRegion;
      // A region whose last probe left reads 0 rather than vanishing, so an alert on it can fire.
      for (const region of Object.keys(byRegion)) seenRegions.add(region);
      for (const region of seenRegions) this.set({ region }, byRegion[region] ?? 0);
    },
  });
  gauge('vantage_relay_desktops_connected', 'Desktops connected right now', () => hub().desktops);
  gauge(
    'vantage_relay_connections',
    'Open WebSocket connections, authenticated or not',
    () => hub().connections,
  );
  let reported = 0;
  new Counter({
    name: 'vantage_relay_results_ingested_total',
    help: 'Results stored in the log since the relay started',
    registers,
    collect() {
      const total = hub().resultsIngestedTotal;
      if (total > reported) this.inc(total - reported);
      reported = Math.max(reported, total);
    },
  });
  gauge(
    'vantage_relay_results_per_second',
    'Results stored per second, averaged over the last 10 s',
    () => hub().resultsPerSecond,
  );
  gauge(
    'vantage_relay_evaluation_lag_results',
    'Stored results the evaluator has not processed yet',
    () => hub().evaluationLagResults,
  );
  gauge('vantage_relay_result_log_entries', 'Results retained in the log', () => hub().logSize);
  gauge('vantage_relay_checks_pending', 'One-off checks waiting for a probe', () => hub().checksPending);
  gauge(
    'vantage_relay_database_bytes',
    'Size of the database on disk, write-ahead log included',
    sources.databaseBytes,
  );
  return {
    registry,
    retentionDeleted: new Counter({
      name: 'vantage_relay_retention_deleted_total',
      help: 'Raw results deleted because they were older than the retention',
      registers,
    }),
  };
}

/** Bytes of an SQLite database file and its write-ahead log. */
export function sqliteFileBytes(path: string): number {
  let total = 0;
  for (const file of [path, `${path}-wal`]) {
    try {
      total += statSync(file).size;
    } catch {
      // The WAL file exists only while the database is open in WAL mode.
    }
  }
  return total;
}
