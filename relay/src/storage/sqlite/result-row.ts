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

/** What JSON.stringify escapes in a string: quotes, backslashes, control characters, surrogates. */
// eslint-disable-next-line no-control-regex -- control characters are exactly what must be escaped
const NEEDS_ESCAPE = /["\\\u0000-\u001f\ud800-\udfff]/;

/** A string as JSON, skipping JSON.stringify for the usual plain text (identical output). */
function str(s: string): string {
  if (s === '') return '""';
  return NEEDS_ESCAPE.test(s) ? JSON.stringify(s) : `"${s}"`;
}

/**
 * The fields of a result that have no column of their own, as a JSON object. Written out by hand
 * because it runs for every stored result and is twice as fast as destructuring and stringifying
 * (numbers are finite once validated, so a template writes them as JSON.stringify would);
 * `result-row.test.ts` fails if CheckResult gains a field this does not write.
 */
export function payloadOf(r: CheckResult): string {
  let s = `{"message":${str(r.message)},"attempts":${r.attempts},"probeHealthy":${r.probeHealthy}`;
  const p = r.phases;
  if (p !== undefined) {
    // By hand too: JSON.stringify of a small object costs more than the five checks.
    let phases = '';
    if (p.dnsMs !== undefined) phases += `,"dnsMs":${p.dnsMs}`;
    if (p.connectMs !== undefined) phases += `,"connectMs":${p.connectMs}`;
    if (p.tlsMs !== undefined) phases += `,"tlsMs":${p.tlsMs}`;
    if (p.ttfbMs !== undefined) phases += `,"ttfbMs":${p.ttfbMs}`;
    if (p.transferMs !== undefined) phases += `,"transferMs":${p.transferMs}`;
    s += `,"phases":{${phases.slice(1)}}`;
  }
  if (r.statusCode !== undefined) s += `,"statusCode":${r.statusCode}`;
  if (r.certExpiresAt !== undefined) s += `,"certExpiresAt":${r.certExpiresAt}`;
  if (r.certIssuer !== undefined) s += `,"certIssuer":${str(r.certIssuer)}`;
  if (r.verdicts !== undefined) {
    s += r.verdicts.length === 0 ? ',"verdicts":[]' : `,"verdicts":${JSON.stringify(r.verdicts)}`;
  }
  if (r.revision !== undefined) s += `,"revision":${r.revision}`;
  if (r.maintenance === true) s += ',"maintenance":true';
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
