/**
 * Wire protocol speed: how many 100-result `results.batch` frames the relay decodes and validates
 * per second, against `JSON.parse` alone, and how many it encodes. Each figure runs for about one
 * second after a warm-up.
 */
import type { BenchRow } from '../../scripts/bench.js';
import { decodeMessage } from '../src/protocol/decode-message.js';
import { encodeMessage } from '../src/protocol/encode-message.js';
import { FRAME_LIMITS, ProbeToRelay } from '../src/protocol/messages.js';
import type { CheckResult } from '../src/results/check-result.js';

const RUN_MS = 1000;
const BATCH = 100;

/** Calls `op` for about RUN_MS after a warm-up and returns calls per second. */
function perSecond(op: () => unknown): number {
  let sink = 0;
  for (let i = 0; i < 200; i++) if (op()) sink++;
  let calls = 0;
  const start = performance.now();
  let elapsed = 0;
  while (elapsed < RUN_MS) {
    for (let i = 0; i < 20; i++) if (op()) sink++;
    calls += 20;
    elapsed = performance.now() - start;
  }
  if (sink < 0) console.log(sink);
  return (calls / elapsed) * 1000;
}

/** A probe's typical minute: HTTP checks with phases and verdicts, a few failures. */
function results(): CheckResult[] {
  return Array.from({ length: BATCH }, (_, i) => ({
    probeId: 'fra-1',
    seq: 1_000_000 + i,
    monitorId: `monitor-${i % 40}`,
    region: 'eu-west',
    ts: 1_767_225_600_000 + i * 600,
    state: i % 17 === 0 ? 'down' : 'up',
    latencyMs: 80 + ((i * 37) % 400) + 0.25,
    phases: { dnsMs: 2.1, connectMs: 18.4, tlsMs: 41.9, ttfbMs: 60 + (i % 90), transferMs: 3.3 },
    message: i % 17 === 0 ? 'expected status in 200..299, got 503' : '',
    statusCode: i % 17 === 0 ? 503 : 200,
    attempts: 1,
    probeHealthy: true,
    verdicts: [
      { condition: 'status in 200..299', pass: i % 17 !== 0, severity: 'down', message: '' },
      { condition: 'response_time < 2s else degraded', pass: true, severity: 'degraded', message: '' },
    ],
    revision: 42,
  }));
}

/** Rows for `npm run bench`. */
export default async function protocolBench(): Promise<BenchRow[]> {
  const message = { type: 'results.batch' as const, results: results() };
  const frame = encodeMessage(message);
  const options = { maxBytes: FRAME_LIMITS.probeToRelay };
  const check = decodeMessage(ProbeToRelay, frame, options);
  if (!check.ok) throw new Error(check.error.message);

  const decodeRate = perSecond(() => decodeMessage(ProbeToRelay, frame, options).ok);
  const parseRate = perSecond(() => JSON.parse(frame) !== null);
  const encodeRate = perSecond(() => encodeMessage(message).length);
  const target = '≥ 10,000 results/s (10× a 5,000-monitor, 12-region relay at 60 s)';

  return [
    {
      figure: `results.batch decode + validate (${BATCH} results, ${frame.length} B)`,
      value: decodeRate,
      unit: 'batches/s',
      baseline: 'JSON.parse alone',
      baselineValue: parseRate,
    },
    {
      figure: 'results decoded + validated',
      value: decodeRate * BATCH,
      unit: 'results/s',
      baseline: 'JSON.parse alone',
      baselineValue: parseRate * BATCH,
      target,
    },
    { figure: `results.batch encode (${BATCH} results)`, value: encodeRate, unit: 'batches/s' },
  ];
}
