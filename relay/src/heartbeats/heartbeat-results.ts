import type { CheckResult, CheckState } from '@vantage/shared';
import type { Logger } from 'pino';
import type { ResultLog } from '../storage/relay-storage.js';
import type { HeartbeatTrack } from './heartbeat-track.js';

/** The probe id under which the relay writes heartbeat results to the log (no probe may use it). */
export const HEARTBEAT_PROBE_ID = 'relay-heartbeat';
/** The region of heartbeat results: the relay itself is where pings arrive. */
export const HEARTBEAT_REGION = 'heartbeat';

/**
 * Writes heartbeat states into the result log as if the relay were a probe of region `heartbeat`,
 * so incidents, uptime, charts and desktop sync treat heartbeats like every other monitor. Seqs
 * continue from the highest one stored, so a restart never reuses one that was committed.
 */
export class HeartbeatResultWriter {
  #seq: number;
  #batch: CheckResult[] = [];

  constructor(
    private readonly results: ResultLog,
    private readonly log: Logger,
  ) {
    this.#seq = results.storedSeq(HEARTBEAT_PROBE_ID);
  }

  /** Queues one result for a track (sent by the next `send`) and remembers it on the track. */
  add(track: HeartbeatTrack, state: CheckState, message: string, latencyMs: number, now: number): void {
    this.#seq += 1;
    this.#batch.push({
      probeId: HEARTBEAT_PROBE_ID,
      seq: this.#seq,
      monitorId: track.monitor.id,
      region: HEARTBEAT_REGION,
      ts: now,
      state,
      latencyMs,
      message,
      attempts: 1,
      probeHealthy: true,
    });
    track.emittedState = state;
    track.emittedAt = now;
  }

  /** Appends the queued results in one batch (group-committed with probes' results). */
  send(): Promise<void> {
    const batch = this.#batch;
    if (batch.length === 0) return Promise.resolve();
    this.#batch = [];
    return this.results.append(HEARTBEAT_PROBE_ID, batch).then(
      () => undefined,
      // A lost result is re-derived: the next tick writes the state again (states come from pings).
      (error: unknown) =>
        this.log.error({ err: error, results: batch.length }, 'could not store heartbeat results'),
    );
  }
}
