import type { IncomingHttpHeaders } from 'node:http';
import type WebSocket from 'ws';
import { EvaluationService, type EvaluationTiming } from '../evaluation/evaluation-service.js';
import {
  type IncidentListener,
  type IncidentListenerOptions,
  IncidentListeners,
  type StatusChangeListener,
} from '../evaluation/incident-listeners.js';
import { type MaintenanceLookup, markingMaintenance } from '../evaluation/maintenance-marks.js';
import { createStatusService } from '../evaluation/status-service.js';
import { InProcessAssignmentFanout } from '../fanout/assignment-fanout.js';
import { InProcessLiveFeed, type LiveResultsListener } from '../fanout/live-feed.js';
import { createMonitorService } from '../monitors/monitor-service.js';
import type { RelayContext } from '../relay-context.js';
import { acceptConnection, type ConnectionDeps, TOKEN_RATE_SHARE } from './accept-connection.js';
import { CheckRouter } from './check-router.js';
import { CloseCode } from './close-codes.js';
import { DesktopDirectory } from './desktop-directory.js';
import type { HubServices } from './hub-services.js';
import type { PeerSocket } from './peer-socket.js';
import { ProbeDirectory } from './probe-directory.js';
import { RateMeter } from './rate-meter.js';
import { TokenBucket } from './token-bucket.js';

/** Timing knobs; the defaults suit production, tests shorten them. */
export interface HubOptions extends Partial<EvaluationTiming> {
  /** Milliseconds a new connection has to send `hello` (default 5000). */
  helloTimeoutMs?: number;
  /** Fixed deadline for one-off checks instead of one derived from the monitor's timeout. */
  checkDeadlineMs?: number;
  /** Milliseconds between pings to every client; one without a pong by the next is dropped (default 30,000). */
  heartbeatMs?: number;
}

/** Figures for `/metrics`. */
export interface HubMetrics {
  /** Connected probes per region. */
  probesByRegion: Record<string, number>;
  /** Connected desktops. */
  desktops: number;
  /** Open WebSocket connections, authenticated or not. */
  connections: number;
  /** Results stored per second, averaged over the last 10 s. */
  resultsPerSecond: number;
  /** Results stored since start. */
  resultsIngestedTotal: number;
  /** Results in the log. */
  logSize: number;
  /** Stored results the evaluator has not seen yet (non-zero only while catching up). */
  evaluationLagResults: number;
  /** One-off checks waiting for a probe. */
  checksPending: number;
}

/** The request details the hub reads from the WebSocket upgrade. */
export interface UpgradeRequest {
  remoteAddress?: string;
  headers: IncomingHttpHeaders;
}

/** The relay's hub: WebSocket sessions, ingest, fan-out and server-side evaluation. */
export interface Hub {
  /** Takes over a socket from the `/ws` route; the hub owns it from here. */
  handleSocket(socket: WebSocket, request: UpgradeRequest): void;
  /** Monitor, status and incident operations shared by the WebSocket protocol and the REST API. */
  readonly services: HubServices;
  metrics(): HubMetrics;
  /**
   * Registers a listener for incident changes (opened, updated, acknowledged, resolved). This is
   * where alert delivery plugs in; see IncidentListeners for the guarantees.
   */
  onIncident(listener: IncidentListener, options?: IncidentListenerOptions): () => void;
  /** Registers a listener for monitor status changes (degraded alerts), in order with incident changes. */
  onStatusChange(listener: StatusChangeListener, options?: IncidentListenerOptions): () => void;
  /** Registers a listener for committed results, in log order (certificate-expiry alerts). */
  onResults(listener: LiveResultsListener): () => void;
  /** Starts or ends a maintenance window for one monitor (the alert module's scheduler calls it). */
  setMaintenance(monitorId: string, active: boolean): void;
  /** Whether a monitor is in a maintenance window now (results of other sources are marked by it). */
  inMaintenance(monitorId: string): boolean;
  /** Whether a monitor was in a maintenance window when a result was taken (`at`); marks results. */
  maintenanceAt(monitorId: string, at: number): boolean;
  /** Installs the lookup `maintenanceAt` uses (the alert module's calendar of windows). */
  useMaintenanceCalendar(lookup: MaintenanceLookup): void;
  /** Stops accepting, commits and acks pending results, closes every connection, saves evaluation state. */
  close(): Promise<void>;
}

/**
 * Builds the hub over a context: restores evaluation from storage (replaying the log after its
 * snapshot), then serves sockets handed to `handleSocket`. Call `close` before closing storage.
 */
