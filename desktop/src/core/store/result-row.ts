import {
  type CheckResult,
  type CheckState,
  type ConditionVerdict,
  keptVerdicts,
  type PhaseTimings,
} from '@vantage/shared';

/** Columns of the `results` table that an insert writes, in order. */
export const RESULT_COLUMNS = [
  'id',
  'probe',
  'seq',
  'series',
  'prev',
  'ts',
  'state',
  'latency_us',
  'dns_us',
  'connect_us',
  'tls_us',
  'ttfb_us',
  'transfer_us',
  'status_code',
  'message',
  'attempts',
  'probe_healthy',
  'revision',
  'extra',
] as const;

/** A row of `results` as SQLite returns it. */
export interface ResultRow {
  id: number;
  probe: number;
  seq: number;
  series: number;
  prev: number | null;
  ts: number;
  state: number;
  latency_us: number;
  dns_us: number | null;
  connect_us: number | null;
  tls_us: number | null;
  ttfb_us: number | null;
  transfer_us: number | null;
  status_code: number | null;
  message: string | null;
  attempts: number;
  probe_healthy: number;
  revision: number | null;
  extra: string | null;
}

/** Check states as the small integers stored (0 and 1 take no bytes in a SQLite record). */
export const STATE_CODE: Readonly<Record<CheckState, number>> = { up: 0, degraded: 1, down: 2 };
/** The check state of a stored code. */
export const STATE_OF: readonly CheckState[] = ['up', 'degraded', 'down'];

/** Rare fields, kept as one JSON column that is NULL for almost every row. */
interface Extra {
  certExpiresAt?: number;
  certIssuer?: string;
  verdicts?: ConditionVerdict[];
  /** Taken during a maintenance window (the relay marks it); rare, so no column of its own. */
  maintenance?: true;
}

const us = (ms: number | undefined): number | null => (ms === undefined ? null : Math.round(ms * 1000));

/**
 * Writes one result's column values into `args` from `at` on (in {@link RESULT_COLUMNS} order),
 * with its integer keys: its own id, its probe's and series' keys, the previous row of its series.
 * Verdicts are kept only when a condition failed (shared's keptVerdicts; the probe sends them so
 * already, but results from an older probe may carry passing ones).
 */
export function writeResultArgs(
  args: unknown[],
  at: number,
  r: CheckResult,
  id: number,
  probe: number,
  series: number,
  prev: number | null,
): void {
  const p = r.phases;
  args[at] = id;
  args[at + 1] = probe;
  args[at + 2] = r.seq;
  args[at + 3] = series;
  args[at + 4] = prev;
  args[at + 5] = r.ts;
  args[at + 6] = STATE_CODE[r.state];
  args[at + 7] = Math.round(r.latencyMs * 1000);
  args[at + 8] = us(p?.dnsMs);
  args[at + 9] = us(p?.connectMs);
  args[at + 10] = us(p?.tlsMs);
  args[at + 11] = us(p?.ttfbMs);
  args[at + 12] = us(p?.transferMs);
  args[at + 13] = r.statusCode ?? null;
  // NULL rather than '': binding a string costs twice a NULL, and almost every message is empty.
  args[at + 14] = r.message === '' ? null : r.message;
  args[at + 15] = r.attempts;
  args[at + 16] = r.probeHealthy ? 1 : 0;
  args[at + 17] = r.revision ?? null;
  args[at + 18] = extraOf(r);
}

function extraOf(r: CheckResult): string | null {
  const verdicts = keptVerdicts(r.verdicts);
  const maintenance = r.maintenance === true;
  if (r.certExpiresAt === undefined && r.certIssuer === undefined && verdicts === undefined && !maintenance)
    return null;
  const extra: Extra = {};
  if (maintenance) extra.maintenance = true;
  if (r.certExpiresAt !== undefined) extra.certExpiresAt = r.certExpiresAt;
  if (r.certIssuer !== undefined) extra.certIssuer = r.certIssuer;
  if (verdicts !== undefined) extra.verdicts = verdicts;
  return JSON.stringify(extra);
}

/** The result a row holds, given the ids its integer keys stand for. Latencies come back in ms at µs precision. */
export function resultFromRow(
  row: ResultRow,
  probeId: string,
  monitorId: string,
  region: string,
): CheckResult {
  const phases: PhaseTimings = {};
  if (row.dns_us !== null) phases.dnsMs = row.dns_us / 1000;
  if (row.connect_us !== null) phases.connectMs = row.connect_us / 1000;
  if (row.tls_us !== null) phases.tlsMs = row.tls_us / 1000;
  if (row.ttfb_us !== null) phases.ttfbMs = row.ttfb_us / 1000;
  if (row.transfer_us !== null) phases.transferMs = row.transfer_us / 1000;
  const result: CheckResult = {
    probeId,
    seq: row.seq,
    monitorId,
    region,
    ts: row.ts,
    state: STATE_OF[row.state] ?? 'down',
    latencyMs: row.latency_us / 1000,
    phases,
    message: row.message ?? '',
    attempts: row.attempts,
    probeHealthy: row.probe_healthy === 1,
  };
  if (row.status_code !== null) result.statusCode = row.status_code;
  if (row.revision !== null) result.revision = row.revision;
  if (row.extra !== null) Object.assign(result, JSON.parse(row.extra) as Extra);
  return result;
}
