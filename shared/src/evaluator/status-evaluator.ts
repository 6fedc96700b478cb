import type { EvaluatedMonitor } from './evaluated-monitor.js';
import type { EvaluatorEvent, ResultEvent } from './evaluator-events.js';
import type { EvaluatorOutput } from './evaluator-outputs.js';
import { type EvaluatorSnapshot, snapshotOf, stateFromSnapshot } from './evaluator-snapshot.js';
import { EvaluatorState, windowFor } from './evaluator-state.js';
import { copyIncident, type Incident } from './incident.js';
import { acknowledgeIncident, onRegionTransition, resolveIncident } from './incident-rules.js';
import { refreshVote } from './monitor-record.js';
import { recordRegionResult } from './region-record.js';
import type { MonitorStatus, RegionStatus } from './status.js';

const NO_OUTPUTS: readonly EvaluatorOutput[] = Object.freeze([]);

/** One region's view of a monitor, as the UI and relay read it. */
export interface RegionView {
  region: string;
  state: RegionStatus;
  /** Whether its newest counting result is within three intervals of the clock. */
  fresh: boolean;
  /** Whether it counts towards the quorum now (fresh, has a state, and its probes are not all unhealthy). */
  voting: boolean;
  /** Time of its newest counting result, absent before the first. */
  lastResultAt?: number;
  consecutiveDown: number;
  consecutiveNonDown: number;
}

/**
 * The status evaluator: the one place where region and monitor statuses change and incidents
 * open and resolve. The relay and the desktop both run it and must agree, so it is a pure state
 * machine: no I/O, no wall clock, no randomness; time comes only from the events (the clock is
 * the latest event `ts`), and incident ids are `${monitorId}:${n}`. The rules:
 * 1. Region status from consecutive results, confirmation, recovery and the failure window:
 *    `recordRegionResult`.
 * 2. A region is fresh while its newest counting result is at most 3 × interval old; stale
 *    regions, and regions whose probes are all unhealthy, do not vote: `EvaluatorState.advance`,
 *    `refreshVote`. Results from an unhealthy probe do not count at all.
 * 3. Monitor status from the quorum of voting regions, with paused/maintenance overriding:
 *    `monitorStatusOf`, `quorumMet`.
 * 4. A monitor whose parent is down or dependency_down is dependency_down instead of down; a
 *    parent's change re-evaluates its children through an index: `EvaluatorState.flush`.
 * 5. Incidents open on down, resolve on up/degraded/paused/maintenance/removal, and record region
 *    changes and acknowledgements: `onMonitorTransition`, `onRegionTransition`.
 * 6. The same events in the same order give the same outputs, one by one or batched:
 *    `apply`, `applyAll`.
 * 7. `snapshot` and `restore` carry everything that decides later outputs, order included.
 * 8. Speed: a result costs a few map lookups and no allocation unless something changes;
 *    staleness uses a heap instead of scanning regions.
 * Results for paused or maintained monitors still move region statuses, so resuming shows the
 * truth at once. Configuration changes apply from the next result.
 */
export class Evaluator {
  private state = new EvaluatorState();

  /**
   * Rule 7: an evaluator that continues exactly where the snapshotted one stood. Parse untrusted
   * input with the `EvaluatorSnapshot` schema first.
   */
  static restore(snapshot: EvaluatorSnapshot): Evaluator {
    const evaluator = new Evaluator();
    evaluator.state = stateFromSnapshot(snapshot);
    return evaluator;
  }

  /** Applies one event and returns what changed (a shared empty array when nothing did). */
  apply(event: EvaluatorEvent): readonly EvaluatorOutput[] {
    const state = this.state;
    this.dispatch(event);
    const out = state.out;
    if (out.length === 0) return NO_OUTPUTS;
    state.out = [];
    return out;
  }

  /** Rule 6: applies events in order; the outputs equal those of `apply` called on each in turn. */
  applyAll(events: Iterable<EvaluatorEvent>): EvaluatorOutput[] {
    const state = this.state;
    const all: EvaluatorOutput[] = [];
    const saved = state.out;
    state.out = all;
    try {
      for (const event of events) this.dispatch(event);
    } finally {
      state.out = saved;
    }
    return all;
  }

  /** Plain JSON of the whole state, valid against the `EvaluatorSnapshot` schema. */
  snapshot(): EvaluatorSnapshot {
    return snapshotOf(this.state);
  }

  /** The clock: the latest event time seen, epoch milliseconds. */
  get now(): number {
    return this.state.now;
  }

  /** Ids of every known monitor, in the order they were first set. */
  monitorIds(): string[] {
    return [...this.state.monitors.keys()];
  }

  /** A monitor's status, undefined for a monitor never set or since removed. */
  monitorState(monitorId: string): MonitorStatus | undefined {
    return this.state.monitors.get(monitorId)?.state;
  }

