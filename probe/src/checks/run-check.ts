import { setTimeout as sleep } from 'node:timers/promises';
import {
  type CheckState,
  type ConditionVerdict,
  effectiveConditions,
  evaluateConditions,
  type Monitor,
  type PhaseTimings,
} from '@vantage/shared';
import type { CheckContext } from './check-kind.js';
import { CheckStop, formatSeconds } from './check-stop.js';
import { checkKindFor } from './registry.js';
import { createTlsContextCache, type TlsContextCache } from './tls-context-cache.js';

/** Response body bytes kept for conditions unless the probe is configured otherwise. */
export const DEFAULT_BODY_LIMIT_BYTES = 64 * 1024;

/** What a caller supplies to run checks. */
export interface RunCheckOptions {
  /** Wall clock, epoch milliseconds. */
  now: () => number;
  /** Cancels the check (probe shutdown); the monitor's timeout is applied on top. */
  signal?: AbortSignal;
  /** Local IP every outgoing socket binds to. */
  sourceAddress?: string;
  /** Default {@link DEFAULT_BODY_LIMIT_BYTES}. */
  bodyLimitBytes?: number;
  /** Default: one cache shared by the whole process. */
  tls?: TlsContextCache;
}

/** One check's verdict; the daemon adds probe id, sequence and region to make a CheckResult. */
export interface CheckOutcome {
  /** When the first attempt started, epoch milliseconds. */
  ts: number;
  state: CheckState;
  /** Duration of the last attempt in milliseconds. */
  latencyMs: number;
  phases: PhaseTimings;
  /** Empty when everything passed; else the first failed condition's sentence or the network error. */
  message: string;
  statusCode?: number;
  certExpiresAt?: number;
  certIssuer?: string;
  /** Every condition's verdict; empty when the target could not be reached. */
  verdicts: ConditionVerdict[];
  /** Attempts made, 1 when the first attempt did not fail. */
  attempts: number;
}

type Attempt = Omit<CheckOutcome, 'ts' | 'attempts'>;

const processTls = createTlsContextCache();

async function attemptOnce(monitor: Monitor, ctx: CheckContext): Promise<Attempt> {
  const kind = checkKindFor(monitor.type);
  if (!kind) throw new Error(`this probe cannot run ${monitor.type} checks`);
  const timer = setTimeout(
    () => ctx.stop.stop(`timeout after ${formatSeconds(monitor.timeout)}`),
    monitor.timeout * 1000,
  );
  try {
    const observed = await kind.run(monitor, ctx);
    if (!observed.ok) {
      return {
        state: 'down',
        latencyMs: observed.elapsedMs,
        phases: observed.phases,
        message: observed.error,
        verdicts: [],
      };
    }
    const evaluation = evaluateConditions(effectiveConditions(monitor), observed.observation);
    return {
      state: evaluation.state,
      latencyMs: observed.observation.responseTimeMs,
      phases: observed.phases,
      message: evaluation.message,
      verdicts: evaluation.verdicts,
      ...(observed.statusCode !== undefined ? { statusCode: observed.statusCode } : {}),
      ...(observed.certExpiresAt !== undefined ? { certExpiresAt: observed.certExpiresAt } : {}),
      ...(observed.certIssuer !== undefined ? { certIssuer: observed.certIssuer } : {}),
    };
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Runs one check of a monitor, the single place where a check becomes a verdict:
 * 1. runs the monitor's kind, stopped by the monitor's timeout or the caller's cancel signal;
 * 2. a network failure is down with its plain-words error; otherwise the monitor's effective
 *    conditions decide up / degraded / down and the message;
 * 3. while the attempt is down and `retries` remain, waits `retryDelayMs` and tries again from
 *    this probe, reporting the last attempt and how many were made.
 * Throws only when no kind runs this monitor type (the relay should not assign it).
 */
export async function runCheck(monitor: Monitor, options: RunCheckOptions): Promise<CheckOutcome> {
  const ts = options.now();
  const cancel = options.signal;
  let stop = new CheckStop();
  const onCancel = () => stop.stop('check cancelled');
  if (cancel?.aborted) onCancel();
  cancel?.addEventListener('abort', onCancel);
  try {
    for (let attempts = 1; ; attempts++) {
      const attempt = await attemptOnce(monitor, {
        stop,
        now: options.now,
        bodyLimitBytes: options.bodyLimitBytes ?? DEFAULT_BODY_LIMIT_BYTES,
        tls: options.tls ?? processTls,
        ...(options.sourceAddress ? { sourceAddress: options.sourceAddress } : {}),
      });
      if (attempt.state !== 'down' || attempts > monitor.retries || cancel?.aborted) {
        return { ts, attempts, ...attempt };
      }
      try {
        await sleep(monitor.retryDelayMs, undefined, cancel ? { signal: cancel } : {});
      } catch {
        return { ts, attempts, ...attempt };
      }
      stop = new CheckStop();
    }
  } finally {
    cancel?.removeEventListener('abort', onCancel);
  }
}
