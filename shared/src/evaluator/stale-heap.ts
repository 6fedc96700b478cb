import type { RegionRecord } from './region-record.js';

function before(a: RegionRecord, b: RegionRecord): boolean {
  return a.scheduledAt < b.scheduledAt || (a.scheduledAt === b.scheduledAt && a.seq < b.seq);
}

/**
 * A min-heap of fresh regions keyed by (`scheduledAt`, `seq`), so staleness is found without
 * scanning every region on every event. Keys are unique, so the pop order depends only on the
 * set of entries: a heap rebuilt from a snapshot pops in the same order as the original.
 * Each record knows its own slot (`heapIndex`, -1 when absent) so it can be removed directly.
 */
export class StaleHeap {
  private readonly items: RegionRecord[] = [];

  /** Number of regions waiting. */
  get size(): number {
    return this.items.length;
  }

  /** The region with the earliest key, without removing it. */
  peek(): RegionRecord | undefined {
    return this.items[0];
  }

  /** Adds a region that is not yet in the heap. */
  push(region: RegionRecord): void {
    region.heapIndex = this.items.length;
    this.items.push(region);
    this.up(region.heapIndex);
  }

  /** Removes and returns the earliest region. */
  pop(): RegionRecord | undefined {
    const top = this.items[0];
    if (top !== undefined) this.remove(top);
    return top;
  }

  /** Removes a region wherever it sits; a region not in the heap is left alone. */
  remove(region: RegionRecord): void {
    const at = region.heapIndex;
    if (at < 0) return;
    region.heapIndex = -1;
    const last = this.items.pop()!;
    if (at === this.items.length) return;
    this.items[at] = last;
    last.heapIndex = at;
    this.down(at);
    this.up(last.heapIndex);
  }

  private up(at: number): void {
    const items = this.items;
    const item = items[at]!;
    while (at > 0) {
      const parentAt = (at - 1) >> 1;
      const parent = items[parentAt]!;
      if (!before(item, parent)) break;
      items[at] = parent;
      parent.heapIndex = at;
      at = parentAt;
    }
    items[at] = item;
    item.heapIndex = at;
  }

  private down(at: number): void {
    const items = this.items;
    const n = items.length;
    const item = items[at]!;
    for (;;) {
      let child = 2 * at + 1;
      if (child >= n) break;
      const right = child + 1;
      if (right < n && before(items[right]!, items[child]!)) child = right;
      const next = items[child]!;
      if (!before(next, item)) break;
      items[at] = next;
      next.heapIndex = at;
      at = child;
    }
    items[at] = item;
    item.heapIndex = at;
  }
}
