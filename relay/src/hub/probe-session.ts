import {
  type CheckResult,
  ErrorCode,
  type ProbeIdentity,
  type RawFrame,
  type ResultsBatchMessage,
  type WireError,
} from '@vantage/shared';
import type { AssignmentFanout } from '../fanout/assignment-fanout.js';
import type { MonitorService } from '../monitors/monitor-service.js';
import { ProbeAssignment } from '../monitors/region-assignment.js';
import type { ResultLog } from '../storage/relay-storage.js';
import type { CheckRouter } from './check-router.js';
import { CloseCode } from './close-codes.js';
import { decodeFrame } from './decode-frame.js';
import type { PeerSocket } from './peer-socket.js';
import type { ConnectedProbe, ProbeDirectory } from './probe-directory.js';

/** What a probe session works with. */
export interface ProbeSessionDeps {
  results: ResultLog;
  monitors: MonitorService;
  fanout: AssignmentFanout;
  probes: ProbeDirectory;
  checks: CheckRouter;
  maxFrameBytes: number;
}

/**
 * Checks a batch against the connection: every result must be this probe's, in its region, with
 * strictly rising seqs (the log's high-water mark relies on the order). Names the first bad field.
 */
export function batchProblem(batch: ResultsBatchMessage, probe: ProbeIdentity): WireError | null {
  const results = batch.results;
  let previous = 0;
  // A plain loop without closures: this runs for every result the relay ingests.
  for (let i = 0; i < results.length; i++) {
    const result = results[i]!;
    if (result.probeId !== probe.id)
      return fieldError(i, 'probeId', `must be this connection's probe id ${probe.id}`);
    if (result.region !== probe.region)
      return fieldError(i, 'region', `must be this probe's region ${probe.region}`);
    if (result.seq <= previous)
      return fieldError(i, 'seq', 'must be greater than the one before', ErrorCode.invalidMessage);
    previous = result.seq;
  }
  return null;
}

function fieldError(
  i: number,
  field: keyof CheckResult,
  message: string,
  code: WireError['code'] = ErrorCode.forbidden,
): WireError {
  const path = `results.${i}.${field}`;
  return { code, message: `${path}: ${message}`, details: [{ path, message }] };
}

/**
 * A probe connection after hello: sends `monitors.full` for its region and then diffs, stores
 * result batches and acks each only after its commit, takes health reports and answers to
 * one-off checks. Every frame is decoded with the probe union; a bad one is answered and counted.
 */
export class ProbeSession implements ConnectedProbe {
  readonly capabilities: ReadonlySet<string>;
  readonly #assignment: ProbeAssignment;
  readonly #unsubscribe: () => void;

  constructor(
    readonly sessionId: string,
    readonly identity: ProbeIdentity,
    readonly peer: PeerSocket,
    tokenId: string,
    private readonly deps: ProbeSessionDeps,
  ) {
    this.capabilities = new Set(identity.capabilities);
    this.#assignment = new ProbeAssignment(identity.region, this.capabilities);
    deps.probes.connect(this, tokenId);
    const { revision, monitors } = deps.monitors.list();
    peer.send(this.#assignment.full(monitors, revision));
    this.#unsubscribe = deps.fanout.subscribe((change) => {
      const diff = this.#assignment.diff(change);
      if (diff !== null) peer.send(diff);
    });
  }

  /** Handles one frame from the probe. */
  receive(raw: RawFrame): void {
    const { peer, deps } = this;
    deps.probes.seen(this.identity.id);
    const decoded = decodeFrame('probe', raw, deps.maxFrameBytes);
    if (!decoded.ok) {
      peer.reject(decoded.error);
      return;
    }
    const message = decoded.value;
    switch (message.type) {
      case 'results.batch': {
        const problem = batchProblem(message, this.identity);
        if (problem !== null) {
          peer.reject(problem);
          return;
        }
        peer.accepted();
        this.#store(message.results);
        return;
      }
      case 'probe.health':
        peer.accepted();
        deps.probes.reportHealth(this.identity.id, message);
        return;
      case 'check.result':
        if (!deps.checks.delivered(this, message)) {
          peer.reject({
            code: ErrorCode.forbidden,
            message: `check.result for ${message.requestId} must come from the probe it was sent to and name its region`,
            details: [{ path: 'result.region', message: `must be ${this.identity.region}` }],
          });
          return;
        }
        peer.accepted();
        return;
      case 'error':
        peer.accepted();
        if (message.requestId !== undefined) deps.checks.failed(this, message);
        else peer.log.warn({ code: message.code, error: message.message }, 'probe reported an error');
        return;
      case 'hello':
        peer.reject({
          code: ErrorCode.invalidMessage,
          message: 'already authenticated; hello is only the first frame',
        });
        return;
    }
  }

  /** Cleans up after the socket closed. */
  closed(): void {
    this.#unsubscribe();
    this.deps.probes.disconnect(this);
    this.deps.checks.probeGone(this);
  }

  #store(results: CheckResult[]): void {
    const { peer, deps } = this;
    deps.results.append(this.identity.id, results).then(
      ({ storedSeq }) => {
        peer.send({ type: 'results.ack', upToSeq: storedSeq });
      },
      (error: unknown) => {
        // Not acked: the probe keeps the batch and resends it after reconnecting.
        peer.log.error({ err: error }, 'could not store a result batch');
        peer.sendError({
          code: ErrorCode.internal,
          message: 'the relay could not store this batch; it will be resent',
        });
        peer.close(CloseCode.internal, 'storage failure');
      },
    );
  }
}
