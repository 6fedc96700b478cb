import {
  HEARTBEAT_LIMITS,
  type HeartbeatDetail,
  type HeartbeatPing,
  type HeartbeatSummary,
  type MonitorOf,
  runsOf,
} from '@vantage/shared';
import type { Logger } from 'pino';
import type { MonitorStore, ResultLog } from '../storage/relay-storage.js';
import { HeartbeatResultWriter } from './heartbeat-results.js';
import { newPingToken, type NewPing, type SqliteHeartbeatStore } from './heartbeat-store.js';
import { checkStateOf, HeartbeatTrack } from './heartbeat-track.js';
import { PingWriter } from './ping-writer.js';

/** Pings of one monitor within this many ms after its last result add no result of their own. */
const MIN_RESULT_SPACING_MS = 1000;
/** Pings read back per monitor at start to restore open runs and the last run. */
const RESTORE_PINGS = 200;

/** What the heartbeat service works on. */
export interface HeartbeatServiceDeps {
  store: SqliteHeartbeatStore;
  monitors: MonitorStore;
  results: ResultLog;
  log: Logger;
  now: () => number;
  /** Commits a batch of pings; by default on this thread through `store`. */
  commitPings?: (pings: readonly NewPing[]) => Promise<HeartbeatPing[]>;
}

/**
 * The relay as the probe of heartbeat monitors. Pings are committed before they are answered
 * (group commit); states follow from them with the shared schedule rules, and each state is
 * written to the result log (on each run's end, on every change, and at least once per monitor
 * interval so the evaluator never sees the region stale). New and paused heartbeats write nothing.
 */
export class HeartbeatService {
  readonly #tracks = new Map<string, HeartbeatTrack>();
  readonly #byToken = new Map<string, HeartbeatTrack>();
  readonly #writer: PingWriter;
  readonly #out: HeartbeatResultWriter;
  #revision = -1;
  #publicUrl = '';

