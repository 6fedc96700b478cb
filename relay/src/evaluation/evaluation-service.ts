import {
  ErrorCode,
  Evaluator,
  err,
  evaluatedMonitorOf,
  type Incident,
  type MonitorStatusEntry,
  ok,
  type Result,
  type ResultEvent,
  resultEventOf,
  type WireError,
} from '@vantage/shared';
import type { Logger } from 'pino';
import type { MonitorSetChange } from '../fanout/assignment-fanout.js';
import type { RelayContext } from '../relay-context.js';
import type { LoggedResult } from '../storage/relay-storage.js';
import { recoverEvaluator } from './evaluation-recovery.js';
import type { IncidentListeners } from './incident-listeners.js';
import { clip, OutputSink } from './output-sink.js';

/** How often evaluation runs without input and saves its state. */
export interface EvaluationTiming {
  /** Milliseconds between clock ticks that let regions go stale (default 1000). */
  tickMs: number;
  /** Milliseconds between evaluator snapshots (default 30,000): a restart replays the log after the last one. */
  snapshotMs: number;
}

/**
 * The relay's one evaluator. It is fed, in log order, every stored result, every monitor change,
 * probe health and a clock tick; its outputs go through the {@link OutputSink}. Its snapshot is
 * saved with the log cursor it reflects, so a restart (even after kill -9) resumes from there and
 * replays only the results after it.
 */
export class EvaluationService {
  #evaluator = new Evaluator();
  #cursor = 0;
  #dirty = false;
  #timers: NodeJS.Timeout[] = [];
  readonly #sink: OutputSink;
  readonly #log: Logger;

