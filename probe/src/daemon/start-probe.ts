import { join } from 'node:path';
import { formatFieldErrors, zodIssuesToFieldErrors } from '@vantage/shared';
import { MonitorAssignments } from '../assignments/monitor-assignments.js';
import { supportedKinds } from '../checks/registry.js';
import { configForLog } from '../config/config-for-log.js';
import { type ProbeConfig, type ProbeConfigInput, ProbeConfigSchema } from '../config/probe-config.js';
import { SelfHealth } from '../health/self-health.js';
import { readOrCreateProbeId } from '../identity/probe-id.js';
import { createLogger, type Logger } from '../logging/create-logger.js';
import { type MetricsServer, startMetricsServer } from '../metrics/metrics-server.js';
import { createProbeMetrics } from '../metrics/probe-metrics.js';
import { RelayLink } from '../relay-link/relay-link.js';
import { CheckScheduler } from '../scheduler/check-scheduler.js';
import { type Clock, systemClock } from '../scheduler/clock.js';
import { LatenessWindow } from '../scheduler/lateness-window.js';
import { ResultSpool } from '../spool/result-spool.js';
import { PROBE_VERSION } from '../version.js';
import { createCheckRunner } from './check-runner.js';

/** Seconds running checks get to finish on shutdown before they are cancelled. */
export const SHUTDOWN_GRACE_MS = 5000;
/** How often the probe reports its health even when nothing changed. */
export const HEALTH_REPORT_INTERVAL_MS = 60_000;

/** A running probe. */
export interface ProbeHandle {
  /** The stable id this probe reports results under. */
  readonly probeId: string;
  /** Port of the metrics server, when one was asked for. */
  readonly metricsPort: number | undefined;
  /** Stops scheduling, lets running checks finish (cancelling them after 5 s), flushes spool and socket. */
  stop(): Promise<void>;
}

/** Outside-world seams of a probe; the defaults are the real ones. */
export interface ProbeDependencies {
  logger?: Logger;
  clock?: Clock;
  /** Whether /metrics includes Node's process metrics (default true; the desktop's in-process probe leaves them to its relay). */
  processMetrics?: boolean;
}

/**
 * Starts a probe: the same daemon whether `vantage-probe` runs it on a VPS or the desktop runs it
 * in-process. The config is validated here too, so an in-process caller gets the same checks.
 */
