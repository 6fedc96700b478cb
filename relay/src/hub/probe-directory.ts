import type { ProbeHealthMessage, ProbeIdentity, ProbeInfo } from '@vantage/shared';
import type { Logger } from 'pino';
import type { ProbeRecord, ProbeStore } from '../storage/relay-storage.js';
import { CloseCode } from './close-codes.js';
import type { PeerSocket } from './peer-socket.js';

/** How often, at most, a probe's last-seen time is written while it stays connected. */
const LAST_SEEN_WRITE_MS = 30_000;

/** A probe connection past hello. */
export interface ConnectedProbe {
  readonly sessionId: string;
  readonly identity: ProbeIdentity;
  readonly capabilities: ReadonlySet<string>;
  readonly peer: PeerSocket;
}

/** What the directory tells the rest of the hub. */
export interface ProbeDirectoryEvents {
  /** A probe connected, disconnected or changed health (becomes `event.probe`). */
  changed(info: ProbeInfo): void;
  /** A probe's own health verdict, for the evaluator. */
  health(probeId: string, region: string, healthy: boolean): void;
}

/**
 * Every probe the relay knows, connected or not: who is connected in which region, their health
 * and last-seen time (persisted, the latter coarsely), and which one runs an on-demand check.
 * A probe id has at most one connection: a newer one replaces the older.
 */
export class ProbeDirectory {
  readonly #records = new Map<string, ProbeRecord>();
  readonly #connected = new Map<string, ConnectedProbe>();
  readonly #written = new Map<string, number>();
  #roundRobin = 0;

  constructor(
    private readonly store: ProbeStore,
    private readonly events: ProbeDirectoryEvents,
    private readonly now: () => number,
    private readonly log: Logger,
  ) {
    for (const record of store.list()) this.#records.set(record.id, record);
  }

  /** Registers a connection that passed hello, closing an older one of the same probe. */
  connect(probe: ConnectedProbe, tokenId: string): void {
    const { id, name, region, version } = probe.identity;
    const older = this.#connected.get(id);
    if (older !== undefined) {
      this.log.info(
        { probeId: id, replaced: older.sessionId },
        'probe reconnected; closing its older connection',
      );
      older.peer.close(CloseCode.replaced, 'replaced by a newer connection of this probe');
    }
    this.#connected.set(id, probe);
    const previous = this.#records.get(id);
    const record: ProbeRecord = {
      id,
      name,
      region,
      tokenId,
      version,
      lastSeenAt: this.now(),
      healthy: previous?.healthy ?? true,
      reason: previous?.reason ?? null,
    };
    this.#save(record);
    this.events.changed(this.#info(record));
  }

  /** Forgets a connection (if it is still the probe's current one). */
  disconnect(probe: ConnectedProbe): void {
    const id = probe.identity.id;
    if (this.#connected.get(id) !== probe) return;
    this.#connected.delete(id);
    const record = this.#records.get(id);
    if (record === undefined) return;
    this.#save({ ...record, lastSeenAt: this.now() });
    this.events.changed(this.#info(this.#records.get(id)!));
  }

  /** Notes that a probe sent something; written at most every 30 s. */
  seen(probeId: string): void {
    const record = this.#records.get(probeId);
    if (record === undefined) return;
    const now = this.now();
    record.lastSeenAt = now;
    if (now - (this.#written.get(probeId) ?? 0) >= LAST_SEEN_WRITE_MS) this.#save(record);
  }

  /** Applies a `probe.health` report; a change of verdict reaches the evaluator and desktops. */
  reportHealth(probeId: string, report: ProbeHealthMessage): void {
    const record = this.#records.get(probeId);
    if (record === undefined) return;
    const changed = record.healthy !== report.healthy || record.reason !== (report.reason ?? null);
    const next: ProbeRecord = {
      ...record,
      healthy: report.healthy,
      reason: report.healthy ? null : (report.reason ?? null),
      version: report.version ?? record.version,
      lastSeenAt: this.now(),
    };
    this.#save(next);
    // Told every time, not only on change: after a relay restart the evaluator may hold an older verdict.
    this.events.health(probeId, record.region, report.healthy);
    if (changed) this.events.changed(this.#info(next));
  }

  /** A connected probe of `region` that can run `type`, healthy ones first, taking turns. */
  pick(region: string, type: string): ConnectedProbe | undefined {
    const able = [...this.#connected.values()].filter(
      (p) => p.identity.region === region && p.capabilities.has(type) && p.peer.open,
    );
    const healthy = able.filter((p) => this.#records.get(p.identity.id)?.healthy !== false);
    const pool = healthy.length > 0 ? healthy : able;
    if (pool.length === 0) return undefined;
    return pool[this.#roundRobin++ % pool.length];
  }

  /** Regions with at least one connected probe. */
  connectedRegions(): string[] {
    return [...new Set([...this.#connected.values()].map((p) => p.identity.region))].sort();
  }

  /** Connected probes per region. */
  countByRegion(): Record<string, number> {
    const counts: Record<string, number> = {};
    for (const probe of this.#connected.values()) {
      counts[probe.identity.region] = (counts[probe.identity.region] ?? 0) + 1;
    }
    return counts;
  }

  /** Every known probe as desktops and the REST API see it. */
  list(): ProbeInfo[] {
    return [...this.#records.values()]
      .sort(
        (a, b) =>
          a.region.localeCompare(b.region) || a.name.localeCompare(b.name) || a.id.localeCompare(b.id),
      )
      .map((record) => this.#info(record));
  }

  #info(record: ProbeRecord): ProbeInfo {
    return {
      probeId: record.id,
      name: record.name.slice(0, 100),
      region: record.region,
      connected: this.#connected.has(record.id),
      healthy: record.healthy,
      lastSeenAt: record.lastSeenAt ?? 0,
      ...(record.version !== null ? { version: record.version.slice(0, 50) } : {}),
      ...(record.reason !== null ? { reason: record.reason.slice(0, 2000) } : {}),
    };
  }

  #save(record: ProbeRecord): void {
    this.#records.set(record.id, record);
    this.#written.set(record.id, this.now());
    this.store.save(record);
  }
}
