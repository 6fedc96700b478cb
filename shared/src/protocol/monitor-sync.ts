import { z } from 'zod';
import { MonitorId, MonitorSchema } from '../monitor/monitor-schema.js';
import { Revision } from './wire-primitives.js';

// Relay → probe: the monitors assigned to the probe's region. The relay sends only monitors whose
// type is among the probe's hello `capabilities`, because a probe rejects a frame holding a monitor
// it cannot parse as a whole.

/** `monitors.full`: the whole set for the probe's region at `revision`; replaces what it had. */
export const MonitorsFullMessage = z.object({
  type: z.literal('monitors.full'),
  revision: Revision,
  monitors: z.array(MonitorSchema),
});
/** `monitors.full`: the whole set for the probe's region. */
export type MonitorsFullMessage = z.output<typeof MonitorsFullMessage>;

/**
 * `monitors.diff`: changes from `fromRevision` to `revision`. A probe whose revision is not
 * `fromRevision` missed something and must not apply it; the relay follows a gap with `monitors.full`.
 */
export const MonitorsDiffMessage = z
  .object({
    type: z.literal('monitors.diff'),
    fromRevision: Revision,
    revision: Revision,
    upserted: z.array(MonitorSchema),
    deleted: z.array(MonitorId),
  })
  .refine((diff) => diff.revision > diff.fromRevision, {
    path: ['revision'],
    message: 'must be greater than fromRevision',
  });
/** `monitors.diff`: changes between two revisions. */
export type MonitorsDiffMessage = z.output<typeof MonitorsDiffMessage>;
