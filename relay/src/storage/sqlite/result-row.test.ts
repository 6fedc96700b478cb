import { CheckResult } from '@vantage/shared';
import { describe, expect, it } from 'vitest';
import { fromRow, payloadOf } from './result-row.js';

const COLUMNS = ['probeId', 'seq', 'monitorId', 'region', 'ts', 'state', 'latencyMs'];

const full: CheckResult = {
  probeId: 'fra-1',
  seq: 7,
  monitorId: 'api',
  region: 'eu-west',
  ts: 1_700_000_000_000,
  state: 'degraded',
  latencyMs: 812.5,
  phases: { dnsMs: 1, connectMs: 2, tlsMs: 3, ttfbMs: 4, transferMs: 5 },
  message: 'response_time was 812 ms, "limit" 500',
  statusCode: 200,
  attempts: 2,
  probeHealthy: false,
  certExpiresAt: 1_800_000_000_000,
  certIssuer: "Let's Encrypt\nR3",
  verdicts: [{ condition: 'response_time < 500', pass: false, severity: 'degraded', message: 'too slow' }],
  revision: 12,
};

describe('the stored form of a result', () => {
  it('keeps every field of a result through the payload column', () => {
    const row = {
      cursor: 3,
      probe_id: full.probeId,
      seq: full.seq,
      monitor_id: full.monitorId,
      region: full.region,
      ts: full.ts,
      state: full.state,
      latency_ms: full.latencyMs,
      payload: payloadOf(full),
    };
    expect(fromRow(row)).toEqual({ ...full, cursor: 3 });
  });

  it('covers every field CheckResult has, so a new field cannot be dropped silently', () => {
    const written = new Set([...COLUMNS, ...Object.keys(JSON.parse(payloadOf(full)))]);
    expect(Object.keys(CheckResult.shape).filter((key) => !written.has(key))).toEqual([]);
  });
});
