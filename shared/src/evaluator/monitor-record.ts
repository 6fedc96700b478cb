import type { EvaluatedMonitor } from './evaluated-monitor.js';
import type { Incident } from './incident.js';
import type { RegionRecord, Vote } from './region-record.js';
import type { MonitorStatus } from './status.js';

/** A region is stale once its newest counting result is older than this many intervals (rule 2). */
export const STALE_AFTER_INTERVALS = 3;

/** The evaluator's state for one monitor: its configuration, regions, vote counts and open incident. */
export class MonitorRecord {
  config!: EvaluatedMonitor;
  /** Milliseconds after its newest counting result at which a region goes stale. */
  staleMs = 0;
  /** Regions whose results count; null for `'all'`. */
  allowed: Set<string> | null = null;
  paused = false;
  maintenance = false;
  state: MonitorStatus = 'pending';
  /** Whether any region has ever left `pending`: tells `pending` from `unknown`. */
  settled = false;
  readonly regions = new Map<string, RegionRecord>();
  /** Fresh regions with a state, and how many of them are down or degraded; kept incrementally. */
  voting = 0;
  votingDown = 0;
  votingDegraded = 0;
  incident: Incident | null = null;
  /** Queued for re-evaluation in the current event. */
  dirty = false;
  /** The region whose change to down queued this evaluation: the incident cause comes from it. */
  tipping: RegionRecord | null = null;

  constructor(
    /** Creation order: children are re-evaluated in this order, before and after a restore. */
    readonly seq: number,
    config: EvaluatedMonitor,
  ) {
    this.configure(config);
    this.paused = config.paused;
  }

  /** Takes a new configuration; a changed `paused` flag wins over an earlier pause event. */
  configure(config: EvaluatedMonitor): void {
    if (this.config !== undefined && this.config.paused !== config.paused) this.paused = config.paused;
    this.config = config;
    this.staleMs = STALE_AFTER_INTERVALS * config.interval * 1000;
    this.allowed = config.regions === 'all' ? null : new Set(config.regions);
  }

  /** The parent id, ignoring a monitor named as its own parent. */
  get parentId(): string | undefined {
    const parent = this.config.parent;
    return parent === this.config.id ? undefined : parent;
  }
}

function count(monitor: MonitorRecord, vote: Vote, by: number): void {
  if (vote === null) return;
  monitor.voting += by;
  if (vote === 'down') monitor.votingDown += by;
  else if (vote === 'degraded') monitor.votingDegraded += by;
}

/**
 * Recomputes how one region votes (fresh, has a state, and its region is not blind) and moves
 * its monitor's counts. Returns whether the vote changed, i.e. whether the monitor needs
 * re-evaluating.
 */
export function refreshVote(region: RegionRecord): boolean {
  const vote: Vote =
    region.fresh && region.state !== 'pending' && !region.health.blind ? (region.state as Vote) : null;
  if (vote === region.vote) return false;
  count(region.monitor, region.vote, -1);
  count(region.monitor, vote, 1);
  region.vote = vote;
  return true;
}