export async function startProbe(
  input: ProbeConfigInput | ProbeConfig,
  deps: ProbeDependencies = {},
): Promise<ProbeHandle> {
  const parsed = ProbeConfigSchema.safeParse(input);
  if (!parsed.success)
    throw new Error(
      `invalid probe config: ${formatFieldErrors(zodIssuesToFieldErrors(parsed.error.issues))}`,
    );
  const config = parsed.data;
  const clock = deps.clock ?? systemClock;
  const root = deps.logger ?? createLogger(config.logLevel);
  const probeId = config.probeId ?? readOrCreateProbeId(config.dataDir, config.region);
  const logger = root.child({ probeId });
  logger.info({ config: configForLog(config), version: PROBE_VERSION }, 'starting probe');

  const spoolLog = logger.child({ part: 'spool' });
  const spool = ResultSpool.open({
    dir: join(config.dataDir, 'spool'),
    maxResults: config.spoolMaxResults,
    maxBytes: Math.round(config.spoolMaxMb * 1024 * 1024),
    onDrop: (count, reason) => {
      metrics.spoolDropped.inc({ reason }, count);
      spoolLog.warn(
        { dropped: count, reason, floorSeq: spool.floorSeq },
        'spool full; dropped the oldest results',
      );
    },
    onProblem: (message, details) => spoolLog.warn(details ?? {}, message),
  });
  spoolLog.info({ pending: spool.depth, highSeq: spool.highSeq, ackedSeq: spool.ackedSeq }, 'spool opened');

  const lateness = new LatenessWindow();
  const scheduler: CheckScheduler = new CheckScheduler({
    clock,
    concurrency: config.concurrency,
    perHost: config.perHost,
    execute: (run) => runner.runScheduled(run),
    onLateness: (ms) => {
      lateness.record(ms);
      metrics.lateness.observe(ms / 1000);
    },
    onOverlap: (monitor) => {
      metrics.overlaps.inc();
      checkLog.debug({ monitorId: monitor.id }, 'previous check still running; skipped this beat');
    },
  });
  const metrics = createProbeMetrics(
    { version: PROBE_VERSION, probeId, region: config.region },
    {
      spoolDepth: () => spool.depth,
      checksRunning: () => scheduler.running,
      checksWaiting: () => scheduler.waiting,
      monitorsScheduled: () => scheduler.size,
    },
    deps.processMetrics ?? true,
  );
  const checkLog = logger.child({ part: 'checks' });
  const assignments = new MonitorAssignments(
    scheduler,
    supportedKinds,
    logger.child({ part: 'assignments' }),
  );
  const relay = new URL(config.relay);
  const defaultCanary = `${relay.hostname}:${relay.port || (relay.protocol === 'wss:' ? 443 : 80)}`;
  const healthLog = logger.child({ part: 'health' });
  const health = new SelfHealth({
    canaries: config.canaries.length > 0 ? config.canaries : [defaultCanary],
    intervalMs: config.canaryInterval * 1000,
    clock,
    ...(config.sourceAddress ? { sourceAddress: config.sourceAddress } : {}),
    onChange: (state) => {
      metrics.healthy.set(state.healthy ? 1 : 0);
      if (state.healthy) healthLog.info({ canaries: state.canaries }, 'canaries pass again; probe healthy');
      else healthLog.warn({ canaries: state.canaries }, 'every canary failed; probe unhealthy');
      link.sendHealth();
    },
  });
  metrics.healthy.set(1);

  const runner = createCheckRunner({
    probeId,
    region: config.region,
    sourceAddress: config.sourceAddress,
    supportedKinds,
    spool,
    metrics,
    logger: checkLog,
    isHealthy: () => health.state.healthy,
    revision: () => assignments.revision,
    onAppended: () => link.resultsAppended(),
  });

  const link = new RelayLink({
    url: config.relay,
    token: config.token,
    identity: {
      id: probeId,
      name: config.name.slice(0, 100),
      region: config.region,
      version: PROBE_VERSION,
      capabilities: [...supportedKinds],
    },
    spool,
    logger: logger.child({ part: 'relay-link' }),
    handlers: {
      monitorsFull: (message) => assignments.applyFull(message),
      monitorsDiff: (message) => {
        if (!assignments.applyDiff(message))
          link.reconnect('monitor diff skipped a revision; asking for the full set');
      },
      checkRun: (message) => runner.runOneOff(message),
      health: () => {
        const state = health.state;
        const p99 = lateness.quantile(0.99);
        return {
          healthy: state.healthy,
          ts: Date.now(),
          ...(state.reason ? { reason: state.reason.slice(0, 2000) } : {}),
          canaries: state.canaries.map((c) => ({ ...c, target: c.target.slice(0, 500) })),
          ...(p99 !== undefined ? { latenessP99Ms: Math.round(p99 * 1000) / 1000 } : {}),
          spoolDepth: spool.depth,
          version: PROBE_VERSION,
        };
      },
      connection: (connected) => metrics.relayConnected.set(connected ? 1 : 0),
    },
    onResultsSent: (count) => metrics.resultsSent.inc(count),
    onConnectAttempt: (outcome) => metrics.relayConnects.inc({ outcome }),
  });
  metrics.relayConnected.set(0);

  let stopping = false;
  let metricsServer: MetricsServer | undefined;
  if (config.metricsPort !== undefined) {
    metricsServer = await startMetricsServer({
      host: config.metricsHost,
      port: config.metricsPort,
      registry: metrics.registry,
      healthz: () => ({
        ok: health.state.healthy && !stopping,
        healthy: health.state.healthy,
        relayConnected: link.connected,
        monitors: scheduler.size,
        spoolDepth: spool.depth,
        version: PROBE_VERSION,
      }),
    });
    logger.info({ host: config.metricsHost, port: metricsServer.port }, 'serving /metrics and /healthz');
  }

  scheduler.start();
  health.start();
  link.start();
  const healthTimer = setInterval(() => link.sendHealth(), HEALTH_REPORT_INTERVAL_MS);

  let stopped: Promise<void> | undefined;
  async function stop(): Promise<void> {
    stopping = true;
    logger.info({ running: scheduler.running }, 'stopping probe');
    clearInterval(healthTimer);
    health.stop();
    await scheduler.stop(SHUTDOWN_GRACE_MS);
    await link.stop();
    // Read the spool's figures before closing it: a closed spool no longer lists its segments.
    const final = { pending: spool.depth, highSeq: spool.highSeq, ackedSeq: spool.ackedSeq };
    await spool.close();
    await metricsServer?.close();
    logger.info(final, 'probe stopped');
  }

  return {
    probeId,
    metricsPort: metricsServer?.port,
    stop: () => {
      stopped ??= stop();
      return stopped;
    },
  };
}