  constructor(
    private readonly ctx: RelayContext,
    broadcast: ConstructorParameters<typeof OutputSink>[0]['broadcast'],
    private readonly listeners: IncidentListeners,
    private readonly timing: EvaluationTiming,
  ) {
    this.#log = ctx.log.child({ part: 'evaluation' });
    this.#sink = new OutputSink({
      storage: ctx.storage,
      broadcast,
      listeners,
      statusOf: (id) => this.statusEntry(id),
      now: () => ctx.now(),
      log: this.#log,
    });
  }

  /** Restores and catches up (synchronously), then starts the tick and snapshot timers. */
  start(): void {
    const started = Date.now();
    const recovered = recoverEvaluator(
      this.ctx.storage,
      this.#log,
      (outputs, evaluator) => {
        this.#evaluator = evaluator;
        this.#sink.handle(outputs);
      },
      (incident) => this.#resolveOrphan(incident),
    );
    this.#evaluator = recovered.evaluator;
    this.#cursor = recovered.cursor;
    this.#log.info(
      { cursor: this.#cursor, replayed: recovered.replayed, ms: Date.now() - started },
      'evaluator restored',
    );
    this.saveSnapshot();
    const tick = setInterval(() => this.#guard('tick', () => this.tick()), this.timing.tickMs);
    const save = setInterval(
      () => this.#guard('snapshot', () => this.#dirty && this.saveSnapshot()),
      this.timing.snapshotMs,
    );
    tick.unref();
    save.unref();
    this.#timers = [tick, save];
  }

  /** The highest log cursor evaluated. */
  get cursor(): number {
    return this.#cursor;
  }

  /** Feeds committed results (live feed listener). */
  applyResults(results: readonly LoggedResult[]): void {
    const events: ResultEvent[] = [];
    for (const result of results) {
      if (result.cursor <= this.#cursor) continue;
      const event = resultEventOf(result);
      if (event !== undefined) events.push(event);
      this.#cursor = result.cursor;
    }
    this.#dirty = true;
    this.#sink.handle(this.#evaluator.applyAll(events));
  }

  /** Feeds a monitor set change. */
  applyMonitorChange(change: MonitorSetChange): void {
    this.#dirty = true;
    const outputs = this.#evaluator.applyAll([
      ...change.upserted.map((m) => ({ type: 'monitor.set' as const, monitor: evaluatedMonitorOf(m) })),
      ...change.deleted.map((monitorId) => ({ type: 'monitor.remove' as const, monitorId })),
    ]);
    this.#sink.handle(outputs);
    for (const id of change.deleted) this.#sink.forget(id);
    for (const monitor of change.upserted) {
      const entry = this.statusEntry(monitor.id);
      if (entry !== null) this.ctx.storage.monitorStatus.save(entry, '', this.ctx.now());
    }
  }

  /** Feeds a probe's own health verdict: an unhealthy probe's region stops voting at once. */
  applyProbeHealth(probeId: string, region: string, healthy: boolean): void {
    this.#dirty = true;
    this.#sink.handle(
      this.#evaluator.apply({ type: 'probe.health', probeId, region, healthy, ts: this.ctx.now() }),
    );
  }

  /** Starts or ends maintenance for a monitor: it shows `maintenance` and opens no incident meanwhile. */
  applyMaintenance(monitorId: string, active: boolean): void {
    this.#dirty = true;
    this.#sink.handle(this.#evaluator.apply({ type: 'maintenance', monitorId, active, ts: this.ctx.now() }));
  }

  /** Whether a monitor is in a maintenance window now (results stored meanwhile are marked). */
  inMaintenance(monitorId: string): boolean {
    return this.#evaluator.monitorState(monitorId) === 'maintenance';
  }

  /** Lets time pass: regions without results for three intervals go stale. */
  tick(): void {
    this.#sink.handle(this.#evaluator.apply({ type: 'tick', ts: this.ctx.now() }));
  }

  /** Acknowledges an incident; acknowledging a resolved or already acknowledged one changes nothing. */
  acknowledge(incidentId: string, by: string): Result<Incident, WireError> {
    const monitorId = incidentId.slice(0, incidentId.lastIndexOf(':'));
    const open = this.#evaluator.openIncident(monitorId);
    if (open?.id === incidentId && incidentId.length <= 100) {
      this.#dirty = true;
      this.#sink.handle(
        this.#evaluator.apply({ type: 'incident.ack', incidentId, by: clip(by, 200), ts: this.ctx.now() }),
      );
      return ok(this.#evaluator.openIncident(monitorId) ?? open);
    }
    const stored = this.ctx.storage.incidents.get(incidentId);
    if (stored !== null) return ok(stored);
    return err({
      code: ErrorCode.notFound,
      message: `no incident with id ${JSON.stringify(incidentId)}`,
      details: [{ path: 'incidentId', message: 'does not exist' }],
    });
  }

  /** A monitor's status with its regions, or null for a monitor the evaluator does not know. */
  statusEntry(monitorId: string): MonitorStatusEntry | null {
    const status = this.#evaluator.monitorState(monitorId);
    if (status === undefined) return null;
    const regions = this.#evaluator.regionStates(monitorId).map((r) => {
      const message = this.#sink.regionMessage(monitorId, r.region);
      return {
        region: r.region,
        status: r.state,
        ...(r.lastResultAt !== undefined ? { lastResultAt: r.lastResultAt } : {}),
        ...(message !== undefined ? { message } : {}),
      };
    });
    return { monitorId, status, regions };
  }

  /** Every open incident, oldest first. */
  openIncidents(): Incident[] {
    return this.#evaluator.openIncidents().sort((a, b) => a.openedAt - b.openedAt);
  }

  /** Saves the evaluator's state with the cursor it reflects. */
  saveSnapshot(): void {
    this.ctx.storage.evaluatorState.save(this.#cursor, this.#evaluator.snapshot(), this.ctx.now());
    this.#dirty = false;
  }

  /** Stops the timers and saves the state one last time. */
  close(): void {
    for (const timer of this.#timers) clearInterval(timer);
    this.#timers = [];
    this.saveSnapshot();
  }

  #resolveOrphan(incident: Incident): void {
    const now = this.ctx.now();
    const message =
      'Closed when the relay restarted: the events that decide this incident were lost in the restart';
    const resolved: Incident = {
      ...incident,
      resolvedAt: now,
      timeline: [...incident.timeline, { ts: now, kind: 'resolved', message }],
    };
    this.ctx.storage.transaction(() => {
      this.ctx.storage.incidents.save(resolved);
      this.listeners.stage({ change: 'resolved', incident: resolved });
    });
    this.listeners.emit({ change: 'resolved', incident: resolved });
    this.#log.warn(
      { incidentId: incident.id },
      'closed an incident the restored evaluator no longer holds open',
    );
  }

  #guard(what: string, work: () => unknown): void {
    try {
      work();
    } catch (error) {
      this.#log.error({ err: error }, `evaluation ${what} failed`);
    }
  }
}
