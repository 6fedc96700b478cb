import { type TimeSpan, unionSpans } from '../rollups/time-spans.js';

/** The counts of one region's rollup bucket that outage detection reads; [start, end) in epoch ms. */
export interface RegionBucketCounts {
  region: string;
  start: number;
  end: number;
  up: number;
  degraded: number;
  down: number;
  /** Checks taken during planned maintenance, outside up/degraded/down (absent when not counted). */
  maintenance?: number;
}

/** A stretch in which checks failed, with the regions that failed in it. */
export interface DownRun extends TimeSpan {
  /** Regions that had a down bucket in the run, sorted. */
  regions: string[];
}

/** Whether a bucket failed: it holds failures and they are at least half of its checks. */
export function bucketIsDown(bucket: Omit<RegionBucketCounts, 'region' | 'start' | 'end'>): boolean {
  return bucket.down > 0 && bucket.down >= bucket.up + bucket.degraded;
}

/** How failed-check runs are judged. */
export interface DownRunOptions {
  /** `majority`: most regions with a fresh state must be down (the evaluator's default quorum); `any`: one suffices. */
  quorum?: 'majority' | 'any';
  /**
   * How long a region's last state stays fresh through slots where it did not report (a monitor
   * checked every 5 minutes leaves 4 empty minute buckets between checks); about twice the
   * monitor's interval. 0: a region counts only in the slots where it reported.
   */
  maxGapMs?: number;
}

interface Slot {
  start: number;
  end: number;
  /** Per region: whether its bucket in this slot was down; absent when it did not report. */
  states: Map<string, boolean>;
}

/**
 * Stretches where a monitor was down by its rollups, merged across regions:
 * 1. buckets are grouped into time slots by their [start, end) (every region's line is read at
 *    the same resolution), slots where nobody reported are dropped;
 * 2. in each slot a region's state is its own bucket's ({@link bucketIsDown}), or else its last
 *    one while that is at most `maxGapMs` old; regions with neither do not vote;
 * 3. a slot is down when a strict majority of the voting regions are down (`quorum: 'any'`: one);
 * 4. down slots join into a run while no more than `maxGapMs` of silence lies between them; the
 *    run ends where the next slot that is up begins (the first check that passed), or at the end of
 *    its last down slot when nothing follows soon enough. A run keeps every region that was down in it.
 */
export function mergeDownRuns(
  buckets: readonly RegionBucketCounts[],
  options: DownRunOptions = {},
): DownRun[] {
  // No slot can vote down without a failed bucket: the common healthy line skips the slot maps.
  if (!buckets.some(bucketIsDown)) return [];
  const quorum = options.quorum ?? 'majority';
  const maxGap = options.maxGapMs ?? 0;
  const byKey = new Map<string, Slot>();
  for (const bucket of buckets) {
    if (bucket.up + bucket.degraded + bucket.down === 0) continue;
    const key = `${bucket.start}:${bucket.end}`;
    let slot = byKey.get(key);
    if (slot === undefined) {
      slot = { start: bucket.start, end: bucket.end, states: new Map() };
      byKey.set(key, slot);
    }
    slot.states.set(bucket.region, bucketIsDown(bucket));
  }
  const slots = [...byKey.values()].sort((a, b) => a.start - b.start);
  const last = new Map<string, { down: boolean; end: number }>();
  const runs: DownRun[] = [];
  let open: DownRun | null = null;
  let openEnd = 0;
  for (const slot of slots) {
    for (const [region, down] of slot.states) last.set(region, { down, end: slot.end });
    let voting = 0;
    const down: string[] = [];
    for (const [region, state] of last) {
      if (!slot.states.has(region) && (maxGap === 0 || slot.start - state.end > maxGap)) continue;
      voting += 1;
      if (state.down) down.push(region);
    }
    const isDown = down.length > 0 && (quorum === 'any' || down.length * 2 > voting);
    if (open !== null && slot.start - openEnd > maxGap) {
      runs.push(open);
      open = null;
    }
    if (isDown) {
      if (open === null) open = { start: slot.start, end: slot.end, regions: [] };
      open.end = slot.end;
      open.regions = [...new Set([...open.regions, ...down])].sort();
      openEnd = slot.end;
    } else if (open !== null) {
      open.end = slot.start;
      runs.push(open);
      open = null;
    }
  }
  if (open !== null) runs.push(open);
  return runs;
}

/**
 * Spans of planned maintenance read from rollups: buckets with at least as many checks taken
 * during maintenance (counted apart from up, degraded and down) as outside it; none when the
 * rollups carry no maintenance counter. Joined across regions and touching buckets.
 */
export function maintenanceSpans(buckets: readonly RegionBucketCounts[]): TimeSpan[] {
  return unionSpans(
    buckets
      .filter((b) => (b.maintenance ?? 0) > 0 && (b.maintenance ?? 0) >= b.up + b.degraded + b.down)
      .map((b) => ({ start: b.start, end: b.end })),
  );
}

/**
 * The longest mean time between checks of any region, read from its buckets: (its last bucket's
 * end − its first's start) ÷ its checks. It tells how much silence is normal between two checks
 * when the configured interval changed, or a region's probe runs late; 0 without buckets.
 */
export function observedCheckIntervalMs(buckets: readonly RegionBucketCounts[]): number {
  const spans = new Map<string, { start: number; end: number; checks: number }>();
  for (const b of buckets) {
    const checks = b.up + b.degraded + b.down;
    if (checks === 0) continue;
    const span = spans.get(b.region);
    if (span === undefined) spans.set(b.region, { start: b.start, end: b.end, checks });
    else {
      span.start = Math.min(span.start, b.start);
      span.end = Math.max(span.end, b.end);
      span.checks += checks;
    }
  }
  let longest = 0;
  for (const span of spans.values()) longest = Math.max(longest, (span.end - span.start) / span.checks);
  return longest;
}
