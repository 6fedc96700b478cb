import type { CheckResult } from '@vantage/shared';
import type { DesktopStore } from '../store/index.js';

/** Average phase timings of a sample of answered checks, in ms (null: no check in it had the phase). */
export interface PhaseSample {
  dnsMs: number | null;
  connectMs: number | null;
  tlsMs: number | null;
  ttfbMs: number | null;
  transferMs: number | null;
  samples: number;
  /** The oldest and newest check of the sample; null when it is empty. */
  oldest: number | null;
  newest: number | null;
}

/** What to sample: one monitor, in some regions, over [from, to). */
export interface PhaseSampleQuery {
  monitorId: string;
  regions: readonly string[];
  from: number;
  to: number;
}

/**
 * Newest checks read in all, shared between the regions: each is a random page read in a large
 * store (~30–80 µs), and the mean of 300 answered checks is stable to a few percent.
 */
export const PHASE_SAMPLE_CHECKS = 300;

const KEYS = ['dnsMs', 'connectMs', 'tlsMs', 'ttfbMs', 'transferMs'] as const;

/**
 * Average phase timings of a monitor's newest answered checks inside a range, from raw rows. Raw
 * rows have no (series, time) index, so a range is not scanned: the newest
 * {@link PHASE_SAMPLE_CHECKS} checks (shared between regions) are walked along the store's
 * per-series chains (a bounded number of primary-key reads, however large the store) and those
 * inside [from, to) from healthy probes are averaged. For a range reaching now that is the last
 * ~5 hours of a 60 s monitor; a range older than what the walk reaches gets an empty sample, and
 * the report says so (its `samples`, `from` and `to`).
 */
export function samplePhases(store: Pick<DesktopStore, 'lastChecks'>, query: PhaseSampleQuery): PhaseSample {
  const sums = KEYS.map(() => ({ sum: 0, count: 0 }));
  let samples = 0;
  let oldest: number | null = null;
  let newest: number | null = null;
  const perRegion = Math.min(1000, Math.ceil(PHASE_SAMPLE_CHECKS / Math.max(1, query.regions.length)));
  for (const region of query.regions) {
    for (const check of store.lastChecks(query.monitorId, perRegion, region)) {
      if (!counts(check, query)) continue;
      samples += 1;
      oldest = oldest === null ? check.ts : Math.min(oldest, check.ts);
      newest = newest === null ? check.ts : Math.max(newest, check.ts);
      KEYS.forEach((key, i) => {
        const ms = check.phases?.[key];
        if (ms === undefined) return;
        sums[i]!.sum += ms;
        sums[i]!.count += 1;
      });
    }
  }
  const avg = (i: number) => (sums[i]!.count === 0 ? null : sums[i]!.sum / sums[i]!.count);
  return {
    dnsMs: avg(0),
    connectMs: avg(1),
    tlsMs: avg(2),
    ttfbMs: avg(3),
    transferMs: avg(4),
    samples,
    oldest,
    newest,
  };
}

function counts(check: CheckResult, query: PhaseSampleQuery): boolean {
  return check.state !== 'down' && check.probeHealthy && check.ts >= query.from && check.ts < query.to;
}
