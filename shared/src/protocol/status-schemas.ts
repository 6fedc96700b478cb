import { z } from 'zod';
import { RegionStatus } from '../evaluator/status.js';
import { RegionName } from '../results/check-result.js';
import { EpochMs } from './wire-primitives.js';

/** One region's view of a monitor as the relay reports it (the evaluator owns the statuses). */
export const RegionStatusEntry = z.object({
  region: RegionName,
  status: RegionStatus,
  lastResultAt: EpochMs.optional(),
  message: z.string().max(2000).optional(),
});
/** One region's view of a monitor as the relay reports it. */
export type RegionStatusEntry = z.infer<typeof RegionStatusEntry>;
