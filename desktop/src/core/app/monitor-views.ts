import type { LastCheckView, MonitorView } from '../../contract/index.js';
import type { DesktopStore, MonitorRecord, MonitorSummary, RegionLastCheck } from '../store/index.js';
import type { MonitorVerdict } from '../sync/relay-sync.js';

/** Where monitor views read the relay's side from. */
export interface VerdictSource {
  /** A lookup of the relay's last verdicts, for one build of views; undefined before the first. */
  verdicts(): (monitorId: string) => MonitorVerdict | undefined;
  /** True while the link to the relay is up. */
  connected(): boolean;
  /** Monitors with local changes a relay has not accepted yet. */
  pendingMonitorIds(): ReadonlySet<string>;
}

/**
 * Builds the contract's {@link MonitorView}s: configuration and history from the store, the
 * relay's verdict from the sync. The dashboard summary is computed from memory (see the store),
 * and open incidents are read once per build rather than once per monitor.
 */
export class MonitorViews {
  constructor(
    private readonly store: DesktopStore,
    private readonly verdicts: VerdictSource,
  ) {}

  /** Every monitor, in id order. */
  all(): MonitorView[] {
    return this.#build(undefined);
  }

  /** The monitors among `ids` that exist, in id order. */
  some(ids: Iterable<string>): MonitorView[] {
    const wanted = new Set(ids);
    return wanted.size === 0 ? [] : this.#build(wanted);
  }

  /** One monitor, or null when there is no such monitor. */
  one(id: string): MonitorView | null {
    return this.some([id])[0] ?? null;
  }

  #build(ids: ReadonlySet<string> | undefined): MonitorView[] {
    const open = new Map<string, string>();
    // Newest first: the first open incident seen per monitor is its current one.
    for (const incident of this.store.incidents.list({ open: true, limit: 100_000 })) {
      if (!open.has(incident.monitorId)) open.set(incident.monitorId, incident.id);
    }
    const connected = this.verdicts.connected();
    const pending = this.verdicts.pendingMonitorIds();
    const verdictOf = this.verdicts.verdicts();
    const views: MonitorView[] = [];
    for (const summary of this.store.dashboardSummary(ids)) {
      const record = this.store.monitors.get(summary.monitorId);
      if (record === null) continue;
      const verdict = verdictOf(summary.monitorId);
      const synced = record.revision > 0 && !pending.has(summary.monitorId);
      views.push(viewOf(record, summary, verdict, open.get(summary.monitorId) ?? null, connected, synced));
    }
    return views;
  }
}

function viewOf(
  record: MonitorRecord,
  summary: MonitorSummary,
  verdict: MonitorVerdict | undefined,
  openIncidentId: string | null,
  connected: boolean,
  synced: boolean,
): MonitorView {
  const { monitor } = record;
  const fallback = monitor.paused
    ? { status: 'paused' as const, message: 'paused' }
    : connected
      ? { status: 'pending' as const, message: 'waiting for the first verdict' }
      : { status: 'unknown' as const, message: 'the relay is not reachable' };
  return {
    monitor,
    status: verdict?.status ?? fallback.status,
    statusMessage: verdict?.message ?? fallback.message,
    statusSince: verdict?.since ?? null,
    regionStatuses: verdict?.regions ?? [],
    last: summary.last === null ? null : lastCheck(summary.last),
    regions: summary.regions.map(lastCheck),
    uptime24h: summary.uptime24h,
    bars: summary.bars,
    openIncidentId,
    synced,
  };
}

function lastCheck(check: RegionLastCheck): LastCheckView {
  return {
    region: check.region,
    ts: check.ts,
    state: check.state,
    latencyMs: check.latencyMs,
    message: check.message,
  };
}
