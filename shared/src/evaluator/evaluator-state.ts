import type { EvaluatedMonitor } from './evaluated-monitor.js';
import type { EvaluatorOutput } from './evaluator-outputs.js';
import { FailureWindow } from './failure-window.js';
import { onMonitorTransition } from './incident-rules.js';
import { MonitorRecord, refreshVote } from './monitor-record.js';
import { describeStatus, isDownLike, monitorStatusOf } from './monitor-status.js';
import { ProbeRegistry } from './probe-registry.js';
import type { RegionHealth } from './region-health.js';
import { RegionRecord } from './region-record.js';
import { StaleHeap } from './stale-heap.js';

/** The evaluator's whole mutable state and the steps every event handler shares. */
export class EvaluatorState {
  /** The clock: the latest `ts` of any event so far. */
  now = 0;
  readonly monitors = new Map<string, MonitorRecord>();
  /** Children by parent id, each list in ascending `seq`; parents need not exist. */
  readonly children = new Map<string, MonitorRecord[]>();
  readonly probes = new ProbeRegistry();
  readonly heap = new StaleHeap();
  /** Incidents ever opened per monitor id, kept after removal so ids are never reused. */
  readonly incidentCounts = new Map<string, number>();
  nextMonitorSeq = 0;
  nextRegionSeq = 0;
  /** Outputs of the current event. */
  out: EvaluatorOutput[] = [];
  private readonly dirty: MonitorRecord[] = [];
  /** Scratch list of regions whose blindness flipped. */
  readonly flipped: RegionHealth[] = [];

  /** Queues a monitor for evaluation at the end of the current event. */
  markDirty(monitor: MonitorRecord): void {
    if (monitor.dirty) return;
    monitor.dirty = true;
    this.dirty.push(monitor);
  }

  /**
   * Rule 2, time passes: moves the clock to `ts` and marks stale every region whose newest
   * counting result is now more than three intervals old. A heap entry may be early (its region
   * got newer results since): it is then put back at its real deadline instead.
   */
  advance(ts: number): void {
    if (ts <= this.now) return;
    this.now = ts;
    const heap = this.heap;
    let top = heap.peek();
    while (top !== undefined && top.scheduledAt < ts) {
      heap.pop();
      const deadline = top.lastTs + top.monitor.staleMs;
      if (deadline >= ts) {
        top.scheduledAt = deadline;
        heap.push(top);
      } else {
        top.fresh = false;
        if (refreshVote(top)) this.markDirty(top.monitor);
      }
      top = heap.peek();
    }
  }

  /** Recomputes one region's freshness against the clock and fixes its heap entry. */
  refreshFreshness(region: RegionRecord): void {
    this.heap.remove(region);
    region.fresh = region.lastTs >= 0 && this.now - region.lastTs <= region.monitor.staleMs;
    if (region.fresh) {
      region.scheduledAt = region.lastTs + region.monitor.staleMs;
      this.heap.push(region);
    }
    if (refreshVote(region)) this.markDirty(region.monitor);
  }

  /** Re-votes every record of the regions whose blindness flipped, in creation order. */
  revoteFlipped(): void {
    for (const health of this.flipped) {
      for (const region of health.records) if (refreshVote(region)) this.markDirty(region.monitor);
    }
    this.flipped.length = 0;
  }

  /** Creates a monitor's record and links it under its parent. */
  addMonitor(config: EvaluatedMonitor): MonitorRecord {
    const monitor = new MonitorRecord(this.nextMonitorSeq++, config);
    monitor.state = monitorStatusOf(monitor, false);
    this.monitors.set(config.id, monitor);
    this.linkChild(monitor);
    return monitor;
  }

  /** Adds a monitor to its parent's child list, keeping the list in `seq` order. */
  linkChild(monitor: MonitorRecord): void {
    const parentId = monitor.parentId;
    if (parentId === undefined) return;
    let list = this.children.get(parentId);
    if (list === undefined) {
      list = [];
      this.children.set(parentId, list);
    }
    let at = list.length;
    while (at > 0 && list[at - 1]!.seq > monitor.seq) at--;
    list.splice(at, 0, monitor);
  }

  /** Removes a monitor from its parent's child list. */
  unlinkChild(monitor: MonitorRecord): void {
    const parentId = monitor.parentId;
    if (parentId === undefined) return;
    const list = this.children.get(parentId);
    if (list === undefined) return;
    const at = list.indexOf(monitor);
    if (at >= 0) list.splice(at, 1);
    if (list.length === 0) this.children.delete(parentId);
  }

  /** Creates the record of a monitor in a region, on its first counting result there. */
  addRegion(monitor: MonitorRecord, name: string, seq = this.nextRegionSeq++): RegionRecord {
    const region = new RegionRecord(seq, name, monitor, this.probes.region(name));
    region.window = windowFor(monitor.config);
    monitor.regions.set(name, region);
    region.health.records.add(region);
    return region;
  }

  /** Forgets a region of a monitor (it left the monitor's region list or the monitor was removed). */
  removeRegion(region: RegionRecord): void {
    region.fresh = false;
    region.state = 'pending';
    refreshVote(region);
    this.heap.remove(region);
    region.health.records.delete(region);
    region.monitor.regions.delete(region.name);
  }

  /**
   * Evaluates every queued monitor once; a monitor whose change flips whether it counts as down
   * queues its children (rule 4). This settles even with cyclic parents: within one event a
   * quorum-down monitor is down or dependency_down either way, so the second pass changes nothing.
   */
  flush(): void {
    const dirty = this.dirty;
    const limit = 4 * (this.monitors.size + 1) + dirty.length;
    for (let i = 0; i < dirty.length; i++) {
      if (i > limit) throw new Error('evaluator: dependency re-evaluation did not settle');
      const monitor = dirty[i]!;
      monitor.dirty = false;
      this.evaluate(monitor);
    }
    dirty.length = 0;
  }

  private evaluate(monitor: MonitorRecord): void {
    if (this.monitors.get(monitor.config.id) !== monitor) return;
    const parentId = monitor.parentId;
    const parent = parentId === undefined ? undefined : this.monitors.get(parentId);
    const next = monitorStatusOf(monitor, parent !== undefined && isDownLike(parent.state));
    const from = monitor.state;
    if (next !== from) {
      monitor.state = next;
      const { id } = monitor.config;
      this.out.push({
        type: 'monitor.changed',
        monitorId: id,
        from,
        to: next,
        ts: this.now,
        message: describeStatus(monitor, next),
      });
      onMonitorTransition(this, monitor, next);
      if (isDownLike(from) !== isDownLike(next)) this.queueChildren(id);
    }
    monitor.tipping = null;
  }

  /** Queues a monitor's children, e.g. after it changed or disappeared. */
  queueChildren(parentId: string): void {
    const list = this.children.get(parentId);
    if (list !== undefined) for (const child of list) this.markDirty(child);
  }
}

/** A fresh failure window for a monitor's configuration, keeping `recent` failures. */
export function windowFor(
  config: EvaluatedMonitor,
  recent: readonly number[] = [],
): FailureWindow | undefined {
  const w = config.failureWindow;
  return w === undefined ? undefined : new FailureWindow(w.failures, w.minutes * 60_000, recent);
}
