import { IndexedHeap } from '../collections/indexed-heap.js';
import type { RegionRecord } from './region-record.js';

function before(a: RegionRecord, b: RegionRecord): boolean {
  return a.scheduledAt < b.scheduledAt || (a.scheduledAt === b.scheduledAt && a.seq < b.seq);
}

/**
 * A min-heap of fresh regions keyed by (`scheduledAt`, `seq`), so staleness is found without
 * scanning every region on every event. Keys are unique, so the pop order depends only on the
 * set of entries: a heap rebuilt from a snapshot pops in the same order as the original.
 */
export class StaleHeap extends IndexedHeap<RegionRecord> {
  constructor() {
    super(before);
  }
}
