import {
  type CheckRunOrderMessage,
  ErrorCode,
  type MonitorType,
  isPlainOneOffResult,
  keptVerdicts,
  OneOffResult,
  type ProbeToRelayInput,
} from '@vantage/shared';
import type { Logger } from 'pino';
import { type CheckOutcome, runCheck } from '../checks/run-check.js';
import type { ProbeMetrics } from '../metrics/probe-metrics.js';
import type { ScheduledRun } from '../scheduler/check-scheduler.js';
import type { ResultSpool } from '../spool/result-spool.js';
import { toResult } from './to-result.js';

/** What running checks needs from the probe around it. */
export interface CheckRunnerOptions {
  probeId: string;
  region: string;
  sourceAddress?: string | undefined;
  supportedKinds: readonly MonitorType[];
  spool: ResultSpool;
  metrics: Pick<ProbeMetrics, 'checks'>;
  logger: Logger;
  /** Whether the probe's canaries pass right now. */
  isHealthy: () => boolean;
  /** Revision of the assignment being run. */
  revision: () => number | undefined;
  /** Told after a result was appended to the spool. */
  onAppended: () => void;
}

/** Runs scheduled checks into the spool and one-off checks into a reply frame. */
export interface CheckRunner {
  runScheduled(run: ScheduledRun): Promise<void>;
  runOneOff(message: CheckRunOrderMessage): Promise<ProbeToRelayInput>;
}

/** Creates the bridge between the scheduler, the check kinds and the spool. */
export function createCheckRunner(options: CheckRunnerOptions): CheckRunner {
  const { probeId, region, spool, metrics, logger } = options;
  const source = options.sourceAddress ? { sourceAddress: options.sourceAddress } : {};

  return {
    async runScheduled(run) {
      const { monitor } = run;
      // The assignment this check runs under; a diff may arrive while it runs.
      const revision = options.revision();
      let outcome: CheckOutcome;
      try {
        outcome = await runCheck(monitor, { now: Date.now, signal: run.signal, ...source });
      } catch (error) {
        metrics.checks.inc({ type: monitor.type, outcome: 'error' });
        logger.error(
          { err: error, monitorId: monitor.id },
          'check failed inside the probe; no result reported',
        );
        return;
      }
      // A check cut short by shutdown observed nothing about the target; reporting it would be a false down.
      if (run.signal.aborted) return;
      const candidate = toResult(monitor, outcome, {
        probeId,
        region,
        probeHealthy: options.isHealthy(),
        revision,
      });
      // Spooled results carry verdicts only when a condition failed (see keptVerdicts): the spool,
      // both hops and two stores would otherwise carry every condition with "passed" for every
      // check. A one-off test (below) answers with all of them: the editor shows each one.
      if (keptVerdicts(candidate.verdicts) === undefined) delete candidate.verdicts;
      // A result the relay would reject must never enter the spool, or it would block every later one.
      // Results as checks build them pass the hand check; anything else goes to the schema.
      const checked = isPlainOneOffResult(candidate)
        ? ({ success: true, data: candidate } as const)
        : OneOffResult.safeParse(candidate);
      if (!checked.success) {
        metrics.checks.inc({ type: monitor.type, outcome: 'error' });
        logger.error(
          { monitorId: monitor.id, issues: checked.error.issues },
          'check produced an invalid result; dropped',
        );
        return;
      }
      spool.append(checked.data);
      metrics.checks.inc({ type: monitor.type, outcome: outcome.state });
      options.onAppended();
    },

    async runOneOff({ requestId, monitor }) {
      if (!options.supportedKinds.includes(monitor.type)) {
        const message = `this probe cannot run ${monitor.type} checks`;
        return { type: 'error', code: ErrorCode.invalidMonitor, message, requestId };
      }
      try {
        const outcome = await runCheck(monitor, { now: Date.now, ...source });
        const result = toResult(monitor, outcome, { probeId, region, probeHealthy: options.isHealthy() });
        return { type: 'check.result', requestId, result };
      } catch (error) {
        logger.error(
          { err: error, monitorId: monitor.id, requestId },
          'one-off check failed inside the probe',
        );
        return {
          type: 'error',
          code: ErrorCode.internal,
          message: 'the probe failed to run this check',
          requestId,
        };
      }
    },
  };
}