  constructor(private readonly deps: HeartbeatServiceDeps) {
    this.#writer = new PingWriter(
      deps.commitPings ?? (async (pings) => deps.store.insertPings(pings)),
      (pings) => this.#committed(pings),
      (error) => deps.log.error({ err: error }, 'heartbeat state update failed'),
    );
    this.#out = new HeartbeatResultWriter(deps.results, deps.log);
  }

  /** Sets where ping URLs point (known once the server listens). */
  setPublicUrl(url: string): void {
    this.#publicUrl = url.replace(/\/+$/, '');
  }

  /** The track a ping token belongs to, if any. */
  byToken(token: string): HeartbeatTrack | undefined {
    this.sync();
    return this.#byToken.get(token);
  }

  /** Stores a ping; resolves once it is committed. */
  ping(ping: NewPing): Promise<HeartbeatPing> {
    return this.#writer.write(ping);
  }

  /** Resolves once every ping received so far is committed. */
  flush(): Promise<void> {
    return this.#writer.flush();
  }

  /** Re-reads the monitor set if it changed: new heartbeat monitors get a token, removed ones lose theirs. */
  sync(): void {
    const { monitors, store, now } = this.deps;
    if (monitors.revision() === this.#revision) return;
    this.#revision = monitors.revision();
    const tokens = store.tokens();
    let resumes: Map<string, number> | undefined;
    const seen = new Set<string>();
    for (const monitor of monitors.list()) {
      if (monitor.type !== 'heartbeat') continue;
      seen.add(monitor.id);
      const track = this.#tracks.get(monitor.id);
      if (track !== undefined) {
        if (track.monitor.paused && !monitor.paused) {
          track.resume(now());
          store.setResumedAt(monitor.id, now());
        }
        track.monitor = monitor;
        continue;
      }
      let token = tokens.get(monitor.id);
      if (token === undefined) {
        token = newPingToken();
        store.setToken(monitor.id, token, now());
      }
      resumes ??= store.resumes();
      this.#add(this.#restore(monitor, token, resumes.get(monitor.id)));
    }
    for (const [id, track] of this.#tracks) {
      if (seen.has(id)) continue;
      this.#tracks.delete(id);
      this.#byToken.delete(track.token);
      store.deleteToken(id);
    }
  }

  /**
   * Lets time pass: writes a result for every heartbeat whose state changed (late, down) or
   * whose last result is an interval old.
   */
  tick(): Promise<void> {
    this.sync();
    const now = this.deps.now();
    for (const track of this.#tracks.values()) {
      const verdict = track.verdict(now);
      const state = checkStateOf(verdict.state);
      if (state === null) continue;
      if (state !== track.emittedState || now - track.emittedAt >= track.monitor.interval * 1000) {
        this.#out.add(track, state, verdict.message, 0, now);
      }
    }
    return this.#out.send();
  }

  /** Every heartbeat monitor, in id order. */
  list(): HeartbeatSummary[] {
    this.sync();
    return [...this.#tracks.values()]
      .sort((a, b) => a.monitor.id.localeCompare(b.monitor.id))
      .map((t) => this.#summary(t));
  }

  /** One heartbeat monitor with its recent runs; null when there is no such heartbeat monitor. */
  detail(monitorId: string): HeartbeatDetail | null {
    this.sync();
    const track = this.#tracks.get(monitorId);
    if (track === undefined) return null;
    const runs = runsOf(this.deps.store.recentPings(monitorId, HEARTBEAT_LIMITS.runsShown * 2));
    return { ...this.#summary(track), runs: runs.slice(0, HEARTBEAT_LIMITS.runsShown) };
  }

  /** Replaces a monitor's token: the old URL stops working at once. Null for an unknown monitor. */
  rotateToken(monitorId: string): HeartbeatSummary | null {
    this.sync();
    const track = this.#tracks.get(monitorId);
    if (track === undefined) return null;
    const token = newPingToken();
    this.deps.store.setToken(monitorId, token, this.deps.now());
    this.#byToken.delete(track.token);
    track.token = token;
    this.#byToken.set(token, track);
    return this.#summary(track);
  }

  /** Folds committed pings into their tracks, in commit order, and writes the results they cause. */
  #committed(pings: readonly HeartbeatPing[]): void {
    const now = this.deps.now();
    for (const ping of pings) {
      const track = this.#tracks.get(ping.monitorId);
      if (track === undefined) continue;
      const run = track.add(ping);
      if (run === null) continue;
      const verdict = track.verdict(now);
      const state = checkStateOf(verdict.state);
      if (state === null) continue;
      if (state !== track.emittedState || now - track.emittedAt >= MIN_RESULT_SPACING_MS) {
        this.#out.add(track, state, verdict.message, run.durationMs ?? 0, now);
      }
    }
    // Sent by the next tick, not now: one result commit per tick instead of one per ping batch
    // (each commit is an fsync that blocks the thread). Results are derived from the stored pings,
    // so a crash before the tick loses no state: the first tick after a restart writes it again.
  }

  #restore(monitor: MonitorOf<'heartbeat'>, token: string, resumedAt: number | undefined): HeartbeatTrack {
    const track = new HeartbeatTrack(monitor, token);
    for (const ping of this.deps.store.recentPings(monitor.id, RESTORE_PINGS)) track.add(ping);
    if (track.lastSuccessAt === null) {
      // The window held only starts and failures: the success that failures follow is older.
      track.lastSuccessAt = this.deps.store.lastPing(monitor.id, 'success')?.at ?? null;
    }
    if (resumedAt !== undefined) track.resume(resumedAt);
    return track;
  }

  #add(track: HeartbeatTrack): void {
    this.#tracks.set(track.monitor.id, track);
    this.#byToken.set(track.token, track);
  }

  #summary(track: HeartbeatTrack): HeartbeatSummary {
    const verdict = track.verdict(this.deps.now());
    return {
      monitorId: track.monitor.id,
      name: track.monitor.name,
      url: `${this.#publicUrl}/hb/${track.token}`,
      state: verdict.state,
      message: verdict.message,
      lastPingAt: track.lastPingAt,
      nextDueAt: verdict.nextDueAt,
      downAt: verdict.downAt,
      lastRun: track.lastRun,
    };
  }
}
