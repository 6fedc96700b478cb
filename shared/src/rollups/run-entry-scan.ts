import { BUCKET_RUN_FORMAT_VERSION } from './bucket-run-codec.js';
import { sketchKey } from './latency-sketch.js';
import { type SketchTally, walkSketchBody } from './sketch-tally.js';
import { varintAt, varintEnd } from './varint-at.js';

/** One entry of a run as {@link scanRun} reads it: where it lies, and its figures without its sketch. */
export interface ScannedEntry {
  /** The bucket's position in the run. */
  index: number;
  /** The entry's bytes are [begin, end) of the run's buffer. */
  begin: number;
  end: number;
  /** False when the entry is whole but does not decode (`decodeRunEntry` refuses it): skip it. */
  decodes: boolean;
  /** True when a tally given to {@link scanRun} got some bins of this entry, which does not decode. */
  spoiled: boolean;
  up: number;
  degraded: number;
  down: number;
  /** up + degraded + down. */
  count: number;
  /** 0 when the entry has no maintenance extension. */
  maintenance: number;
  latencySumUs: number;
  latencyMinUs: number | null;
  latencyMaxUs: number | null;
}

/** A new {@link ScannedEntry} for {@link scanRun} to fill. */
export function emptyScannedEntry(): ScannedEntry {
  return {
    index: 0,
    begin: 0,
    end: 0,
    decodes: false,
    spoiled: false,
    up: 0,
    degraded: 0,
    down: 0,
    count: 0,
    maintenance: 0,
    latencySumUs: 0,
    latencyMinUs: null,
    latencyMaxUs: null,
  };
}

/** Which entries of a run {@link scanRun} checks and visits, and where it tallies their latencies. */
export interface ScanOptions {
  /** The entries wanted are those at indices [fromIndex, toIndex) of the run; others are only split. */
  fromIndex: number;
  toIndex: number;
  /**
   * Where to add the latencies of each wanted entry as its sketch body is checked (one pass over
   * the bytes, not two), or null: an entry that turns out not to decode may have left bins in it,
   * which the entry's `spoiled` tells.
   */
  tally: SketchTally | null;
}

/**
 * Reads the run at `bytes[begin, end)` (bucket-run-codec's format, `length` buckets long) as
 * `splitBucketRun` splits it, then each wanted entry as `decodeRunEntry` checks it (sketch bodies
 * walked, not built), calling `visit` with each in `into` (refilled for the next one). False when
 * the run's structure is bad: `splitBucketRun` would refuse the whole run, so the caller drops
 * what it was given of it. Offsets rather than subarrays, and one object refilled: a reader scans a
 * month of days for every monitor.
 */
export function scanRun(
  bytes: Uint8Array,
  begin: number,
  end: number,
  length: number,
  into: ScannedEntry,
  options: ScanOptions,
  visit: (entry: ScannedEntry) => void,
): boolean {
  if (end <= begin || bytes[begin] !== BUCKET_RUN_FORMAT_VERSION) return false;
  let pos = begin + 1;
  let previous = -1;
  while (pos < end) {
    const next = scanEntry(bytes, pos, end, into, options);
    if (next < 0 || into.index <= previous || into.index >= length) return false;
    previous = into.index;
    if (into.index >= options.fromIndex && into.index < options.toIndex) visit(into);
    pos = next;
  }
  return true;
}

/**
 * Reads the entry at `bytes[pos]` into `into`: where it ends, or -1 when the run breaks there.
 * Only a wanted entry's content is checked (and tallied).
 */
function scanEntry(
  bytes: Uint8Array,
  pos: number,
  end: number,
  into: ScannedEntry,
  options: ScanOptions,
): number {
  const index = varintAt(bytes, pos, end);
  if (index < 0) return -1;
  const up = varintAt(bytes, varintEnd.pos, end);
  if (up < 0) return -1;
  const degraded = varintAt(bytes, varintEnd.pos, end);
  if (degraded < 0) return -1;
  const down = varintAt(bytes, varintEnd.pos, end);
  if (down < 0) return -1;
  const answered = up + degraded;
  let minUs = 0;
  let maxUs = 0;
  let sumUs = 0;
  let sketchBytes = 0;
  if (answered > 0) {
    minUs = varintAt(bytes, varintEnd.pos, end);
    if (minUs < 0) return -1;
    const spread = varintAt(bytes, varintEnd.pos, end);
    if (spread < 0 || !Number.isSafeInteger(minUs + spread)) return -1;
    maxUs = minUs + spread;
    if (spread > 0) {
      sumUs = varintAt(bytes, varintEnd.pos, end);
      if (sumUs < 0) return -1;
      sketchBytes = varintAt(bytes, varintEnd.pos, end);
      if (sketchBytes < 0) return -1;
    }
  }
  const bodyAt = varintEnd.pos;
  const sketchEnd = bodyAt + sketchBytes;
  if (sketchEnd > end) return -1;
  // The maintenance extension: a 0 (which never starts an entry), then its count.
  let maintenance = 0;
  let entryEnd = sketchEnd;
  if (sketchEnd < end && bytes[sketchEnd] === 0) {
    maintenance = varintAt(bytes, sketchEnd + 1, end);
    if (maintenance <= 0) return -1;
    entryEnd = varintEnd.pos;
  }
  into.spoiled = false;
  const count = answered + down;
  const tally = options.tally;
  let decodes = index >= options.fromIndex && index < options.toIndex;
  decodes &&= Number.isSafeInteger(count);
  if (decodes && answered > 0 && minUs === maxUs) {
    sumUs = answered * minUs;
    decodes = Number.isSafeInteger(sumUs);
    if (decodes && tally !== null) {
      if (minUs > 0) tally.addBin(sketchKey(minUs), answered);
      else tally.addZeros(answered);
    }
  } else if (decodes && answered > 0) {
    const walked = walkSketchBody(bytes, bodyAt, sketchEnd, answered, tally);
    decodes = walked === 1;
    into.spoiled = walked === -1;
  }
  into.index = index;
  into.begin = pos;
  into.end = entryEnd;
  into.decodes = decodes;
  into.up = up;
  into.degraded = degraded;
  into.down = down;
  into.count = count;
  into.maintenance = maintenance;
  into.latencySumUs = sumUs;
  into.latencyMinUs = answered > 0 ? minUs : null;
  into.latencyMaxUs = answered > 0 ? maxUs : null;
  return entryEnd;
}
