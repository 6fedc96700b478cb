/** A first-in first-out queue with O(1) push and shift, for due checks waiting for a free slot. */
export class FifoQueue<T> {
  #items: (T | undefined)[] = [];
  #head = 0;

  /** Number of queued items. */
  get size(): number {
    return this.#items.length - this.#head;
  }

  /** Adds an item at the back. */
  push(item: T): void {
    this.#items.push(item);
  }

  /** Removes and returns the front item. */
  shift(): T | undefined {
    if (this.#head >= this.#items.length) return undefined;
    const item = this.#items[this.#head];
    this.#items[this.#head] = undefined;
    this.#head++;
    // Compact once the dead prefix dominates, so memory stays proportional to the live items.
    if (this.#head > 1024 && this.#head * 2 > this.#items.length) {
      this.#items = this.#items.slice(this.#head);
      this.#head = 0;
    }
    return item;
  }

  /** Removes every item. */
  clear(): void {
    this.#items = [];
    this.#head = 0;
  }
}
