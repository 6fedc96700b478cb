/**
 * The timestamps of one region's most recent down results, just enough of them (`failures`) to
 * tell whether that many fit in the window. A fixed ring, so recording a failure allocates nothing.
 */
export class FailureWindow {
  private readonly times: number[];
  private head = 0;
  private count = 0;

  constructor(
    readonly failures: number,
    readonly windowMs: number,
    recent: readonly number[] = [],
  ) {
    this.times = new Array<number>(failures).fill(0);
    for (const ts of recent.slice(-failures)) this.push(ts);
  }

  /** Records one down result. */
  push(ts: number): void {
    this.times[this.head] = ts;
    this.head = (this.head + 1) % this.failures;
    if (this.count < this.failures) this.count++;
  }

  /**
   * Whether the last `failures` down results, counting the one at `ts` just pushed, lie within
   * the window: `ts` minus the oldest of them is at most `windowMs`.
   */
  isTripped(ts: number): boolean {
    return this.count === this.failures && ts - this.times[this.head]! <= this.windowMs;
  }

  /** The remembered timestamps, oldest first (for snapshots and resizing). */
  recent(): number[] {
    const out: number[] = [];
    const start = this.head - this.count + this.failures;
    for (let i = 0; i < this.count; i++) out.push(this.times[(start + i) % this.failures]!);
    return out;
  }
}
