import { describe, expect, it } from 'vitest';
import { summarizeBucket } from './bucket-summary.js';
import { addResult, emptyBucket } from './rollup-bucket.js';

const START = Date.UTC(2025, 5, 1, 12);
const key = { monitorId: 'api', region: 'eu-west', resolution: 'hour' as const, start: START };

describe('summarizeBucket', () => {
  it('gives a chart point in milliseconds that survives JSON', () => {
    const bucket = emptyBucket(key);
    for (const [i, latencyMs] of [100, 200, 300, 400].entries())
      addResult(bucket, { ts: START + i, state: 'up', latencyMs });
    addResult(bucket, { ts: START, state: 'down', latencyMs: 30_000 });
    const point = summarizeBucket(bucket);
    expect(point).toMatchObject({ ...key, up: 4, down: 1, count: 5, uptime: 0.8 });
    expect(point.latency).toMatchObject({ meanMs: 250, minMs: 100, maxMs: 400 });
    expect(Math.abs(point.latency!.p50Ms - 200) / 200).toBeLessThanOrEqual(0.01);
    expect(point.latency!.p99Ms).toBeLessThanOrEqual(400);
    expect(JSON.parse(JSON.stringify(point))).toEqual(point);
  });

  it('has no latency and unknown uptime for an empty bucket', () => {
    expect(summarizeBucket(emptyBucket(key))).toMatchObject({ count: 0, uptime: null, latency: null });
  });
});
