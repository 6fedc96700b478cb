import type { RegionRecord } from './region-record.js';

/**
 * The probes of one region and every (monitor, region) record in it. A region is blind when it
 * has probes and all of them are unhealthy: its records then do not vote, at once, without
 * waiting for them to go stale.
 */
export class RegionHealth {
  healthy = 0;
  unhealthy = 0;
  /** Records of this region in creation order (ascending `seq`), so re-votes run in a stable order. */
  readonly records = new Set<RegionRecord>();

  constructor(readonly name: string) {}

  /** Whether no probe of the region can currently be trusted. */
  get blind(): boolean {
    return this.healthy === 0 && this.unhealthy > 0;
  }
}
