import { z } from 'zod';
import { CheckResult } from '../results/check-result.js';

/** Most results in one `results.batch`. A probe also splits batches to stay under its frame limit. */
export const MAX_RESULTS_PER_BATCH = 1000;

/**
 * `results.batch`: scheduled results, oldest first. The probe keeps every one in its spool until a
 * `results.ack` covers its `seq`, and resends unacked ones after a reconnect; the relay stores each
 * `(probeId, seq)` once.
 */
export const ResultsBatchMessage = z.object({
  type: z.literal('results.batch'),
  results: z.array(CheckResult).min(1).max(MAX_RESULTS_PER_BATCH),
});
/** `results.batch`: scheduled results, oldest first. */
export type ResultsBatchMessage = z.output<typeof ResultsBatchMessage>;

/** `results.ack`: every result of this probe with `seq <= upToSeq` is durably stored; drop them. */
export const ResultsAckMessage = z.object({
  type: z.literal('results.ack'),
  upToSeq: z.number().int().nonnegative(),
});
/** `results.ack`: cumulative acknowledgement of stored results. */
export type ResultsAckMessage = z.output<typeof ResultsAckMessage>;
