import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CheckState } from '../results/check-result.js';
import {
  decodeRunEntry,
  encodeRunEntry,
  joinRunEntries,
  RunBuilder,
  type RunEntry,
  splitBucketRun,
} from './bucket-run-codec.js';
import { sketchContent } from './latency-sketch.js';
import { addResult, type BucketKey, emptyBucket, quantile, type RollupBucket } from './rollup-bucket.js';

const HOUR = Date.UTC(2025, 5, 1, 12);
const MINUTE = 60_000;
const keyAt = (index: number): BucketKey => ({
  monitorId: 'api',
  region: 'eu-west',
  resolution: 'minute',
  start: HOUR + index * MINUTE,
});

function observe(bucket: RollupBucket) {
  const { sketch, ...fields } = bucket;
  return { ...fields, sketch: sketchContent(sketch), p95: quantile(bucket, 0.95) };
}

const minuteArb = fc.array(
  fc.record({
    offset: fc.integer({ min: 0, max: 59_999 }),
    state: fc.constantFrom<CheckState>('up', 'degraded', 'down'),
    latencyMs: fc.oneof(fc.double({ min: 0, max: 120_000, noNaN: true }), fc.integer({ min: 0, max: 3 })),
    maintenance: fc.boolean(),
  }),
  { maxLength: 30 },
);
/** A run of up to 60 minutes: some minutes absent, some empty, some full. */
const runArb = fc.uniqueArray(fc.tuple(fc.integer({ min: 0, max: 59 }), minuteArb), {
  selector: ([index]) => index,
  maxLength: 60,
});

function bucketsOf(
  run: ReadonlyArray<
    readonly [
      number,
      ReadonlyArray<{ offset: number; state: CheckState; latencyMs: number; maintenance?: boolean }>,
    ]
  >,
) {
  return [...run]
    .sort((a, b) => a[0] - b[0])
    .map(([index, results]) => {
      const bucket = emptyBucket(keyAt(index));
      for (const r of results) addResult(bucket, { ts: bucket.start + r.offset, ...r });
      return { index, bucket };
    });
}

function split(bytes: Uint8Array): RunEntry[] {
  const entries = splitBucketRun(bytes, 60);
  if (!entries.ok) throw new Error(entries.error);
  return entries.value;
}

