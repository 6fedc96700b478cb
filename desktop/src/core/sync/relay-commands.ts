import {
  ErrorCode,
  err,
  type Incident,
  IncidentAckMessage,
  type Monitor,
  type OneOffResult,
  ok,
  RegionName,
  type RelayToDesktop,
  type Result,
  validateMonitor,
} from '@vantage/shared';
import { type ApiError, apiError, fieldsError, invalidInput } from '../../contract/index.js';
import type { DesktopStore } from '../store/index.js';
import type { RelayConnection } from './relay-connection.js';
import type { RelayRest } from './relay-rest.js';
import type { StatusSync } from './status-sync.js';
import { relayUnavailable } from './sync-errors.js';

/** Beyond the relay's own deadline for a one-off check, so the relay's timeout error arrives first. */
const MARGIN_MS = 5000;

/** The relay's deadline for a one-off check of `monitor` (its attempts, their timeouts and the delays between). */
function checkDeadlineMs(monitor: Monitor): number {
  const attempts = monitor.retries + 1;
  return Math.min(
    monitor.timeout * 1000 * attempts + monitor.retryDelayMs * monitor.retries + 10_000,
    300_000,
  );
}

/** What the commands need of the running sync. */
export interface CommandContext {
  /** The connection, when a session is up. */
  connection(): RelayConnection | null;
  rest: RelayRest;
  store: DesktopStore;
  status: StatusSync;
}

/**
 * Commands that only the relay can carry out: run a saved monitor now, test an unsaved one, and
 * acknowledge an incident. Each needs a live session (`relayUnavailable` otherwise) and waits no
 * longer than the relay's own deadline plus a margin.
 */
export class RelayCommands {
  constructor(private readonly ctx: CommandContext) {}

  /** `check.run`: one result per region the relay could run it in. */
  async runNow(monitorId: string, region?: string): Promise<Result<OneOffResult[], ApiError>> {
    const connection = this.#live();
    if (!connection.ok) return connection;
    const stored = this.ctx.store.monitors.get(monitorId)?.monitor;
    const reply = await connection.value.request(
      { type: 'check.run', monitorId, ...(region !== undefined ? { region } : {}) },
      {
        timeoutMs: (stored ? checkDeadlineMs(stored) : 300_000) + MARGIN_MS,
        // Each region answers on its own (a result or an error); `expected` says how many will.
        more: (replies) => replies.length < expectedOf(replies),
      },
    );
    if (!reply.ok) return reply;
    return ok(reply.value.flatMap((r) => (r.type === 'check.tested' ? [r.result] : [])));
  }

  /** `check.test`: runs an unsaved monitor once in one region. */
  async testCheck(monitor: Monitor, region: string): Promise<Result<OneOffResult, ApiError>> {
    const checked = validateMonitor(monitor);
    if (!checked.ok) return err(fieldsError(ErrorCode.invalidMonitor, checked.error, 'monitor.'));
    const where = RegionName.safeParse(region);
    if (!where.success) return err(invalidInput(where.error.issues, 'region'));
    const connection = this.#live();
    if (!connection.ok) return connection;
    const reply = await connection.value.request(
      { type: 'check.test', monitor: checked.value, region: where.data },
      { timeoutMs: checkDeadlineMs(checked.value) + MARGIN_MS },
    );
    if (!reply.ok) return reply;
    const tested = reply.value[0];
    return tested?.type === 'check.tested' ? ok(tested.result) : err(unexpected(tested));
  }

  /**
   * `incident.ack`. The relay announces the acknowledged incident (`event.incident`) before it
   * answers, so it is normally stored by then; an incident acknowledged or resolved before is read
   * back over REST.
   */
  async acknowledge(incidentId: string, by: string): Promise<Result<Incident, ApiError>> {
    const who = IncidentAckMessage.shape.by.safeParse(by);
    if (!who.success) return err(invalidInput(who.error.issues, 'by'));
    const connection = this.#live();
    if (!connection.ok) return connection;
    const reply = await connection.value.request({ type: 'incident.ack', incidentId, by: who.data });
    if (!reply.ok) return reply;
    const stored = this.ctx.store.incidents.get(incidentId);
    if (stored?.acknowledgedAt !== undefined || stored?.resolvedAt !== undefined) return ok(stored);
    const monitorId = incidentId.slice(0, Math.max(0, incidentId.lastIndexOf(':')));
    const read = await this.ctx.rest.incidents(monitorId);
    if (!read.ok)
      return err(
        relayUnavailable(`the incident was acknowledged, but could not be read back: ${read.error}`),
      );
    const incident = read.value.find((i) => i.id === incidentId);
    if (incident === undefined)
      return err(apiError(ErrorCode.notFound, `no incident with id ${JSON.stringify(incidentId)}`));
    this.ctx.status.storeIncident(incident);
    return ok(this.ctx.store.incidents.get(incidentId) ?? incident);
  }

  #live(): Result<RelayConnection, ApiError> {
    const connection = this.ctx.connection();
    return connection !== null && connection.hello !== null
      ? ok(connection)
      : err(relayUnavailable('not connected to the relay; this needs a live connection'));
  }
}

function expectedOf(replies: readonly RelayToDesktop[]): number {
  for (const reply of replies) if (reply.type === 'check.tested') return reply.expected ?? 1;
  return 1;
}

function unexpected(reply: RelayToDesktop | undefined): ApiError {
  return apiError(ErrorCode.internal, `the relay answered with ${reply?.type ?? 'nothing'}`);
}
