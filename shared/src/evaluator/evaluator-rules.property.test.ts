import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CheckState } from '../results/check-result.js';
import type { EvaluatedMonitor } from './evaluated-monitor.js';
import { MONITOR_IDS, scenarioArb } from './evaluator-arbitraries.js';
import type { EvaluatorEvent } from './evaluator-events.js';
import type { MonitorStatus, RegionStatus } from './status.js';
import { Evaluator } from './status-evaluator.js';

/**
 * A from-scratch model of which results count and which regions vote, kept beside the evaluator
 * over scenarios whose configuration never changes after the first `monitor.set`.
 */
class Model {
  now = 0;
  readonly configs = new Map<string, EvaluatedMonitor>();
  readonly paused = new Map<string, boolean>();
  readonly maintenance = new Map<string, boolean>();
  readonly probeRegion = new Map<string, string>();
  readonly unhealthy = new Set<string>();
  readonly history = new Map<string, Array<{ state: CheckState; ts: number }>>();

  /** Applies an event; for a result, returns its (monitor, region) history if it counted. */
  apply(event: EvaluatorEvent): Array<{ state: CheckState; ts: number }> | undefined {
    if ('ts' in event) this.now = Math.max(this.now, event.ts);
    switch (event.type) {
      case 'monitor.set':
        this.configs.set(event.monitor.id, event.monitor);
        this.paused.set(event.monitor.id, event.monitor.paused);
        return undefined;
      case 'pause':
        if (this.configs.has(event.monitorId)) this.paused.set(event.monitorId, event.paused);
        return undefined;
      case 'maintenance':
        if (this.configs.has(event.monitorId)) this.maintenance.set(event.monitorId, event.active);
        return undefined;
      case 'probe.health':
        this.probeRegion.set(event.probeId, event.region);
        if (event.healthy) this.unhealthy.delete(event.probeId);
        else this.unhealthy.add(event.probeId);
        return undefined;
      case 'result': {
        this.probeRegion.set(event.probeId, event.region);
        const config = this.configs.get(event.monitorId);
        if (config === undefined || this.unhealthy.has(event.probeId)) return undefined;
        if (config.regions !== 'all' && !config.regions.includes(event.region)) return undefined;
        const key = `${event.monitorId}|${event.region}`;
        const list = this.history.get(key) ?? [];
        list.push({ state: event.state, ts: event.ts });
        this.history.set(key, list);
        return list;
      }
      default:
        return undefined;
    }
  }

  blind(region: string): boolean {
    const probes = [...this.probeRegion].filter(([, r]) => r === region).map(([p]) => p);
    return probes.length > 0 && probes.every((p) => this.unhealthy.has(p));
  }

  /** Rules 2 to 4 recomputed from the whole history, trusting only the region states. */
  status(
    id: string,
    regionStates: Array<{ region: string; state: RegionStatus }>,
    parent?: MonitorStatus,
  ): MonitorStatus {
    const config = this.configs.get(id)!;
    if (this.paused.get(id)) return 'paused';
    if (this.maintenance.get(id)) return 'maintenance';
    if (regionStates.every((r) => r.state === 'pending')) return 'pending';
    const voting = regionStates.filter((r) => {
      const last = this.history.get(`${id}|${r.region}`)!.reduce((max, h) => Math.max(max, h.ts), 0);
      return r.state !== 'pending' && this.now - last <= 3 * config.interval * 1000 && !this.blind(r.region);
    });
    if (voting.length === 0) return 'unknown';
    const down = voting.filter((r) => r.state === 'down').length;
    const q = config.quorum;
    const met =
      down > 0 &&
      (q === 'majority'
        ? down * 2 > voting.length
        : q === 'all'
          ? down === voting.length
          : q === 'any' || down >= Math.min(q, voting.length));
    if (met) return parent === 'down' || parent === 'dependency_down' ? 'dependency_down' : 'down';
    return voting.some((r) => r.state !== 'up') ? 'degraded' : 'up';
  }
}

const last = <T>(list: T[], n: number): T[] | undefined => (list.length >= n ? list.slice(-n) : undefined);

describe('status evaluator against a from-scratch model', () => {
  it('turns a region down only after the confirmation count or the failure-window rule, and up only after the recovery count', () => {
    fc.assert(
      fc.property(scenarioArb(false), ({ events }) => {
        const evaluator = new Evaluator();
        const model = new Model();
        const before = new Map<string, RegionStatus>();
        for (const event of events) {
          evaluator.apply(event);
          const history = model.apply(event);
          if (event.type !== 'result' || !model.configs.has(event.monitorId)) continue;
          const key = `${event.monitorId}|${event.region}`;
          const prev = before.get(key) ?? 'pending';
          const now =
            evaluator.regionStates(event.monitorId).find((r) => r.region === event.region)?.state ??
            'pending';
          before.set(key, now);
          if (history === undefined) {
            expect(now).toBe(prev);
            continue;
          }
          const { confirmation, recovery, failureWindow } = model.configs.get(event.monitorId)!;
          const latest = history.at(-1)!;
          const confirmed = last(history, confirmation)?.every((h) => h.state === 'down') ?? false;
          const windowed =
            failureWindow !== undefined &&
            latest.state === 'down' &&
            history.filter((h) => h.state === 'down' && h.ts >= latest.ts - failureWindow.minutes * 60_000)
              .length >= failureWindow.failures;
          const recovered = last(history, recovery)?.every((h) => h.state !== 'down') ?? false;
          if (now === 'down' && prev !== 'down') expect(confirmed || windowed).toBe(true);
          if (prev === 'down' && now !== 'down') expect(recovered).toBe(true);
          if (confirmed || windowed) expect(now).toBe('down');
          if (recovered) expect(now).toBe(latest.state);
          if (latest.state !== 'down') expect([latest.state, 'down']).toContain(now);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('gives each monitor the quorum of its fresh regions with trusted probes, after every event', () => {
    fc.assert(
      fc.property(scenarioArb(false), ({ events }) => {
        const evaluator = new Evaluator();
        const model = new Model();
        for (const event of events) {
          evaluator.apply(event);
          model.apply(event);
          for (const id of MONITOR_IDS) {
            if (!model.configs.has(id)) continue;
            const parentId = model.configs.get(id)?.parent;
            const parent =
              parentId === undefined || parentId === id ? undefined : evaluator.monitorState(parentId);
            expect(evaluator.monitorState(id)).toBe(model.status(id, evaluator.regionStates(id), parent));
          }
        }
      }),
      { numRuns: 300 },
    );
  });
});
