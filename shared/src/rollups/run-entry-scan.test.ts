import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CheckState } from '../results/check-result.js';
import { decodeRunEntry, encodeRunEntry, joinRunEntries, splitBucketRun } from './bucket-run-codec.js';
import { newSketch, sketchContent } from './latency-sketch.js';
import { addResult, type BucketKey, emptyBucket, type RollupBucket } from './rollup-bucket.js';
import { emptyScannedEntry, type ScannedEntry, type ScanOptions, scanRun } from './run-entry-scan.js';
import { SketchTally } from './sketch-tally.js';

const HOUR = Date.UTC(2025, 5, 1, 12);
const MINUTE = 60_000;
const keyAt = (index: number): BucketKey => ({
  monitorId: 'api',
  region: 'eu-west',
  resolution: 'minute',
  start: HOUR + index * MINUTE,
});

const resultArb = fc.record({
  offset: fc.integer({ min: 0, max: 59_999 }),
  state: fc.constantFrom<CheckState>('up', 'degraded', 'down'),
  latencyMs: fc.oneof(fc.double({ min: 0, max: 120_000, noNaN: true }), fc.integer({ min: 0, max: 3 })),
  maintenance: fc.boolean(),
});
/** A run of up to 60 minutes: some minutes absent, some empty, some full. */
const runArb = fc.uniqueArray(
  fc.tuple(fc.integer({ min: 0, max: 59 }), fc.array(resultArb, { maxLength: 30 })),
  {
    selector: ([index]) => index,
    maxLength: 60,
  },
);

interface Result {
  offset: number;
  state: CheckState;
  latencyMs: number;
  maintenance: boolean;
}
type RunSpec = ReadonlyArray<readonly [number, readonly Result[]]>;

function runOf(run: RunSpec): { bytes: Uint8Array; buckets: { index: number; bucket: RollupBucket }[] } {
  const buckets = [...run]
    .sort((a, b) => a[0] - b[0])
    .map(([index, results]) => {
      const bucket = emptyBucket(keyAt(index));
      for (const r of results) addResult(bucket, { ts: bucket.start + r.offset, ...r });
      return { index, bucket };
    });
  return { bytes: joinRunEntries(buckets.map((b) => encodeRunEntry(b.bucket, b.index))), buckets };
}

const ALL: ScanOptions = { fromIndex: 0, toIndex: 60, tally: null };

/** What scanRun reports: null for a run it refuses, else each visited entry's figures (null when it does not decode). */
function scanned(bytes: Uint8Array, options: ScanOptions = ALL) {
  const out: (Omit<ScannedEntry, 'begin' | 'end' | 'spoiled'> | null)[] = [];
  const whole = scanRun(bytes, 0, bytes.length, 60, emptyScannedEntry(), options, (e) => {
    const { begin: _b, end: _e, spoiled: _s, ...figures } = e;
    out.push(e.decodes ? figures : null);
  });
  return whole ? out : null;
}

/** The same, from the codec: splitBucketRun, then decodeRunEntry of each entry. */
function decoded(bytes: Uint8Array) {
  const split = splitBucketRun(bytes, 60);
  if (!split.ok) return null;
  return split.value.map((entry) => {
    const bucket = decodeRunEntry(entry.bytes, keyAt(entry.index));
    if (!bucket.ok) return null;
    const b = bucket.value;
    return {
      index: entry.index,
      decodes: true,
      up: b.up,
      degraded: b.degraded,
      down: b.down,
      count: b.count,
      maintenance: b.maintenance ?? 0,
      latencySumUs: b.latencySumUs,
      latencyMinUs: b.latencyMinUs,
      latencyMaxUs: b.latencyMaxUs,
    };
  });
}

