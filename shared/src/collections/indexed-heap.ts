/** An item an {@link IndexedHeap} can hold: it remembers its own slot, -1 when not in a heap. */
export interface HeapSlot {
  heapIndex: number;
}

/**
 * A binary min-heap whose items know their own slot, so removing or re-keying any item is
 * O(log n) without a search: the probe's scheduler keeps every monitor's next due time in one, the
 * evaluator every fresh region's staleness deadline. The order is the `before` given at creation;
 * an item's key lives on the item, and after changing it the caller calls {@link reorder}.
 */
export class IndexedHeap<T extends HeapSlot> {
  readonly #items: T[] = [];
  readonly #before: (a: T, b: T) => boolean;

  /** `before(a, b)` is true when `a` must come out before `b`. */
  constructor(before: (a: T, b: T) => boolean) {
    this.#before = before;
  }

  /** Number of items in the heap. */
  get size(): number {
    return this.#items.length;
  }

  /** The first item, without removing it. */
  peek(): T | undefined {
    return this.#items[0];
  }

  /** Whether the item is in this heap. */
  has(item: T): boolean {
    return item.heapIndex >= 0 && this.#items[item.heapIndex] === item;
  }

  /** Adds an item that is not in the heap. */
  push(item: T): void {
    item.heapIndex = this.#items.length;
    this.#items.push(item);
    this.#up(item.heapIndex);
  }

  /** Removes and returns the first item. */
  pop(): T | undefined {
    const top = this.#items[0];
    if (top !== undefined) this.remove(top);
    return top;
  }

  /** Removes an item wherever it sits; an item not in this heap is left alone. */
  remove(item: T): void {
    if (!this.has(item)) return;
    const at = item.heapIndex;
    item.heapIndex = -1;
    const last = this.#items.pop() as T;
    if (last === item) return;
    this.#items[at] = last;
    last.heapIndex = at;
    this.#down(at);
    this.#up(last.heapIndex);
  }

  /** Restores the order after the item's key changed; adds the item when it is not in the heap. */
  reorder(item: T): void {
    if (!this.has(item)) {
      this.push(item);
      return;
    }
    this.#down(item.heapIndex);
    this.#up(item.heapIndex);
  }

  #up(start: number): void {
    const items = this.#items;
    const before = this.#before;
    const item = items[start] as T;
    let at = start;
    while (at > 0) {
      const parentAt = (at - 1) >> 1;
      const parent = items[parentAt] as T;
      if (!before(item, parent)) break;
      items[at] = parent;
      parent.heapIndex = at;
      at = parentAt;
    }
    items[at] = item;
    item.heapIndex = at;
  }

  #down(start: number): void {
    const items = this.#items;
    const before = this.#before;
    const length = items.length;
    const item = items[start] as T;
    let at = start;
    for (;;) {
      let child = 2 * at + 1;
      if (child >= length) break;
      const right = child + 1;
      if (right < length && before(items[right] as T, items[child] as T)) child = right;
      const next = items[child] as T;
      if (!before(next, item)) break;
      items[at] = next;
      next.heapIndex = at;
      at = child;
    }
    items[at] = item;
    item.heapIndex = at;
  }
}
