import type { CheckResult, Monitor, OneOffResult } from '@vantage/shared';
import type { CheckOutcome } from '../checks/run-check.js';

/** Who produced a result and in what state the probe was. */
export interface ResultOrigin {
  probeId: string;
  region: string;
  probeHealthy: boolean;
  revision?: number | undefined;
}

const MAX_MESSAGE = 2000;

/** Turns a check's outcome into a result without a sequence (the spool assigns it). */
export function toResult(monitor: Monitor, outcome: CheckOutcome, origin: ResultOrigin): OneOffResult {
  const result: Omit<CheckResult, 'seq'> = {
    probeId: origin.probeId,
    monitorId: monitor.id,
    region: origin.region,
    ts: Math.round(outcome.ts),
    state: outcome.state,
    latencyMs: Math.max(0, outcome.latencyMs),
    phases: outcome.phases,
    message:
      outcome.message.length > MAX_MESSAGE
        ? `${outcome.message.slice(0, MAX_MESSAGE - 1)}…`
        : outcome.message,
    attempts: outcome.attempts,
    probeHealthy: origin.probeHealthy,
    verdicts: outcome.verdicts,
  };
  if (outcome.statusCode !== undefined) result.statusCode = outcome.statusCode;
  if (outcome.certExpiresAt !== undefined) result.certExpiresAt = Math.round(outcome.certExpiresAt);
  if (outcome.certIssuer !== undefined) result.certIssuer = outcome.certIssuer.slice(0, 500);
  if (origin.revision !== undefined) result.revision = origin.revision;
  return result;
}
