import { z } from 'zod';
import { ProbeId, RegionName } from '../results/check-result.js';
import { EvaluatedMonitor, MonitorRef } from './evaluated-monitor.js';
import { EvaluatorState, windowFor } from './evaluator-state.js';
import { copyIncident, Incident } from './incident.js';
import { MonitorRecord, refreshVote } from './monitor-record.js';
import { RegionRecord } from './region-record.js';
import { MonitorStatus, RegionStatus, Timestamp } from './status.js';

const Count = z.number().int().nonnegative();

const RegionSnapshot = z.object({
  seq: Count,
  name: RegionName,
  state: RegionStatus,
  consecutiveDown: Count,
  consecutiveNonDown: Count,
  lastTs: Timestamp.nullable(),
  fresh: z.boolean(),
  /** Stale-heap key of a fresh region; null when stale. */
  scheduledAt: z.number().nullable(),
  failMessage: z.string().max(2000).nullable(),
  downSince: Timestamp.nullable(),
  /** Failure-window timestamps, oldest first. */
  recentFailures: z.array(Timestamp),
});

const MonitorSnapshot = z.object({
  seq: Count,
  config: EvaluatedMonitor,
  paused: z.boolean(),
  maintenance: z.boolean(),
  state: MonitorStatus,
  settled: z.boolean(),
  incident: Incident.nullable(),
  regions: z.array(RegionSnapshot),
});

/** The evaluator's whole state as plain JSON, so the relay can persist it and resume. */
export const EvaluatorSnapshot = z.object({
  version: z.literal(1),
  now: Timestamp,
  nextMonitorSeq: Count,
  nextRegionSeq: Count,
  probes: z.array(z.object({ probeId: ProbeId, region: RegionName, healthy: z.boolean() })),
  incidentCounts: z.array(z.object({ monitorId: MonitorRef, count: Count })),
  monitors: z.array(MonitorSnapshot),
});
/** The evaluator's whole state as plain JSON. */
export type EvaluatorSnapshot = z.infer<typeof EvaluatorSnapshot>;

/** The snapshot of a state, sharing nothing mutable with it. */
export function snapshotOf(state: EvaluatorState): EvaluatorSnapshot {
  return {
    version: 1,
    now: state.now,
    nextMonitorSeq: state.nextMonitorSeq,
    nextRegionSeq: state.nextRegionSeq,
    probes: state.probes.list(),
    incidentCounts: [...state.incidentCounts].map(([monitorId, count]) => ({ monitorId, count })),
    monitors: [...state.monitors.values()].map((m) => ({
      seq: m.seq,
      config: structuredClone(m.config),
      paused: m.paused,
      maintenance: m.maintenance,
      state: m.state,
      settled: m.settled,
      incident: m.incident === null ? null : copyIncident(m.incident),
      regions: [...m.regions.values()].map((r) => ({
        seq: r.seq,
        name: r.name,
        state: r.state,
        consecutiveDown: r.consecutiveDown,
        consecutiveNonDown: r.consecutiveNonDown,
        lastTs: r.lastTs >= 0 ? r.lastTs : null,
        fresh: r.fresh,
        scheduledAt: r.heapIndex >= 0 ? r.scheduledAt : null,
        failMessage: r.failMessage,
        downSince: r.downSince >= 0 ? r.downSince : null,
        recentFailures: r.window?.recent() ?? [],
      })),
    })),
  };
}

/**
 * Rebuilds a state from its snapshot. Everything whose order decides output order is rebuilt in
 * that order: monitors and their regions as listed, each region's record set and each child
 * list by `seq`, and the stale heap by its unique keys.
 */
export function stateFromSnapshot(snapshot: EvaluatorSnapshot): EvaluatorState {
  const state = new EvaluatorState();
  state.now = snapshot.now;
  state.nextMonitorSeq = snapshot.nextMonitorSeq;
  state.nextRegionSeq = snapshot.nextRegionSeq;
  for (const p of snapshot.probes) state.probes.set(p.probeId, p.region, p.healthy, state.flipped);
  state.flipped.length = 0;
  for (const { monitorId, count } of snapshot.incidentCounts) state.incidentCounts.set(monitorId, count);
  const regions: RegionRecord[] = [];
  for (const m of snapshot.monitors) {
    const monitor = new MonitorRecord(m.seq, structuredClone(m.config));
    monitor.paused = m.paused;
    monitor.maintenance = m.maintenance;
    monitor.state = m.state;
    monitor.settled = m.settled;
    monitor.incident = m.incident === null ? null : copyIncident(m.incident);
    state.monitors.set(m.config.id, monitor);
    for (const r of m.regions) {
      const region = new RegionRecord(r.seq, r.name, monitor, state.probes.region(r.name));
      region.state = r.state;
      region.consecutiveDown = r.consecutiveDown;
      region.consecutiveNonDown = r.consecutiveNonDown;
      region.lastTs = r.lastTs ?? -1;
      region.fresh = r.fresh;
      region.failMessage = r.failMessage;
      region.downSince = r.downSince ?? -1;
      region.window = windowFor(monitor.config, r.recentFailures);
      monitor.regions.set(r.name, region);
      regions.push(region);
      refreshVote(region);
      if (region.fresh) {
        region.scheduledAt = r.scheduledAt ?? region.lastTs + monitor.staleMs;
        state.heap.push(region);
      }
    }
  }
  for (const monitor of state.monitors.values()) state.linkChild(monitor);
  regions.sort((a, b) => a.seq - b.seq);
  for (const region of regions) region.health.records.add(region);
  return state;
}
