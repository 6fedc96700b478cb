import { z } from 'zod';
import { MonitorSchema } from '../monitor/monitor-schema.js';
import { CheckResult } from '../results/check-result.js';
import { RequestId } from './wire-primitives.js';

// "Test" (an unsaved monitor) and "run now" checks: run once on request, answered by request id,
// never spooled, logged or counted in uptime.

/** The result of a one-off check: a scheduled result without the log's `seq`. */
export const OneOffResult = CheckResult.omit({ seq: true });
/** The result of a one-off check. */
export type OneOffResult = z.output<typeof OneOffResult>;

/** `check.run` (relay → probe): run this monitor once now, outside the schedule. */
export const CheckRunOrderMessage = z.object({
  type: z.literal('check.run'),
  requestId: RequestId,
  monitor: MonitorSchema,
});
/** `check.run` (relay → probe): run this monitor once now. */
export type CheckRunOrderMessage = z.output<typeof CheckRunOrderMessage>;

/** `check.result` (probe → relay): the outcome of a `check.run`, under its request id. */
export const CheckResultMessage = z.object({
  type: z.literal('check.result'),
  requestId: RequestId,
  result: OneOffResult,
});
/** `check.result` (probe → relay): the outcome of a `check.run`. */
export type CheckResultMessage = z.output<typeof CheckResultMessage>;