describe('scanRun', () => {
  it('reads every entry as splitBucketRun and decodeRunEntry do', () => {
    fc.assert(
      fc.property(runArb, (run) => {
        const { bytes } = runOf(run);
        expect(scanned(bytes)).toEqual(decoded(bytes));
      }),
      { numRuns: 300 },
    );
  });

  it('refuses and skips exactly what the codec refuses, whatever bytes are changed or cut', () => {
    fc.assert(
      fc.property(
        runArb,
        fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 3 }),
        fc.nat(),
        (run, edits, cut) => {
          const { bytes } = runOf(run);
          const broken = bytes.slice(0, bytes.length - (cut % 3 === 0 ? cut % (bytes.length + 1) : 0));
          for (const [at, value] of edits) if (broken.length > 0) broken[at % broken.length] = value;
          expect(scanned(broken)).toEqual(decoded(broken));
          // Checking while tallying judges alike.
          expect(scanned(broken, { ...ALL, tally: new SketchTally() })).toEqual(decoded(broken));
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('visits and checks only the entries in the index range asked for', () => {
    const { bytes } = runOf([
      [3, [{ offset: 0, state: 'up', latencyMs: 12, maintenance: false }]],
      [7, [{ offset: 0, state: 'down', latencyMs: 10_000, maintenance: false }]],
      [20, [{ offset: 5, state: 'degraded', latencyMs: 800, maintenance: false }]],
    ]);
    expect(scanned(bytes, { fromIndex: 4, toIndex: 20, tally: null })?.map((e) => e?.index)).toEqual([7]);
  });
});

describe('SketchTally', () => {
  it('tallies the entries of runs as merging their decoded sketches does', () => {
    fc.assert(
      fc.property(fc.array(runArb, { minLength: 1, maxLength: 4 }), (runs) => {
        const read = new SketchTally();
        const later = new SketchTally();
        const merged = newSketch();
        for (const run of runs) {
          const { bytes, buckets } = runOf(run);
          scanRun(bytes, 0, bytes.length, 60, emptyScannedEntry(), { ...ALL, tally: read }, (e) => {
            later.addRunEntry(bytes, e.begin, e.end);
          });
          for (const { bucket } of buckets) merged.merge(bucket.sketch);
        }
        expect(sketchContent(read.sketch())).toEqual(sketchContent(merged));
        expect(sketchContent(later.sketch())).toEqual(sketchContent(merged));
        const both = new SketchTally();
        both.addTally(read);
        both.addSketch(merged);
        const twice = sketchFrom(merged);
        twice.merge(merged);
        expect(sketchContent(both.sketch())).toEqual(sketchContent(twice));
      }),
      { numRuns: 200 },
    );
  });

  it('holds latencies microseconds and minutes apart, and forgets them on reset', () => {
    const tally = new SketchTally();
    const sketch = newSketch();
    for (const us of [1, 2_000_000, 40_000, 0, 9_000_000_000, 3]) sketch.accept(us);
    tally.addSketch(sketch);
    expect(sketchContent(tally.sketch())).toEqual(sketchContent(sketch));
    tally.reset();
    expect(tally.sketch().count).toBe(0);
    tally.addSketch(sketch);
    expect(sketchContent(tally.sketch())).toEqual(sketchContent(sketch));
  });

  it('tells when a tallied entry turned out not to decode', () => {
    const { bytes } = runOf([
      [
        0,
        [
          { offset: 0, state: 'up', latencyMs: 12, maintenance: false },
          { offset: 1, state: 'up', latencyMs: 80, maintenance: false },
          { offset: 2, state: 'up', latencyMs: 300, maintenance: false },
        ],
      ],
    ]);
    // The last bin's count: the sketch then holds more latencies than up + degraded.
    const broken = bytes.slice();
    broken[broken.length - 1] = 2;
    const visited: ScannedEntry[] = [];
    scanRun(broken, 0, broken.length, 60, emptyScannedEntry(), { ...ALL, tally: new SketchTally() }, (e) =>
      visited.push({ ...e }),
    );
    expect(visited.map((e) => [e.decodes, e.spoiled])).toEqual([[false, true]]);
  });
});

/** A copy of a sketch through its bins. */
function sketchFrom(sketch: ReturnType<typeof newSketch>) {
  const copy = newSketch();
  copy.merge(sketch);
  return copy;
}
