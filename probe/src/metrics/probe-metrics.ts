import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';

/** Live values the metrics read at scrape time instead of being pushed. */
export interface MetricSources {
  spoolDepth: () => number;
  checksRunning: () => number;
  checksWaiting: () => number;
  monitorsScheduled: () => number;
}

/** Who this probe is, exported as the labels of `vantage_probe_info`. */
export interface ProbeInfo {
  version: string;
  probeId: string;
  region: string;
}

/** The probe's Prometheus metrics on a registry of its own, so several probes can share a process. */
export interface ProbeMetrics {
  registry: Registry;
  /** Finished checks by monitor type and outcome (`up`, `degraded`, `down`, `error`). */
  checks: Counter<'type' | 'outcome'>;
  /** Actual start minus due time of scheduled checks, in seconds. */
  lateness: Histogram;
  /** Due times skipped because the monitor's previous check had not finished. */
  overlaps: Counter;
  /** Results dropped because the spool was full. */
  spoolDropped: Counter<'reason'>;
  /** Results sent to the relay (resends included). */
  resultsSent: Counter;
  /** 1 while a session with the relay is established, else 0. */
  relayConnected: Gauge;
  /** Connection attempts to the relay. */
  relayConnects: Counter<'outcome'>;
  /** 1 while the probe's canaries pass, else 0. */
  healthy: Gauge;
}

const LATENESS_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];

/**
 * Creates the probe's metrics; `sources` are read on every scrape. Node's process metrics are
 * left out when `processMetrics` is false: a probe inside the desktop shares its process with the
 * embedded relay, which reports them already (each set samples the event loop on a timer of its own).
 */
export function createProbeMetrics(
  info: ProbeInfo,
  sources: MetricSources,
  processMetrics = true,
): ProbeMetrics {
  const registry = new Registry();
  if (processMetrics) {
    // prom-client samples event-loop delay every 10 ms by default: 100 wake-ups a second of an
    // otherwise idle daemon. 100 ms still catches the stalls that matter to a check's timing.
    collectDefaultMetrics({
      register: registry,
      prefix: 'vantage_probe_',
      eventLoopMonitoringPrecision: 100,
    });
  }
  const registers = [registry];
  new Gauge({
    name: 'vantage_probe_info',
    help: 'Probe version, id and region; always 1',
    labelNames: ['version', 'probe_id', 'region'],
    registers,
  }).set({ version: info.version, probe_id: info.probeId, region: info.region }, 1);
  const gauge = (name: string, help: string, read: () => number) =>
    new Gauge({
      name,
      help,
      registers,
      collect() {
        this.set(read());
      },
    });
  gauge('vantage_probe_spool_depth', 'Results in the spool waiting for an ack', sources.spoolDepth);
  gauge('vantage_probe_checks_running', 'Checks running right now', sources.checksRunning);
  gauge('vantage_probe_checks_waiting', 'Due checks waiting for a free slot', sources.checksWaiting);
  gauge('vantage_probe_monitors', 'Monitors scheduled on this probe', sources.monitorsScheduled);
  return {
    registry,
    checks: new Counter({
      name: 'vantage_probe_checks_total',
      help: 'Finished checks by monitor type and outcome',
      labelNames: ['type', 'outcome'],
      registers,
    }),
    lateness: new Histogram({
      name: 'vantage_probe_schedule_lateness_seconds',
      help: 'How late scheduled checks started (actual start minus due time)',
      buckets: LATENESS_BUCKETS,
      registers,
    }),
    overlaps: new Counter({
      name: 'vantage_probe_checks_overlapped_total',
      help: "Due times skipped because the monitor's previous check had not finished",
      registers,
    }),
    spoolDropped: new Counter({
      name: 'vantage_probe_spool_dropped_total',
      help: 'Results dropped because the spool reached its bound',
      labelNames: ['reason'],
      registers,
    }),
    resultsSent: new Counter({
      name: 'vantage_probe_results_sent_total',
      help: 'Results sent to the relay',
      registers,
    }),
    relayConnected: new Gauge({
      name: 'vantage_probe_relay_connected',
      help: '1 while a session with the relay is established',
      registers,
    }),
    relayConnects: new Counter({
      name: 'vantage_probe_relay_connects_total',
      help: 'Connection attempts to the relay by outcome',
      labelNames: ['outcome'],
      registers,
    }),
    healthy: new Gauge({
      name: 'vantage_probe_healthy',
      help: "1 while the probe's canaries pass",
      registers,
    }),
  };
}
