import type {
  Incident,
  LoggedResult,
  Monitor,
  MonitorStatus,
  OneOffResult,
  ProbeInfo,
  RegionStatusEntry,
  Result,
} from '@vantage/shared';
import type { ApiError, SyncView } from '../../contract/index.js';
import type { MonitorRecord } from '../store/index.js';
import type { RelayVerb } from './relay-rest.js';

// The seam between the desktop core and a relay (embedded or remote). The core's API handlers
// only talk to this interface; `startRelaySync` (relay-sync-client.ts) is its implementation.

/** The relay's verdict on one monitor, as last received (snapshot or event). */
export interface MonitorVerdict {
  status: MonitorStatus;
  message: string;
  /** When the status last changed, epoch ms. */
  since: number;
  regions: RegionStatusEntry[];
}

/** What a {@link RelaySync} tells the core as it happens. Every listener runs after the store was written. */
export interface RelaySyncListeners {
  /** Results just stored (a page of catch-up or live results), oldest first; `live` is false during catch-up. */
  results?(results: readonly LoggedResult[], live: boolean): void;
  /** A monitor's verdict changed. */
  verdict?(monitorId: string, verdict: MonitorVerdict, previous: MonitorStatus): void;
  /** An incident was stored after it opened, changed, was acknowledged or resolved. */
  incident?(change: 'opened' | 'updated' | 'acknowledged' | 'resolved', incident: Incident): void;
  /** A probe was stored after it connected, disconnected or changed health. */
  probe?(probe: ProbeInfo): void;
  /** The monitor set changed in the store because of the relay (another desktop, or reconciliation). */
  monitors?(upserted: readonly MonitorRecord[], deleted: readonly string[]): void;
  /** Connection or catch-up progress changed. */
  sync?(status: SyncView): void;
}

/** A live link to one relay that keeps the local store in step with it. */
export interface RelaySync {
  /** Connection state and catch-up progress. */
  status(): SyncView;
  /** The relay's last verdict on a monitor; undefined before any. */
  verdict(monitorId: string): MonitorVerdict | undefined;
  /** Saves a monitor locally and on the relay (queued while offline, pushed on reconnect). */
  upsertMonitor(monitor: Monitor): Promise<Result<MonitorRecord, ApiError>>;
  /** Deletes a monitor locally and on the relay (queued while offline). */
  deleteMonitor(monitorId: string): Promise<Result<void, ApiError>>;
  /** Pauses or resumes a monitor locally and on the relay (queued while offline). */
  pauseMonitor(monitorId: string, paused: boolean): Promise<Result<MonitorRecord, ApiError>>;
  /** Runs a saved monitor once now; needs the relay connected. */
  runNow(monitorId: string, region?: string): Promise<Result<OneOffResult[], ApiError>>;
  /** Runs an unsaved monitor once in one region; needs the relay connected. */
  testCheck(monitor: Monitor, region: string): Promise<Result<OneOffResult, ApiError>>;
  /** Acknowledges an incident on the relay and stores the result. */
  acknowledge(incidentId: string, by: string): Promise<Result<Incident, ApiError>>;
  /**
   * Calls the relay's REST API (`path` under `/api/v1`) with this link's token: how the core
   * configures what lives only on the relay (alert channels, heartbeats, status pages).
   */
  relayCall(verb: RelayVerb, path: string, body?: unknown): Promise<Result<unknown, ApiError>>;
  /** Reconnects now rather than at the next backoff step. */
  reconnect(): void;
  /** Closes the connection; the store stays open (it belongs to the caller). */
  stop(): Promise<void>;
}
