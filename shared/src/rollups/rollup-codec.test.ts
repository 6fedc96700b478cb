import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CheckState } from '../results/check-result.js';
import { sketchContent } from './latency-sketch.js';
import { addResult, emptyBucket, quantile, type RollupBucket } from './rollup-bucket.js';
import { foldResults } from './rollup-builder.js';
import { decodeBucket, encodeBucket, type RollupRow } from './rollup-codec.js';
import { encodeSketch } from './sketch-codec.js';

const DAY = Date.UTC(2025, 5, 1);

function observe(bucket: RollupBucket) {
  const { sketch, ...fields } = bucket;
  return {
    ...fields,
    sketch: sketchContent(sketch),
    quantiles: [0.5, 0.95, 0.99].map((q) => quantile(bucket, q)),
  };
}

function decoded(row: unknown): RollupBucket {
  const result = decodeBucket(row);
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result.value;
}

const bucketArb = fc
  .record({
    resolution: fc.constantFrom('minute' as const, 'hour' as const, 'day' as const),
    results: fc.array(
      fc.record({
        offset: fc.integer({ min: 0, max: 59_999 }),
        state: fc.constantFrom<CheckState>('up', 'degraded', 'down'),
        latencyMs: fc.oneof(fc.double({ min: 0, max: 120_000, noNaN: true }), fc.integer({ min: 0, max: 3 })),
      }),
      { maxLength: 200 },
    ),
  })
  .map(({ resolution, results }) => {
    const bucket = emptyBucket({ monitorId: 'api', region: 'eu-west', resolution, start: DAY });
    for (const r of results)
      addResult(bucket, { ts: DAY + r.offset, state: r.state, latencyMs: r.latencyMs });
    return bucket;
  });

describe('encodeBucket / decodeBucket', () => {
  it('round-trips every bucket exactly, and re-encodes to the same bytes', () => {
    fc.assert(
      fc.property(bucketArb, (bucket) => {
        const row = encodeBucket(bucket);
        const back = decoded(row);
        expect(observe(back)).toEqual(observe(bucket));
        expect(encodeBucket(back)).toEqual(row);
      }),
    );
  });

  it('decodes a row whose sketch comes back from SQLite as a Buffer', () => {
    const [bucket] = foldResults([
      { monitorId: 'api', region: 'eu-west', ts: DAY, state: 'up', latencyMs: 42 },
    ]);
    const row = encodeBucket(bucket!);
    expect(observe(decoded({ ...row, sketch: Buffer.from(row.sketch) }))).toEqual(observe(bucket!));
  });

  it('keeps the maintenance count, and reads a row from before that column as none', () => {
    const bucket = emptyBucket({ monitorId: 'api', region: 'eu-west', resolution: 'day', start: DAY });
    addResult(bucket, { ts: DAY, state: 'down', latencyMs: 0, maintenance: true });
    addResult(bucket, { ts: DAY + 1, state: 'up', latencyMs: 3 });
    const row = encodeBucket(bucket);
    expect(row.maintenance).toBe(1);
    expect(decoded(row)).toMatchObject({ up: 1, down: 0, count: 1, maintenance: 1 });
    const { maintenance: _dropped, ...older } = row;
    expect('maintenance' in decoded(older)).toBe(false);
  });

  it('keeps a minute of checks in a handful of bytes', () => {
    const [bucket] = foldResults(
      [212.4, 198.1, 250.7, 205.3, 230.9, 199.6].map((latencyMs, i) => ({
        monitorId: 'api',
        region: 'eu-west',
        ts: DAY + i * 10_000,
        state: 'up' as const,
        latencyMs,
      })),
    );
    expect(encodeBucket(bucket!).sketch.length).toBeLessThanOrEqual(16);
  });

  const good = encodeBucket(
    foldResults([
      { monitorId: 'api', region: 'eu-west', ts: DAY, state: 'up', latencyMs: 42 },
      { monitorId: 'api', region: 'eu-west', ts: DAY, state: 'down', latencyMs: 0 },
    ])[0]!,
  );
  const bad: Array<[string, Partial<Record<keyof RollupRow, unknown>>, string, RegExp]> = [
    ['an unknown resolution', { resolution: 'week' }, 'resolution', /./],
    ['a fractional count', { up: 1.5 }, 'up', /int/i],
    ['a start off the minute', { start: DAY + 1 }, 'start', /aligned/],
    ['a sketch that is not bytes', { sketch: 'abc' }, 'sketch', /bytes/],
    ['an empty sketch', { sketch: new Uint8Array() }, 'sketch', /empty/],
    ['a sketch of an unknown version', { sketch: Uint8Array.of(9, 0, 0) }, 'sketch', /version 9/],
    [
      'a truncated sketch',
      { sketch: good.sketch.subarray(0, good.sketch.length - 1) },
      'sketch',
      /truncated/,
    ],
    ['a sketch with trailing bytes', { sketch: Uint8Array.from([...good.sketch, 0]) }, 'sketch', /trailing/],
    [
      'a sketch with an absurd bin key',
      { sketch: Uint8Array.of(1, 0, 1, 0xff, 0xff, 0xff, 0x7f, 1) },
      'sketch',
      /key/,
    ],
    [
      'a sketch holding a different number of latencies',
      { up: 2 },
      'sketch',
      /holds 1 latencies but up \+ degraded is 2/,
    ],
    [
      'latency figures on a bucket with none',
      { up: 0, sketch: Uint8Array.of(1, 0, 0) },
      'latencyMinUs',
      /exactly/,
    ],
    ['a min above the max', { latencyMinUs: 50_000 }, 'latencyMinUs', /exceed/],
  ];
  it.each(bad)('rejects a row with %s, naming the field', (_name, change, path, message) => {
    const result = decodeBucket({ ...good, ...change });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error).toContainEqual({ path, message: expect.stringMatching(message) });
  });

  it('never throws on arbitrary sketch bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), (bytes) => {
        decodeBucket({ ...good, sketch: Uint8Array.from([1, ...bytes]) });
      }),
    );
  });
});

describe('encodeSketch', () => {
  it('refuses a sketch that was fed a fraction of a microsecond', () => {
    const bucket = emptyBucket({ monitorId: 'api', region: 'eu-west', resolution: 'minute', start: DAY });
    bucket.sketch.accept(0.5);
    expect(() => encodeSketch(bucket.sketch)).toThrow(/negative/);
  });
});
