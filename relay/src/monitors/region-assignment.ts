import type { Monitor, MonitorsDiffMessage, MonitorsFullMessage } from '@vantage/shared';
import type { MonitorSetChange } from '../fanout/assignment-fanout.js';

/**
 * Whether a probe of `region` that can run `capabilities` is assigned this monitor. Heartbeat
 * monitors never are, whatever a probe claims: their pings arrive at the relay, which evaluates them.
 */
export function isAssigned(monitor: Monitor, region: string, capabilities: ReadonlySet<string>): boolean {
  if (monitor.type === 'heartbeat') return false;
  return (monitor.regions === 'all' || monitor.regions.includes(region)) && capabilities.has(monitor.type);
}

/**
 * What one probe connection has been told: the monitors of its region it can run, and the
 * revision of the last full set or diff. Paused monitors are included (the probe's scheduler
 * does not run them), so pausing and resuming are ordinary upserts in a diff rather than a
 * removal and a re-add. A change that does not touch the probe's set is not sent; the next diff
 * then starts from the revision the probe last saw, so the probe never sees a gap.
 */
export class ProbeAssignment {
  readonly #assigned = new Set<string>();
  #revision = 0;

  constructor(
    private readonly region: string,
    private readonly capabilities: ReadonlySet<string>,
  ) {}

  /** The whole set for this probe at `revision`; resets what the probe is known to hold. */
  full(monitors: readonly Monitor[], revision: number): MonitorsFullMessage {
    this.#assigned.clear();
    const mine = monitors.filter((m) => isAssigned(m, this.region, this.capabilities));
    for (const monitor of mine) this.#assigned.add(monitor.id);
    this.#revision = revision;
    return { type: 'monitors.full', revision, monitors: mine };
  }

  /** The diff this probe needs for a change, or null when the change does not concern it. */
  diff(change: MonitorSetChange): MonitorsDiffMessage | null {
    if (change.revision <= this.#revision) return null;
    const upserted: Monitor[] = [];
    const deleted: string[] = [];
    for (const monitor of change.upserted) {
      if (isAssigned(monitor, this.region, this.capabilities)) {
        upserted.push(monitor);
        this.#assigned.add(monitor.id);
      } else if (this.#assigned.delete(monitor.id)) deleted.push(monitor.id);
    }
    for (const id of change.deleted) if (this.#assigned.delete(id)) deleted.push(id);
    if (upserted.length === 0 && deleted.length === 0) return null;
    const fromRevision = this.#revision;
    this.#revision = change.revision;
    return { type: 'monitors.diff', fromRevision, revision: change.revision, upserted, deleted };
  }
}
