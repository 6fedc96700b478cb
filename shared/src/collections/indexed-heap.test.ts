import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type HeapSlot, IndexedHeap } from './indexed-heap.js';

interface Item extends HeapSlot {
  key: number;
  id: number;
}

const byKey = (a: Item, b: Item) => a.key < b.key;

describe('IndexedHeap', () => {
  it('always yields the first item, whatever mix of push, remove and re-key came before', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.oneof(
            fc.record({ op: fc.constant('push' as const), key: fc.integer({ min: 0, max: 1000 }) }),
            fc.record({ op: fc.constant('remove' as const), pick: fc.nat() }),
            fc.record({
              op: fc.constant('rekey' as const),
              pick: fc.nat(),
              key: fc.integer({ min: 0, max: 1000 }),
            }),
            fc.record({ op: fc.constant('pop' as const) }),
          ),
          { maxLength: 200 },
        ),
        (ops) => {
          const heap = new IndexedHeap<Item>(byKey);
          const model: Item[] = [];
          let nextId = 0;
          for (const step of ops) {
            if (step.op === 'push') {
              const item = { key: step.key, heapIndex: -1, id: nextId++ };
              heap.push(item);
              model.push(item);
            } else if (step.op === 'pop') {
              const top = heap.pop();
              const min = model.reduce<Item | undefined>(
                (a, b) => (a === undefined || b.key < a.key ? b : a),
                undefined,
              );
              expect(top?.key).toBe(min?.key);
              if (top) model.splice(model.indexOf(top), 1);
            } else if (model.length > 0) {
              const item = model[step.pick % model.length] as Item;
              if (step.op === 'remove') {
                heap.remove(item);
                model.splice(model.indexOf(item), 1);
              } else {
                item.key = step.key;
                heap.reorder(item);
              }
            }
            expect(heap.size).toBe(model.length);
          }
          const drained: number[] = [];
          for (let item = heap.pop(); item; item = heap.pop()) drained.push(item.key);
          expect(drained).toEqual(model.map((m) => m.key).sort((a, b) => a - b));
          expect(model.every((m) => m.heapIndex === -1)).toBe(true);
        },
      ),
    );
  });

  it('leaves alone an item that is not in it, even one that sits in another heap', () => {
    const heap = new IndexedHeap<Item>(byKey);
    const other = new IndexedHeap<Item>(byKey);
    const stray = { key: 1, heapIndex: -1, id: 1 };
    const elsewhere = { key: 0, heapIndex: -1, id: 3 };
    heap.push({ key: 2, heapIndex: -1, id: 2 });
    other.push(elsewhere);
    heap.remove(stray);
    heap.remove(elsewhere);
    expect(heap.size).toBe(1);
    expect(heap.has(stray)).toBe(false);
    expect(other.has(elsewhere)).toBe(true);
  });

  it('adds an item on reorder when it is not in the heap yet', () => {
    const heap = new IndexedHeap<Item>(byKey);
    const item = { key: 5, heapIndex: -1, id: 1 };
    heap.reorder(item);
    expect(heap.peek()).toBe(item);
  });
});
