import { type Resolution, type RollupBucket, type ScannedEntry, SketchTally } from '@vantage/shared';
import { LazyBucket } from './lazy-bucket.js';

/** Numbers kept per bucket: its start, counts, latency figures and where its entry lies. */
const FIELDS = 11;
const [START, UP, DEGRADED, DOWN, MAINTENANCE, SUM, MIN, MAX, BEGIN, END, BLOB] = [
  0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10,
];

/**
 * Buckets of many monitors' lines read in bulk, kept as columns of numbers (and the run bytes they
 * came from) rather than as objects: a month of days of 2,000 monitors is 60,000 buckets, and as
 * objects kept until every monitor's figures are done they made most of the read's garbage
 * collection. {@link BulkLines.buckets} makes one monitor's bucket objects when they are asked for.
 * Each line's latencies are also tallied as its entries are read, in the pass that checks their
 * sketches: figures over a whole line take that tally (see lazy-bucket's `tallyBuckets`) rather
 * than read every sketch's bytes a second time.
 */
export class BulkLines {
  #columns = new Float64Array(FIELDS * 32);
  #next = new Int32Array(32);
  #size = 0;
  readonly #blobs: Uint8Array[] = [];
  readonly #first: Int32Array;
  readonly #last: Int32Array;
  readonly #index = new Map<string, number>();
  readonly #tallies: (SketchTally | null)[];
  /** 1 for a line whose tally holds more than its buckets' latencies (see {@link spoil}, {@link truncate}). */
  readonly #broken: Uint8Array;

  constructor(
    private readonly monitorIds: readonly string[],
    private readonly region: string,
    private readonly resolution: Resolution,
  ) {
    this.#first = new Int32Array(monitorIds.length).fill(-1);
    this.#last = new Int32Array(monitorIds.length).fill(-1);
    monitorIds.forEach((id, i) => this.#index.set(id, i));
    this.#tallies = new Array<SketchTally | null>(monitorIds.length).fill(null);
    this.#broken = new Uint8Array(monitorIds.length);
  }

  /** A monitor's buckets, oldest first, as new objects; none for a monitor not read. */
  buckets(monitorId: string): RollupBucket[] {
    const index = this.#index.get(monitorId);
    return index === undefined ? [] : this.bucketsAt(index);
  }

  /** Keeps the bytes of a read; its index is what {@link add} takes as `blob`. */
  addBlob(bytes: Uint8Array): number {
    return this.#blobs.push(bytes) - 1;
  }

  /** Appends a bucket (a decoding entry starting at `start`) to monitor `m`'s line, after its others. */
  add(m: number, start: number, entry: ScannedEntry, blob: number): void {
    if (this.#size === this.#next.length) this.#grow();
    const i = this.#size++;
    const c = this.#columns;
    const at = i * FIELDS;
    c[at + START] = start;
    c[at + UP] = entry.up;
    c[at + DEGRADED] = entry.degraded;
    c[at + DOWN] = entry.down;
    c[at + MAINTENANCE] = entry.maintenance;
    c[at + SUM] = entry.latencySumUs;
    c[at + MIN] = entry.latencyMinUs ?? -1;
    c[at + MAX] = entry.latencyMaxUs ?? -1;
    c[at + BEGIN] = entry.begin;
    c[at + END] = entry.end;
    c[at + BLOB] = blob;
    this.#next[i] = -1;
    if (this.#last[m]! < 0) this.#first[m] = i;
    else this.#next[this.#last[m]!] = i;
    this.#last[m] = i;
  }

  /** The tally of monitor `m`'s line, where its reader adds the latencies of each bucket it adds. */
  tallyOf(m: number): SketchTally {
    let tally = this.#tallies[m];
    if (tally === null || tally === undefined) this.#tallies[m] = tally = new SketchTally();
    return tally;
  }

  /** Marks monitor `m`'s tally as holding latencies of no bucket (of an entry that does not decode). */
  spoil(m: number): void {
    this.#broken[m] = 1;
  }

  /** Where monitor `m`'s line ends now: {@link truncate} goes back to it. */
  mark(m: number): number {
    return this.#last[m]!;
  }

  /** Drops what was added to monitor `m`'s line since {@link mark} gave `last` (the newest buckets added). */
  truncate(m: number, last: number): void {
    if (this.#last[m] === last) return;
    this.#broken[m] = 1;
    this.#size = last < 0 ? (this.#first[m] as number) : last + 1;
    this.#last[m] = last;
    if (last < 0) this.#first[m] = -1;
    else this.#next[last] = -1;
  }

  /** The buckets of the monitor at `index` of the ids read, oldest first, as new objects. */
  bucketsAt(index: number): RollupBucket[] {
    const out: RollupBucket[] = [];
    const monitorId = this.monitorIds[index]!;
    const c = this.#columns;
    const tally = this.#tallies[index];
    let size = 0;
    for (let i = this.#first[index]!; i >= 0; i = this.#next[i]!) size++;
    // A new line object per call: the tally stands for exactly these objects.
    const line = tally === null || tally === undefined || this.#broken[index] === 1 ? null : { tally, size };
    for (let i = this.#first[index]!; i >= 0; i = this.#next[i]!) {
      const at = i * FIELDS;
      const min = c[at + MIN]!;
      const max = c[at + MAX]!;
      const up = c[at + UP]!;
      const degraded = c[at + DEGRADED]!;
      const down = c[at + DOWN]!;
      out.push(
        new LazyBucket(
          { monitorId, region: this.region, resolution: this.resolution, start: c[at + START]! },
          {
            up,
            degraded,
            down,
            count: up + degraded + down,
            maintenance: c[at + MAINTENANCE]!,
            latencySumUs: c[at + SUM]!,
            latencyMinUs: min < 0 ? null : min,
            latencyMaxUs: max < 0 ? null : max,
          },
          this.#blobs[c[at + BLOB]!]!,
          c[at + BEGIN]!,
          c[at + END]!,
          line,
        ),
      );
    }
    return out;
  }

  #grow(): void {
    const columns = new Float64Array(this.#columns.length * 2);
    columns.set(this.#columns);
    this.#columns = columns;
    const next = new Int32Array(this.#next.length * 2);
    next.set(this.#next);
    this.#next = next;
  }
}
