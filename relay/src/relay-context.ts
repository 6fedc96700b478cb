import type Database from 'better-sqlite3';
import type { Logger } from 'pino';
import type {
  CursorStore,
  DailyAggregateStore,
  EvaluatorStateStore,
  IncidentStore,
  MonitorStatusStore,
  MonitorStore,
  ProbeStore,
  ResultLog,
  TokenStore,
  TransactionRunner,
} from './storage/relay-storage.js';

/**
 * The relay's storage, one interface per concern so another backend can replace SQLite later.
 * Build the SQLite one with `openSqliteStorage(path)` (storage/sqlite/open-sqlite-storage.ts).
 */
export interface RelayStorage {
  tokens: TokenStore;
  monitors: MonitorStore;
  results: ResultLog;
  cursors: CursorStore;
  probes: ProbeStore;
  incidents: IncidentStore;
  monitorStatus: MonitorStatusStore;
  evaluatorState: EvaluatorStateStore;
  aggregates: DailyAggregateStore;
  /** Runs several store writes atomically. */
  transaction: TransactionRunner;
  /** This database's identity, created once and kept (announced to clients as `hello.ok.relayId`). */
  readonly relayId: string;
  /** The SQLite handle for stores that are SQLite-only so far (status pages, heartbeats); null on other backends. */
  db: Database.Database | null;
  /** Closes the backend; call after the hub has closed (it flushes pending results first). */
  close(): void;
}

/** Limits that protect the relay from oversized, malformed or abusive traffic. */
export interface RelayLimits {
  /** Largest WebSocket frame accepted, in bytes. */
  maxFrameBytes: number;
  /** Messages per second a connection may send on average. */
  messagesPerSecond: number;
  /** Messages a connection may send in a burst above the average. */
  messageBurst: number;
  /** Invalid frames in a row after which the connection is closed. */
  maxViolations: number;
  /** Results queued for one desktop before it is switched to catch-up from its cursor. */
  desktopQueueLimit: number;
}

/** What every part of a running relay shares: settings, storage, a logger and the clock. */
export interface RelayContext {
  readonly limits: RelayLimits;
  readonly storage: RelayStorage;
  readonly log: Logger;
  /** Raw result retention in days. */
  readonly retentionDays: number;
  readonly version: string;
  now(): number;
}