  /** Every region that has reported for a monitor, in the order they first reported. */
  regionStates(monitorId: string): RegionView[] {
    const monitor = this.state.monitors.get(monitorId);
    if (monitor === undefined) return [];
    return [...monitor.regions.values()].map((r) => ({
      region: r.name,
      state: r.state,
      fresh: r.fresh,
      voting: r.vote !== null,
      ...(r.lastTs >= 0 ? { lastResultAt: r.lastTs } : {}),
      consecutiveDown: r.consecutiveDown,
      consecutiveNonDown: r.consecutiveNonDown,
    }));
  }

  /** A copy of the monitor's open incident, if it has one. */
  openIncident(monitorId: string): Incident | undefined {
    const incident = this.state.monitors.get(monitorId)?.incident;
    return incident == null ? undefined : copyIncident(incident);
  }

  /** Copies of every open incident. Resolved incidents leave through `incident.resolved` outputs only. */
  openIncidents(): Incident[] {
    const open: Incident[] = [];
    for (const monitor of this.state.monitors.values()) {
      if (monitor.incident !== null) open.push(copyIncident(monitor.incident));
    }
    return open;
  }

  private dispatch(event: EvaluatorEvent): void {
    const state = this.state;
    switch (event.type) {
      case 'result':
        this.recordResult(event);
        break;
      case 'tick':
        state.advance(event.ts);
        break;
      case 'monitor.set':
        this.setMonitor(event.monitor);
        break;
      case 'monitor.remove':
        this.removeMonitor(event.monitorId);
        break;
      case 'probe.health':
        state.advance(event.ts);
        state.probes.set(event.probeId, event.region, event.healthy, state.flipped);
        state.revoteFlipped();
        break;
      case 'maintenance':
      case 'pause': {
        state.advance(event.ts);
        const monitor = state.monitors.get(event.monitorId);
        if (monitor === undefined) break;
        if (event.type === 'pause') monitor.paused = event.paused;
        else monitor.maintenance = event.active;
        state.markDirty(monitor);
        break;
      }
      case 'incident.ack':
        state.advance(event.ts);
        acknowledgeIncident(state, event);
        break;
    }
    state.flush();
  }

  /** The hot path: one lookup per map, no allocation unless something changes. */
  private recordResult(event: ResultEvent): void {
    const state = this.state;
    state.advance(event.ts);
    const probe = state.probes.get(event.probeId);
    if (probe === undefined || probe.region.name !== event.region) {
      state.probes.set(event.probeId, event.region, probe?.healthy ?? true, state.flipped);
      state.revoteFlipped();
    }
    if (probe !== undefined && !probe.healthy) return;
    const monitor = state.monitors.get(event.monitorId);
    if (monitor === undefined || (monitor.allowed !== null && !monitor.allowed.has(event.region))) return;
    const region = monitor.regions.get(event.region) ?? state.addRegion(monitor, event.region);
    const from = region.state;
    let changed = false;
    if (recordRegionResult(region, event.state, event.ts, event.message)) {
      changed = true;
      state.out.push({
        type: 'region.changed',
        monitorId: event.monitorId,
        region: event.region,
        from,
        to: region.state,
        ts: event.ts,
        message: event.message,
      });
      monitor.settled = true;
      if (region.state === 'down') monitor.tipping = region;
      onRegionTransition(state, region, from, event.ts);
      state.markDirty(monitor);
    }
    if (event.ts > region.lastTs) {
      region.lastTs = event.ts;
      if (!region.fresh && state.now - event.ts <= monitor.staleMs) {
        changed = true;
        region.fresh = true;
        region.scheduledAt = event.ts + monitor.staleMs;
        state.heap.push(region);
      }
    }
    if (changed && refreshVote(region)) state.markDirty(monitor);
  }

  private setMonitor(config: EvaluatedMonitor): void {
    const state = this.state;
    const monitor = state.monitors.get(config.id);
    if (monitor === undefined) {
      state.addMonitor(config);
      return;
    }
    const old = monitor.config;
    state.unlinkChild(monitor);
    monitor.configure(config);
    state.linkChild(monitor);
    const sameWindow =
      old.failureWindow?.failures === config.failureWindow?.failures &&
      old.failureWindow?.minutes === config.failureWindow?.minutes;
    for (const region of [...monitor.regions.values()]) {
      if (monitor.allowed !== null && !monitor.allowed.has(region.name)) {
        state.removeRegion(region);
        continue;
      }
      if (old.interval !== config.interval) state.refreshFreshness(region);
      if (!sameWindow) region.window = windowFor(config, region.window?.recent());
    }
    state.markDirty(monitor);
  }

  private removeMonitor(monitorId: string): void {
    const state = this.state;
    const monitor = state.monitors.get(monitorId);
    if (monitor === undefined) return;
    resolveIncident(state, monitor, 'Resolved because the monitor was removed');
    for (const region of [...monitor.regions.values()]) state.removeRegion(region);
    state.unlinkChild(monitor);
    state.monitors.delete(monitorId);
    state.queueChildren(monitorId);
  }
}
