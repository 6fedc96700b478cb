import {
  type DesktopIdentity,
  type DesktopToRelay,
  ErrorCode,
  type RawFrame,
  type RelayToDesktopInput,
  type WireError,
} from '@vantage/shared';
import type { LiveFeed } from '../fanout/live-feed.js';
import type { RelayStorage } from '../relay-context.js';
import type { CheckRouter } from './check-router.js';
import { decodeFrame } from './decode-frame.js';
import type { ConnectedDesktop } from './desktop-directory.js';
import type { HubServices } from './hub-services.js';
import type { PeerSocket } from './peer-socket.js';
import { ResultSubscription } from './result-subscription.js';

/** What a desktop session works with. */
export interface DesktopSessionDeps {
  services: HubServices;
  storage: RelayStorage;
  feed: LiveFeed;
  checks: CheckRouter;
  maxFrameBytes: number;
  desktopQueueLimit: number;
  now(): number;
}

type Request = Exclude<DesktopToRelay, { type: 'hello' | 'error' }>;

/** The `monitor` of a request as the user wrote it, before the schema filled in defaults. */
function rawMonitor(raw: RawFrame): unknown {
  const text = typeof raw === 'string' ? raw : Buffer.isBuffer(raw) ? raw.toString('utf8') : '';
  return (JSON.parse(text) as { monitor?: unknown }).monitor;
}

/**
 * A desktop connection after hello: manages monitors, reads status and results, runs one-off
 * checks and acknowledges incidents. Each request is answered with its reply type or an `error`
 * with its request id; a refused request (unknown monitor, invalid configuration) is not a
 * protocol violation, a malformed frame is.
 */
export class DesktopSession implements ConnectedDesktop {
  #subscription: ResultSubscription | undefined;

  constructor(
    readonly sessionId: string,
    readonly identity: DesktopIdentity,
    readonly peer: PeerSocket,
    private readonly deps: DesktopSessionDeps,
  ) {}

  /** Handles one frame from the desktop. */
  receive(raw: RawFrame): void {
    const decoded = decodeFrame('desktop', raw, this.deps.maxFrameBytes);
    if (!decoded.ok) {
      this.peer.reject(decoded.error);
      return;
    }
    const message = decoded.value;
    if (message.type === 'hello') {
      this.peer.reject({
        code: ErrorCode.invalidMessage,
        message: 'already authenticated; hello is only the first frame',
      });
      return;
    }
    this.peer.accepted();
    if (message.type === 'error') {
      this.peer.log.warn({ code: message.code, error: message.message }, 'desktop reported an error');
      return;
    }
    const failure = this.#handle(message, raw);
    if (failure !== null) this.peer.sendError({ ...failure, requestId: message.requestId });
  }

  /** Cleans up after the socket closed. */
  closed(): void {
    this.#subscription?.stop();
    this.deps.checks.requesterGone(this.sessionId);
  }

  /** Sends a frame to this desktop (events, one-off check answers). */
  send(frame: RelayToDesktopInput): void {
    this.peer.send(frame);
  }

  #handle(message: Request, raw: RawFrame): WireError | null {
    const { services, storage } = this.deps;
    const requestId = message.requestId;
    const origin = { originSessionId: this.sessionId };
    switch (message.type) {
      case 'monitor.upsert': {
        const options =
          message.baseRevision === undefined ? origin : { ...origin, baseRevision: message.baseRevision };
        const saved = services.monitors.upsert(rawMonitor(raw), options);
        if (!saved.ok) return saved.error;
        this.send({
          type: 'monitor.saved',
          requestId,
          monitor: saved.value.monitor,
          revision: saved.value.revision,
        });
        return null;
      }
      case 'monitor.delete': {
        const deleted = services.monitors.delete(message.monitorId, origin);
        if (!deleted.ok) return deleted.error;
        this.send({
          type: 'monitor.deleted',
          requestId,
          monitorId: message.monitorId,
          revision: deleted.value.revision,
        });
        return null;
      }
      case 'monitor.pause': {
        const saved = services.monitors.pause(message.monitorId, message.paused, origin);
        if (!saved.ok) return saved.error;
        this.send({
          type: 'monitor.saved',
          requestId,
          monitor: saved.value.monitor,
          revision: saved.value.revision,
        });
        return null;
      }
      case 'monitors.get':
        this.send({ type: 'monitors.list', requestId, ...services.monitors.list() });
        return null;
      case 'check.test':
        return this.deps.checks.test(this, requestId, rawMonitor(raw), message.region);
      case 'check.run':
        return this.deps.checks.run(this, requestId, message.monitorId, message.region);
      case 'incident.ack': {
        const acked = services.incidents.ack(message.incidentId, message.by);
        if (!acked.ok) return acked.error;
        this.send({ type: 'ok', requestId });
        return null;
      }
      case 'results.subscribe':
        this.#subscription?.stop();
        this.#subscription = new ResultSubscription(
          this.peer,
          storage.results,
          this.deps.feed,
          this.deps.desktopQueueLimit,
          this.peer.log,
          message.fromCursor,
          requestId,
        );
        return null;
      case 'results.commit': {
        const head = storage.results.headCursor();
        if (message.cursor > head) {
          return {
            code: ErrorCode.invalidMessage,
            message: `cursor: must not be beyond the end of the log (${head})`,
            details: [{ path: 'cursor', message: `must be at most ${head}` }],
          };
        }
        storage.cursors.set(this.identity.id, message.cursor, this.deps.now());
        this.send({ type: 'ok', requestId });
        return null;
      }
      case 'status.get':
        this.send({ type: 'status.snapshot', requestId, ...services.status.snapshot() });
        return null;
    }
  }
}
