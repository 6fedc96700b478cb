import {
  type CheckResultMessage,
  ErrorCode,
  type ErrorMessage,
  type Monitor,
  type RelayToDesktopInput,
  toErrorMessage,
  type WireError,
} from '@vantage/shared';
import type { Logger } from 'pino';
import type { MonitorService } from '../monitors/monitor-service.js';
import type { ConnectedProbe, ProbeDirectory } from './probe-directory.js';

/** The desktop a one-off check answers to. */
export interface CheckRequester {
  readonly sessionId: string;
  send(frame: RelayToDesktopInput): void;
}

interface PendingCheck {
  requester: CheckRequester;
  requestId: string;
  probe: ConnectedProbe;
  expected: number;
  timer: NodeJS.Timeout;
}

/** How long a one-off check may take before the desktop is told it timed out. */
export function checkDeadlineMs(monitor: Monitor): number {
  const attempts = monitor.retries + 1;
  const ms = monitor.timeout * 1000 * attempts + monitor.retryDelayMs * monitor.retries + 10_000;
  return Math.min(ms, 300_000);
}

/**
 * Runs "test" and "run now" checks on a probe of the chosen region and routes each `check.result`
 * back to the desktop that asked, by a request id of the relay's own (desktop request ids are only
 * unique per desktop). A region without a connected probe fails at once; a probe that does not
 * answer in time, or disconnects first, fails the request with an error saying so.
 */
export class CheckRouter {
  readonly #pending = new Map<string, PendingCheck>();
  #next = 0;

  constructor(
    private readonly probes: ProbeDirectory,
    private readonly monitors: MonitorService,
    private readonly log: Logger,
    private readonly deadlineOverrideMs?: number,
  ) {}

  /** `check.test`: runs an unsaved monitor once in one region. */
  test(requester: CheckRequester, requestId: string, rawMonitor: unknown, region: string): WireError | null {
    const validated = this.monitors.validate(rawMonitor);
    if (!validated.ok) return validated.error;
    return this.#dispatch(requester, requestId, validated.value, [region], true);
  }

  /** `check.run`: runs a saved monitor now in one region or in each of its regions that has a probe. */
  run(requester: CheckRequester, requestId: string, monitorId: string, region?: string): WireError | null {
    const monitor = this.monitors.get(monitorId);
    if (monitor === null) {
      return {
        code: ErrorCode.notFound,
        message: `no monitor with id ${JSON.stringify(monitorId)}`,
        requestId,
      };
    }
    if (region !== undefined && monitor.regions !== 'all' && !monitor.regions.includes(region)) {
      return {
        code: ErrorCode.notFound,
        message: `monitor ${monitorId} does not run in region ${region}`,
        details: [{ path: 'region', message: `must be one of ${monitor.regions.join(', ')}` }],
        requestId,
      };
    }
    const regions =
      region !== undefined
        ? [region]
        : monitor.regions === 'all'
          ? this.probes.connectedRegions()
          : monitor.regions;
    return this.#dispatch(requester, requestId, monitor, regions, region !== undefined);
  }

  #dispatch(
    requester: CheckRequester,
    requestId: string,
    monitor: Monitor,
    regions: readonly string[],
    strict: boolean,
  ): WireError | null {
    const targets = regions.flatMap((r) => {
      const probe = this.probes.pick(r, monitor.type);
      return probe === undefined ? [] : [probe];
    });
    if (targets.length === 0 || (strict && targets.length < regions.length)) {
      const where =
        regions.length === 1
          ? `region ${regions[0]}`
          : `any of its regions (${regions.join(', ') || 'none'})`;
      return {
        code: ErrorCode.notFound,
        message: `no probe that can run ${monitor.type} checks is connected in ${where}`,
        details: [{ path: 'region', message: 'has no connected probe' }],
        requestId,
      };
    }
    const deadline = this.deadlineOverrideMs ?? checkDeadlineMs(monitor);
    for (const probe of targets) {
      const relayId = `chk-${++this.#next}`;
      const timer = setTimeout(() => {
        this.#settle(relayId, {
          code: ErrorCode.internal,
          message: `the probe in region ${probe.identity.region} did not answer within ${Math.round(deadline / 1000)} s`,
        });
      }, deadline);
      timer.unref();
      this.#pending.set(relayId, { requester, requestId, probe, expected: targets.length, timer });
      probe.peer.send({ type: 'check.run', requestId: relayId, monitor });
    }
    return null;
  }

  /** A probe's `check.result`; false when it answers nothing pending or names another region. */
  delivered(probe: ConnectedProbe, message: CheckResultMessage): boolean {
    const pending = this.#pending.get(message.requestId);
    if (pending === undefined || pending.probe !== probe) return pending === undefined;
    if (message.result.region !== probe.identity.region) return false;
    clearTimeout(pending.timer);
    this.#pending.delete(message.requestId);
    pending.requester.send({
      type: 'check.tested',
      requestId: pending.requestId,
      result: message.result,
      ...(pending.expected > 1 ? { expected: pending.expected } : {}),
    });
    return true;
  }

  /** A probe's `error` answering a `check.run` (e.g. it cannot run that kind of check). */
  failed(probe: ConnectedProbe, message: ErrorMessage): void {
    const pending = message.requestId === undefined ? undefined : this.#pending.get(message.requestId);
    if (pending?.probe !== probe) return;
    this.#settle(message.requestId!, {
      code: message.code,
      message: `probe in region ${probe.identity.region}: ${message.message}`,
      ...(message.details !== undefined ? { details: message.details } : {}),
    });
  }

  /** Fails every check a disconnected probe still owed. */
  probeGone(probe: ConnectedProbe): void {
    for (const [relayId, pending] of this.#pending) {
      if (pending.probe !== probe) continue;
      this.#settle(relayId, {
        code: ErrorCode.internal,
        message: `the probe in region ${probe.identity.region} disconnected before answering`,
      });
    }
  }

  /** Drops the checks of a desktop that left; their answers have nowhere to go. */
  requesterGone(sessionId: string): void {
    for (const [relayId, pending] of this.#pending) {
      if (pending.requester.sessionId !== sessionId) continue;
      clearTimeout(pending.timer);
      this.#pending.delete(relayId);
    }
  }

  /** Checks still waiting for a probe. */
  get pending(): number {
    return this.#pending.size;
  }

  #settle(relayId: string, error: WireError): void {
    const pending = this.#pending.get(relayId);
    if (pending === undefined) return;
    clearTimeout(pending.timer);
    this.#pending.delete(relayId);
    this.log.info({ requestId: pending.requestId, error: error.message }, 'one-off check failed');
    pending.requester.send(toErrorMessage({ ...error, requestId: pending.requestId }));
  }
}
