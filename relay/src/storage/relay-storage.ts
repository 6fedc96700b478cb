import type {
  CheckResult,
  EvaluatorSnapshot,
  Incident,
  Monitor,
  MonitorStatusEntry,
  RollupBucket,
} from '@vantage/shared';

/** A stored result with its position in the relay's log. */
export type LoggedResult = CheckResult & { cursor: number };

/** Who a token belongs to and what it may do. */
export interface TokenRecord {
  id: string;
  name: string;
  role: 'desktop' | 'probe';
  /** For probe tokens: the only region the probe may serve. */
  region: string | null;
  createdAt: number;
  revokedAt: number | null;
  lastUsedAt: number | null;
}

/** A monitor change at one revision; `monitor` is null for a deletion. */
export interface MonitorChange {
  id: string;
  revision: number;
  monitor: Monitor | null;
}

/** Tokens: created once (the secret is shown once), stored hashed, compared in constant time. */
export interface TokenStore {
  create(
    input: { name: string; role: 'desktop' | 'probe'; region?: string | null },
    now: number,
  ): {
    token: string;
    record: TokenRecord;
  };
  /** The token's record when the secret matches and it is not revoked; otherwise null. */
  verify(token: string, now: number): TokenRecord | null;
  list(): TokenRecord[];
  /** Revokes by id or name; returns how many were revoked. */
  revoke(idOrName: string, now: number): number;
}

/** The desired monitor set with a global revision that every change bumps. */
export interface MonitorStore {
  revision(): number;
  list(): Monitor[];
  get(id: string): Monitor | null;
  /** Saves a validated monitor, returning the new revision. */
  upsert(monitor: Monitor, now: number): number;
  /** Deletes (tombstones) a monitor; null when it did not exist. */
  delete(id: string, now: number): number | null;
  /** Every change after `revision`, oldest first, or null when tombstones that old are gone. */
  changesSince(revision: number): MonitorChange[] | null;
}

/** Told synchronously after each commit, with every result it inserted in cursor order. */
export type CommitListener = (inserted: readonly LoggedResult[]) => void;

/** The durable, ordered, idempotent log of results. */
export interface ResultLog {
  /**
   * Stores a batch in one transaction, skipping results already stored (same probe id and seq).
   * Resolves after the commit with the highest seq now stored for that probe, which is what the
   * relay acks. Batches from many connections are committed together (group commit).
   */
  append(probeId: string, results: CheckResult[]): Promise<{ storedSeq: number; inserted: LoggedResult[] }>;
  /**
   * Registers a listener told of every commit before its `append` promises resolve, so whatever
   * it feeds (evaluation, live desktops) sees results in log order and before the probe's ack.
   */
  onCommit(listener: CommitListener): () => void;
  /** Resolves once every batch appended so far is committed (or failed). */
  flush(): Promise<void>;
  /** Results after `cursor`, in order, at most `limit`. */
  readAfter(cursor: number, limit: number): LoggedResult[];
  /** The highest cursor in the log (0 when empty). */
  headCursor(): number;
  /** The lowest cursor still retained (retention removes older ones). */
  tailCursor(): number;
  /** The highest seq stored for a probe (0 when none). */
  storedSeq(probeId: string): number;
  /** Deletes results older than `beforeTs`; returns how many. */
  prune(beforeTs: number): number;
  /** How many results the log holds (kept in memory after the first call, not counted per call). */
  count(): number;
}

/** Each desktop's position in the result log. */
export interface CursorStore {
  get(desktopId: string): number;
  set(desktopId: string, cursor: number, now: number): void;
}

/** A probe as the relay last knew it. */
export interface ProbeRecord {
  id: string;
  name: string;
  region: string;
  /** The token it authenticated with: a probe id stays bound to it while that token is valid. */
  tokenId: string;
  version: string | null;
  lastSeenAt: number | null;
  healthy: boolean;
  /** Why the probe reported itself unhealthy. */
  reason: string | null;
}

/** Probes that ever connected. */
export interface ProbeStore {
  get(id: string): ProbeRecord | null;
  list(): ProbeRecord[];
  save(probe: ProbeRecord): void;
}

/** Which incidents to list. */
export interface IncidentQuery {
  /** Only open (true) or only resolved (false) incidents; all when absent. */
  open?: boolean;
  monitorId?: string;
  limit: number;
}

/** Incidents as the evaluator opened, updated and resolved them. */
export interface IncidentStore {
  /** Inserts or replaces an incident by id. */
  save(incident: Incident): void;
  get(id: string): Incident | null;
  /** Every incident without `resolvedAt`, oldest first. */
  listOpen(): Incident[];
  /** Incidents newest first, optionally only open or resolved ones, or one monitor's. */
  list(query: IncidentQuery): Incident[];
  /** For each monitor, the highest incident number (`monitorId:n`) ever stored. */
  incidentCounts(): Map<string, number>;
}

/** Each monitor's last evaluated status with its regions. */
export interface MonitorStatusStore {
  save(entry: MonitorStatusEntry, message: string, now: number): void;
  delete(monitorId: string): void;
  list(): MonitorStatusEntry[];
}

/** The evaluator's persisted state and the log cursor it reflects. */
export interface EvaluatorStateStore {
  /** The saved snapshot, unparsed (validate it with the `EvaluatorSnapshot` schema), or null. */
  load(): { cursor: number; snapshot: unknown; savedAt: number } | null;
  save(cursor: number, snapshot: EvaluatorSnapshot, now: number): void;
}

/**
 * Per-monitor, per-region daily rollups of every stored result, written in the same transaction
 * as the results (status pages read them; keep at least 365 days).
 */
export interface DailyAggregateStore {
  /** Buckets of one monitor whose day starts in [fromTs, toTs), by day then region. */
  read(monitorId: string, fromTs: number, toTs: number): RollupBucket[];
  /** Deletes days that start before `beforeTs`; returns how many rows. */
  prune(beforeTs: number): number;
}

/** Runs work inside one storage transaction (the SQLite seam for multi-store writes). */
export type TransactionRunner = <T>(work: () => T) => T;
