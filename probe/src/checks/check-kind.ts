import type { MonitorOf, MonitorType, Observation, PhaseTimings } from '@vantage/shared';
import type { CheckStop } from './check-stop.js';
import type { TlsContextCache } from './tls-context-cache.js';

/** What every check kind is given for one attempt. */
export interface CheckContext {
  /** Fires on timeout or cancel with the plain-words error (`timeout after 5 s`). */
  stop: CheckStop;
  /** Wall clock in epoch milliseconds; certificate expiry is measured against it. */
  now: () => number;
  /** Local IP every outgoing socket binds to (multi-homed hosts, one 127.0.0.x per region in tests). */
  sourceAddress?: string;
  /** Bytes of response body kept for conditions; the rest is not read. */
  bodyLimitBytes: number;
  /** Shared TLS contexts, so checks do not rebuild the CA store on every handshake. */
  tls: TlsContextCache;
}

/** Facts a check kind observed when the target answered. */
export interface CheckSuccess {
  ok: true;
  observation: Observation;
  phases: PhaseTimings;
  statusCode?: number;
  /** Epoch milliseconds at which the peer certificate expires. */
  certExpiresAt?: number;
  certIssuer?: string;
}

/** A network-level failure: the target could not be asked at all. */
export interface CheckFailure {
  ok: false;
  /** Plain words: `connection refused`, `timeout after 5 s`, `TLS: self-signed certificate`. */
  error: string;
  /** Phases completed before the failure. */
  phases: PhaseTimings;
  /** Milliseconds from the start of the attempt to the failure. */
  elapsedMs: number;
}

/** The outcome of one attempt of one check kind. */
export type CheckObservation = CheckSuccess | CheckFailure;

/** One kind of check; each lives in its own folder and is listed once in the registry. */
export interface CheckKind<T extends MonitorType = MonitorType> {
  kind: T;
  /** Runs one attempt; resolves with a failure value, never rejects, for network problems. */
  run(monitor: MonitorOf<T>, ctx: CheckContext): Promise<CheckObservation>;
}