export function createHub(ctx: RelayContext, options: HubOptions = {}): Hub {
  const log = ctx.log.child({ part: 'hub' });
  const now = () => ctx.now();
  const { storage } = ctx;
  const listenerError = (error: unknown) => log.error({ err: error }, 'fan-out listener failed');
  const fanout = new InProcessAssignmentFanout(listenerError);
  const feed = new InProcessLiveFeed(listenerError);
  const listeners = new IncidentListeners(log);
  const desktops = new DesktopDirectory();
  const evaluation = new EvaluationService(ctx, (frame) => desktops.broadcast(frame), listeners, {
    tickMs: options.tickMs ?? 1000,
    snapshotMs: options.snapshotMs ?? 30_000,
  });
  const monitors = createMonitorService(storage.monitors, fanout, now);
  const probes = new ProbeDirectory(
    storage.probes,
    {
      changed: (info) => desktops.broadcast({ type: 'event.probe', ...info }),
      health: (probeId, region, healthy) => evaluation.applyProbeHealth(probeId, region, healthy),
    },
    now,
    log,
  );
  const checks = new CheckRouter(probes, monitors, log, options.checkDeadlineMs);
  // Until alerting installs its calendar of windows, the evaluator's state now is the best guess.
  let maintenanceAt: MaintenanceLookup = (monitorId) => evaluation.inMaintenance(monitorId);
  const services: HubServices = {
    monitors,
    status: createStatusService(monitors, evaluation, storage.incidents, probes),
    incidents: { ack: (incidentId, by) => evaluation.acknowledge(incidentId, by) },
  };

  evaluation.start();
  const ingest = new RateMeter(now);
  const unsubscribe = [
    storage.results.onCommit((inserted) => {
      ingest.add(inserted.length);
      feed.publish(inserted);
    }),
    feed.subscribe((results) => evaluation.applyResults(results)),
    fanout.subscribe((change) => {
      evaluation.applyMonitorChange(change);
      const { revision, upserted, deleted } = change;
      desktops.broadcast({ type: 'event.monitors', revision, upserted, deleted }, change.originSessionId);
    }),
  ];

  const tokenBuckets = new Map<string, TokenBucket>();
  const peers = new Set<PeerSocket>();
  const { limits } = ctx;
  const deps: ConnectionDeps = {
    ctx,
    log,
    helloTimeoutMs: options.helloTimeoutMs ?? 5000,
    probe: {
      // Marked by when each result was taken, so a spool uploaded after a window still counts in it.
      results: markingMaintenance(storage.results, (monitorId, at) => maintenanceAt(monitorId, at)),
      monitors,
      fanout,
      probes,
      checks,
      maxFrameBytes: limits.maxFrameBytes,
    },
    desktop: {
      services,
      storage,
      feed,
      checks,
      maxFrameBytes: limits.maxFrameBytes,
      desktopQueueLimit: limits.desktopQueueLimit,
      now,
    },
    desktops,
    peers,
    tokenBucket(tokenId) {
      let bucket = tokenBuckets.get(tokenId);
      if (bucket === undefined) {
        bucket = new TokenBucket(
          limits.messagesPerSecond * TOKEN_RATE_SHARE,
          limits.messageBurst * TOKEN_RATE_SHARE,
          now,
        );
        tokenBuckets.set(tokenId, bucket);
      }
      return bucket;
    },
  };

  const heartbeat = setInterval(() => {
    for (const peer of peers) peer.heartbeat();
  }, options.heartbeatMs ?? 30_000);
  heartbeat.unref();

  let closing: Promise<void> | undefined;
  async function close(): Promise<void> {
    clearInterval(heartbeat);
    // Results already received are committed and acked before the sockets go, so probes drop them.
    await storage.results.flush();
    const closed = [...peers].map(
      (peer) =>
        new Promise<void>((resolve) => (peer.open ? peer.socket.once('close', () => resolve()) : resolve())),
    );
    for (const peer of peers) peer.close(CloseCode.goingAway, 'relay shutting down');
    await Promise.race([Promise.all(closed), new Promise((resolve) => setTimeout(resolve, 2000).unref())]);
    // Batches that arrived while the first flush ran: stored now, acked by the next relay (idempotently).
    await storage.results.flush();
    for (const stop of unsubscribe) stop();
    evaluation.close();
    log.info('hub closed');
  }

  return {
    handleSocket(socket, request) {
      if (closing !== undefined) {
        socket.close(CloseCode.goingAway, 'relay shutting down');
        return;
      }
      try {
        acceptConnection(socket, request.remoteAddress ?? 'unknown', deps);
      } catch (error) {
        log.error({ err: error }, 'could not accept a connection');
        socket.terminate();
      }
    },
    services,
    metrics: () => ({
      probesByRegion: probes.countByRegion(),
      desktops: desktops.size,
      connections: peers.size,
      resultsPerSecond: ingest.perSecond(),
      resultsIngestedTotal: ingest.total,
      logSize: storage.results.count(),
      evaluationLagResults: Math.max(0, storage.results.headCursor() - evaluation.cursor),
      checksPending: checks.pending,
    }),
    onIncident: (listener, options) => listeners.add(listener, options),
    onStatusChange: (listener, options) => listeners.addStatus(listener, options),
    onResults: (listener) => feed.subscribe(listener),
    setMaintenance: (monitorId, active) => evaluation.applyMaintenance(monitorId, active),
    inMaintenance: (monitorId) => evaluation.inMaintenance(monitorId),
    maintenanceAt: (monitorId, at) => maintenanceAt(monitorId, at),
    useMaintenanceCalendar(lookup) {
      maintenanceAt = lookup;
    },
    close() {
      closing ??= close();
      return closing;
    },
  };
}
