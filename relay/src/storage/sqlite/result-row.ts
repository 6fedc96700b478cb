import type { CheckResult } from '@vantage/shared';
import type { LoggedResult } from '../relay-storage.js';

/** A row of the `results` table. */
export interface ResultRow {
  cursor: number;
  probe_id: string;
  seq: number;
  monitor_id: string;
  region: string;
  ts: number;
  state: CheckResult['state'];
  latency_ms: number;
  payload: string;
}

const str = JSON.stringify;

/**
 * The fields of a result that have no column of their own, as a JSON object. Written out by hand
 * because it runs for every stored result and is twice as fast as destructuring and stringifying;
 * `result-payload.test.ts` fails if CheckResult gains a field this does not write.
 */
export function payloadOf(r: CheckResult): string {
  let s = `{"message":${str(r.message)},"attempts":${r.attempts},"probeHealthy":${r.probeHealthy}`;
  if (r.phases !== undefined) s += `,"phases":${str(r.phases)}`;
  if (r.statusCode !== undefined) s += `,"statusCode":${r.statusCode}`;
  if (r.certExpiresAt !== undefined) s += `,"certExpiresAt":${r.certExpiresAt}`;
  if (r.certIssuer !== undefined) s += `,"certIssuer":${str(r.certIssuer)}`;
  if (r.verdicts !== undefined) s += `,"verdicts":${str(r.verdicts)}`;
  if (r.revision !== undefined) s += `,"revision":${r.revision}`;
  return `${s}}`;
}

/** The logged result a row holds. */
export function fromRow(row: ResultRow): LoggedResult {
  return {
    ...(JSON.parse(row.payload) as Omit<
      CheckResult,
      'probeId' | 'seq' | 'monitorId' | 'region' | 'ts' | 'state' | 'latencyMs'
    >),
    cursor: row.cursor,
    probeId: row.probe_id,
    seq: row.seq,
    monitorId: row.monitor_id,
    region: row.region,
    ts: row.ts,
    state: row.state,
    latencyMs: row.latency_ms,
  };
}
