import { DDSketch } from '@datadog/sketches-js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  LatencySketch,
  MAX_SKETCH_KEY,
  SKETCH_RELATIVE_ACCURACY,
  sketchBin,
  sketchContent,
  sketchFromContent,
} from './latency-sketch.js';

const QUANTILES = [0, 0.01, 0.25, 0.5, 0.75, 0.9, 0.95, 0.99, 0.999, 1];

// Integer µs as buckets hold them: clustered around typical latencies, with zeros and timeouts.
const micros = fc.oneof(
  fc.integer({ min: 0, max: 3 }),
  fc.integer({ min: 1, max: 2_000_000 }),
  fc.integer({ min: 150_000, max: 160_000 }),
  fc.integer({ min: 1, max: Number.MAX_SAFE_INTEGER }),
);
const values = fc.array(micros, { maxLength: 300 });

function ours(xs: readonly number[]): LatencySketch {
  const sketch = new LatencySketch();
  for (const x of xs) sketch.accept(x);
  return sketch;
}

function reference(xs: readonly number[]): DDSketch {
  const sketch = new DDSketch({ relativeAccuracy: SKETCH_RELATIVE_ACCURACY });
  for (const x of xs) sketch.accept(x);
  return sketch;
}

/** The library's non-empty bins, read from its dense store. */
function referenceBins(sketch: DDSketch): Array<[number, number]> {
  const { bins, offset } = sketch.store;
  const out: Array<[number, number]> = [];
  bins.forEach((count, i) => {
    if (count !== 0) out.push([i + offset, count]);
  });
  return out;
}

function expectSameAsReference(mine: LatencySketch, theirs: DDSketch): void {
  expect(mine.count).toBe(theirs.count);
  expect(mine.zeroCount).toBe(theirs.zeroCount);
  expect(mine.bins()).toEqual(referenceBins(theirs));
  for (const q of QUANTILES) expect(mine.getValueAtQuantile(q)).toBe(theirs.getValueAtQuantile(q));
}

describe('LatencySketch', () => {
  it('records a value by its bin, found once, as accepting the value itself in every sketch', () => {
    fc.assert(
      fc.property(values, (xs) => {
        const byBin = [new LatencySketch(), new LatencySketch()];
        for (const x of xs) {
          const bin = sketchBin(x);
          for (const sketch of byBin) sketch.acceptBin(bin);
        }
        for (const sketch of byBin) expectSameAsReference(sketch, reference(xs));
      }),
      { numRuns: 100 },
    );
  });

  it('keeps empty sketches apart: filling or merging into one leaves the others empty', () => {
    const [a, b, c] = [new LatencySketch(), new LatencySketch(), new LatencySketch()];
    a.accept(1500);
    b.merge(ours([20, 30_000]));
    expect(a.bins()).toHaveLength(1);
    expect(b.bins()).toHaveLength(2);
    expect(c.bins()).toEqual([]);
  });

  it('holds the same bins and answers the same quantiles as the DDSketch library', () => {
    fc.assert(
      fc.property(values, (xs) => {
        expectSameAsReference(ours(xs), reference(xs));
      }),
      { numRuns: 300 },
    );
  });

  it('merges into the same sketch as the library, whatever the sizes of the parts', () => {
    fc.assert(
      fc.property(fc.array(values, { maxLength: 6 }), (parts) => {
        const mine = new LatencySketch();
        const theirs = reference([]);
        for (const part of parts) {
          mine.merge(ours(part));
          theirs.merge(reference(part));
        }
        expectSameAsReference(mine, theirs);
        expectSameAsReference(mine, reference(parts.flat()));
      }),
    );
  });

  it('leaves the merged-in sketch unchanged and unshared', () => {
    const from = ours([100, 200, 300]);
    const into = new LatencySketch();
    into.merge(from);
    into.accept(400);
    into.merge(ours([100]));
    expect(sketchContent(from)).toEqual(sketchContent(ours([100, 200, 300])));
    expect(into.count).toBe(5);
  });

  it('answers every quantile within 1 % of the latency at that rank', () => {
    fc.assert(
      fc.property(
        fc.array(micros, { minLength: 1, maxLength: 300 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (xs, q) => {
          const sorted = [...xs].sort((a, b) => a - b);
          const truth = sorted[Math.floor(q * (sorted.length - 1))]!;
          const answer = ours(xs).getValueAtQuantile(q);
          expect(Math.abs(answer - truth)).toBeLessThanOrEqual(
            truth * SKETCH_RELATIVE_ACCURACY * (1 + 1e-12),
          );
        },
      ),
      { numRuns: 500 },
    );
  });

  it('rebuilds from its content exactly', () => {
    fc.assert(
      fc.property(values, (xs) => {
        const sketch = ours(xs);
        const back = sketchFromContent(sketchContent(sketch));
        expectSameAsReference(back, reference(xs));
      }),
    );
  });

  it('maps the largest safe integer to the largest key', () => {
    expect(ours([Number.MAX_SAFE_INTEGER]).bins()).toEqual([[MAX_SKETCH_KEY, 1]]);
  });

  it('answers NaN when empty or asked for a quantile outside 0 … 1', () => {
    expect(new LatencySketch().getValueAtQuantile(0.5)).toBeNaN();
    expect(ours([5]).getValueAtQuantile(1.5)).toBeNaN();
  });

  it.each([-1, Number.NaN, Number.POSITIVE_INFINITY])('refuses the value %s', (x) => {
    expect(() => new LatencySketch().accept(x)).toThrow(RangeError);
    expect(() => sketchBin(x)).toThrow(RangeError);
  });
});