describe('bucket runs', () => {
  it('round-trip every bucket of a run exactly, with its counts readable without decoding', () => {
    fc.assert(
      fc.property(runArb, (run) => {
        const buckets = bucketsOf(run);
        const bytes = joinRunEntries(buckets.map(({ bucket, index }) => encodeRunEntry(bucket, index)));
        const entries = split(bytes);
        expect(entries.map((e) => e.index)).toEqual(buckets.map((b) => b.index));
        entries.forEach((entry, i) => {
          const { bucket } = buckets[i]!;
          expect([entry.up, entry.degraded, entry.down, entry.maintenance]).toEqual([
            bucket.up,
            bucket.degraded,
            bucket.down,
            bucket.maintenance ?? 0,
          ]);
          const back = decodeRunEntry(entry.bytes, keyAt(entry.index));
          if (!back.ok) throw new Error(back.error);
          expect(observe(back.value)).toEqual(observe(bucket));
          expect(encodeRunEntry(back.value, entry.index)).toEqual(entry.bytes);
        });
      }),
    );
  });

  it('build in place the same bytes as joining encoded entries, entries copied from an older run included', () => {
    fc.assert(
      fc.property(runArb, fc.array(fc.boolean(), { minLength: 60, maxLength: 60 }), (run, copied) => {
        const buckets = bucketsOf(run);
        const entries = buckets.map(({ bucket, index }) => encodeRunEntry(bucket, index));
        const older = joinRunEntries(entries);
        const builder = new RunBuilder();
        builder.begin();
        let at = 1;
        buckets.forEach(({ bucket, index }, i) => {
          const length = entries[i]!.length;
          if (copied[index] === true) builder.copy(older, at, at + length);
          else builder.entry(bucket, index);
          at += length;
          expect(builder.length).toBe(at);
        });
        expect(builder.bytes()).toEqual(older);
      }),
    );
  });

  it('read runs written before maintenance counts existed, and splice old and new entries into one run', () => {
    // Bytes of format 1 as written before the extension: index 2, up 1, degraded 0, down 0, min 250 µs, spread 0.
    const old = Uint8Array.from([1, 2, 1, 0, 0, 0xfa, 0x01, 0]);
    const [oldEntry] = split(old);
    expect(oldEntry).toMatchObject({ index: 2, up: 1, maintenance: 0 });
    const fresh = bucketsOf([
      [
        5,
        [
          { offset: 1, state: 'up', latencyMs: 1, maintenance: true },
          { offset: 2, state: 'down', latencyMs: 0 },
        ],
      ],
    ])[0]!;
    const mixed = split(joinRunEntries([oldEntry!.bytes, encodeRunEntry(fresh.bucket, 5)]));
    expect(mixed.map((e) => [e.index, e.up, e.down, e.maintenance])).toEqual([
      [2, 1, 0, 0],
      [5, 0, 1, 1],
    ]);
    const back = decodeRunEntry(mixed[1]!.bytes, keyAt(5));
    expect(back.ok && back.value).toMatchObject({ down: 1, count: 1, maintenance: 1, latencyMinUs: null });
    const plain = decodeRunEntry(mixed[0]!.bytes, keyAt(2));
    expect(plain.ok && 'maintenance' in plain.value).toBe(false);
  });

  it('keep a run of 60 one-check minutes in about 8 bytes a minute', () => {
    const buckets = bucketsOf(
      Array.from(
        { length: 60 },
        (_, i) => [i, [{ offset: 0, state: 'up', latencyMs: 180 + (i % 40) }]] as const,
      ),
    );
    const bytes = joinRunEntries(buckets.map(({ bucket, index }) => encodeRunEntry(bucket, index)));
    expect(bytes.length / 60).toBeLessThanOrEqual(8.1);
  });

  const good = joinRunEntries(
    bucketsOf([
      [
        3,
        [
          { offset: 5, state: 'up', latencyMs: 120 },
          { offset: 9, state: 'up', latencyMs: 130 },
        ],
      ],
      [7, [{ offset: 5, state: 'down', latencyMs: 0 }]],
    ]).map(({ bucket, index }) => encodeRunEntry(bucket, index)),
  );

  const corrupt: Array<[string, Uint8Array, number, RegExp]> = [
    ['empty bytes', new Uint8Array(), 60, /empty/],
    ['an unknown version', Uint8Array.from([9, ...good.subarray(1)]), 60, /version 9/],
    ['a truncated entry', good.subarray(0, good.length - 1), 60, /truncated/],
    ['an index past the run', good, 5, /index 7/],
    [
      'indices out of order',
      Uint8Array.from([1, ...split(good)[1]!.bytes, ...split(good)[0]!.bytes]),
      60,
      /index 3 after 7/,
    ],
  ];
  it.each(corrupt)('refuse %s with an error', (_name, bytes, length, message) => {
    const result = splitBucketRun(bytes, length);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(message);
  });

  it('refuse an entry whose sketch holds a different number of latencies than up + degraded', () => {
    const [entry] = split(good);
    // Entry 3: index, up 2, … : claim up = 3 while its sketch holds 2 latencies.
    const bytes = Uint8Array.from(entry!.bytes);
    bytes[1] = 3;
    const decoded = decodeRunEntry(bytes, keyAt(3));
    expect(decoded.ok).toBe(false);
    if (!decoded.ok) expect(decoded.error).toMatch(/2 latencies but up \+ degraded is 3/);
  });

  it('never throw on arbitrary bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), (tail) => {
        const split = splitBucketRun(Uint8Array.from([1, ...tail]), 60);
        if (split.ok) for (const entry of split.value) decodeRunEntry(entry.bytes, keyAt(entry.index));
        decodeRunEntry(tail, keyAt(0));
      }),
    );
  });
});
