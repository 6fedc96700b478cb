/** An item a {@link MinHeap} can hold: it carries its key and remembers its own position. */
export interface HeapItem {
  /** Ordering key; the smallest is on top. */
  key: number;
  /** Position in the heap, -1 when not in it; maintained by the heap. */
  heapIndex: number;
}

/** A binary min-heap whose items know their index, so removal and re-keying are O(log n). */
export class MinHeap<T extends HeapItem> {
  readonly #items: T[] = [];

  /** Number of items in the heap. */
  get size(): number {
    return this.#items.length;
  }

  /** The item with the smallest key, without removing it. */
  peek(): T | undefined {
    return this.#items[0];
  }

  /** Adds an item that is not in the heap. */
  push(item: T): void {
    item.heapIndex = this.#items.length;
    this.#items.push(item);
    this.#up(item.heapIndex);
  }

  /** Removes and returns the item with the smallest key. */
  pop(): T | undefined {
    const top = this.#items[0];
    if (top !== undefined) this.remove(top);
    return top;
  }

  /** Removes an item if it is in the heap. */
  remove(item: T): void {
    const index = item.heapIndex;
    if (index < 0 || this.#items[index] !== item) return;
    const last = this.#items.pop() as T;
    item.heapIndex = -1;
    if (last === item) return;
    this.#items[index] = last;
    last.heapIndex = index;
    this.#down(index);
    this.#up(last.heapIndex);
  }

  /** Changes an item's key and restores heap order; adds the item when absent. */
  update(item: T, key: number): void {
    item.key = key;
    if (item.heapIndex < 0 || this.#items[item.heapIndex] !== item) {
      this.push(item);
      return;
    }
    this.#down(item.heapIndex);
    this.#up(item.heapIndex);
  }

  /** Whether the item is currently in the heap. */
  has(item: T): boolean {
    return item.heapIndex >= 0 && this.#items[item.heapIndex] === item;
  }

  #up(start: number): void {
    const items = this.#items;
    let index = start;
    const item = items[index] as T;
    while (index > 0) {
      const parentIndex = (index - 1) >> 1;
      const parent = items[parentIndex] as T;
      if (parent.key <= item.key) break;
      items[index] = parent;
      parent.heapIndex = index;
      index = parentIndex;
    }
    items[index] = item;
    item.heapIndex = index;
  }

  #down(start: number): void {
    const items = this.#items;
    const length = items.length;
    let index = start;
    const item = items[index] as T;
    for (;;) {
      const left = 2 * index + 1;
      if (left >= length) break;
      const right = left + 1;
      const child = right < length && (items[right] as T).key < (items[left] as T).key ? right : left;
      const childItem = items[child] as T;
      if (childItem.key >= item.key) break;
      items[index] = childItem;
      childItem.heapIndex = index;
      index = child;
    }
    items[index] = item;
    item.heapIndex = index;
  }
}
