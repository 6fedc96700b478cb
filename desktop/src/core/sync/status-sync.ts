import type {
  Incident,
  IncidentEventMessage,
  MonitorStatus,
  MonitorStatusEntry,
  ProbeInfo,
  StatusEventMessage,
  StatusSnapshotMessage,
} from '@vantage/shared';
import type { Logger } from 'pino';
import type { DesktopStore } from '../store/index.js';
import type { RelayConnection } from './relay-connection.js';
import type { RelayRest } from './relay-rest.js';
import type { MonitorVerdict } from './relay-sync.js';

/** How an incident changed. */
export type IncidentChange = IncidentEventMessage['change'];

/** What status sync tells the sync, after the store was written. */
export interface StatusSyncEvents {
  verdict(monitorId: string, verdict: MonitorVerdict, previous: MonitorStatus): void;
  incident(change: IncidentChange, incident: Incident): void;
  probe(probe: ProbeInfo): void;
}

/**
 * Monitor verdicts, incidents and probes as the relay reports them:
 * 1. verdicts are kept in memory and in the store, so a restart shows the last known states
 *    before the relay answers;
 * 2. each session starts with `status.get`: its verdicts, open incidents and probes are stored;
 *    an incident open here but not in the relay's open list was resolved while this desktop was
 *    away, and is read back over REST (or closed here if the relay no longer has it);
 * 3. then `event.status`, `event.incident` and `event.probe` keep everything current;
 * 4. when the link drops, every probe is marked disconnected: nothing is known to be live.
 */
export class StatusSync {
  readonly #verdicts: Map<string, MonitorVerdict>;

  constructor(
    private readonly store: DesktopStore,
    private readonly rest: RelayRest,
    private readonly log: Logger,
    private readonly events: StatusSyncEvents,
    private readonly now: () => number,
  ) {
    this.#verdicts = store.verdicts.all();
  }

  /** The relay's last verdict on a monitor. */
  verdict(monitorId: string): MonitorVerdict | undefined {
    return this.#verdicts.get(monitorId);
  }

  /** Forgets a deleted monitor's verdict. */
  forget(monitorId: string): void {
    if (this.#verdicts.delete(monitorId)) this.store.verdicts.remove(monitorId);
  }

  /** A session began: reads the relay's current state. */
  async start(connection: RelayConnection): Promise<void> {
    const reply = await connection.request({ type: 'status.get' }, { timeoutMs: 60_000 });
    const snapshot = reply.ok ? reply.value[0] : undefined;
    if (snapshot?.type !== 'status.snapshot') {
      if (connection.hello !== null)
        this.log.warn(
          { error: reply.ok ? 'unexpected reply' : reply.error.message },
          'could not read the relay status',
        );
      return;
    }
    await this.applySnapshot(snapshot);
  }

  /** Stores a `status.snapshot`, then settles incidents that closed while this desktop was away. */
  async applySnapshot(snapshot: StatusSnapshotMessage): Promise<void> {
    for (const entry of snapshot.monitors) this.#setVerdict(entry.monitorId, this.#fromSnapshot(entry));
    for (const probe of snapshot.probes) this.applyProbe(probe);
    const open = new Set(snapshot.incidents.map((i) => i.id));
    for (const incident of snapshot.incidents) this.storeIncident(incident);
    const stale = this.store.incidents.list({ open: true, limit: 10_000 }).filter((i) => !open.has(i.id));
    if (stale.length > 0) await this.#settleStale(stale);
  }

  /** `event.status`. */
  applyStatus(event: StatusEventMessage): void {
    const previous = this.#verdicts.get(event.monitorId);
    this.#setVerdict(event.monitorId, {
      status: event.status,
      message: event.message,
      since: event.ts,
      regions: event.regions ?? previous?.regions ?? [],
    });
  }

  /** `event.incident`. */
  applyIncident(event: IncidentEventMessage): void {
    this.storeIncident(event.incident, event.change);
  }

  /** `event.probe`, or a probe of a snapshot. */
  applyProbe(probe: ProbeInfo): void {
    const { type: _type, ...info } = probe as ProbeInfo & { type?: string };
    const before = this.store.probes.get(info.probeId);
    this.store.probes.upsert(info);
    if (before === null || JSON.stringify(before) !== JSON.stringify(this.store.probes.get(info.probeId))) {
      this.events.probe(this.store.probes.get(info.probeId) ?? info);
    }
  }

  /** The link dropped. */
  linkLost(): void {
    const live = this.store.probes.list().filter((p) => p.connected);
    if (live.length === 0) return;
    this.store.probes.markAllDisconnected();
    for (const probe of live) this.events.probe({ ...probe, connected: false });
  }

  #fromSnapshot(entry: MonitorStatusEntry): MonitorVerdict {
    const previous = this.#verdicts.get(entry.monitorId);
    const same = previous?.status === entry.status;
    const failing = entry.regions.find((r) => r.message !== undefined && r.status !== 'up');
    return {
      status: entry.status,
      message: same ? previous.message : failing ? `${failing.region}: ${failing.message}` : '',
      since: same ? previous.since : this.now(),
      regions: entry.regions,
    };
  }

  #setVerdict(monitorId: string, verdict: MonitorVerdict): void {
    const previous = this.#verdicts.get(monitorId);
    if (previous !== undefined && JSON.stringify(previous) === JSON.stringify(verdict)) return;
    this.store.verdicts.save(monitorId, verdict);
    this.#verdicts.set(monitorId, verdict);
    if (previous?.status !== verdict.status)
      this.events.verdict(monitorId, verdict, previous?.status ?? 'pending');
  }

  /** Stores an incident; `change` is the relay's word for it, or inferred from what was stored before. */
  storeIncident(incident: Incident, change?: IncidentChange): void {
    const before = this.store.incidents.get(incident.id);
    if (!this.store.incidents.upsert(incident)) return;
    if (before !== null && JSON.stringify(before) === JSON.stringify(incident)) return;
    const inferred: IncidentChange =
      incident.resolvedAt !== undefined
        ? 'resolved'
        : before === null
          ? 'opened'
          : incident.acknowledgedAt !== undefined && before.acknowledgedAt === undefined
            ? 'acknowledged'
            : 'updated';
    this.events.incident(change ?? inferred, incident);
  }

  async #settleStale(stale: Incident[]): Promise<void> {
    const byMonitor = new Map<string, Incident[]>();
    for (const incident of stale)
      byMonitor.set(incident.monitorId, [...(byMonitor.get(incident.monitorId) ?? []), incident]);
    for (const [monitorId, incidents] of byMonitor) {
      const read = await this.rest.incidents(monitorId);
      if (!read.ok)
        this.log.warn({ monitorId, error: read.error }, 'could not read resolved incidents from the relay');
      const known = new Map((read.ok ? read.value : []).map((i) => [i.id, i]));
      for (const local of incidents) {
        const theirs = known.get(local.id);
        if (theirs !== undefined) {
          this.storeIncident(theirs);
          continue;
        }
        // The relay's open list does not have it, so it is not open there, whatever the reason.
        const ts = this.now();
        const message = 'Resolved while this desktop was away (the relay no longer reports it open)';
        this.storeIncident(
          { ...local, resolvedAt: ts, timeline: [...local.timeline, { ts, kind: 'resolved', message }] },
          'resolved',
        );
      }
    }
  }
}
