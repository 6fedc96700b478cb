import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { monitorConfig } from './evaluator-test-kit.js';
import { MonitorRecord } from './monitor-record.js';
import { RegionHealth } from './region-health.js';
import { RegionRecord } from './region-record.js';
import { StaleHeap } from './stale-heap.js';

describe('stale heap', () => {
  it('pops by deadline then creation order, whatever was pushed and removed', () => {
    const monitor = new MonitorRecord(0, monitorConfig('m'));
    const health = new RegionHealth('r');
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 20 }), fc.boolean()), { maxLength: 60 }),
        (entries) => {
          const heap = new StaleHeap();
          const records = entries.map(([at], seq) => {
            const record = new RegionRecord(seq, `r${seq}`, monitor, health);
            record.scheduledAt = at;
            heap.push(record);
            return record;
          });
          const kept = records.filter((_, i) => !entries[i]![1]);
          for (const [i, record] of records.entries()) if (entries[i]![1]) heap.remove(record);
          const popped: RegionRecord[] = [];
          for (let r = heap.pop(); r !== undefined; r = heap.pop()) popped.push(r);
          const expected = [...kept].sort((a, b) => a.scheduledAt - b.scheduledAt || a.seq - b.seq);
          expect(popped).toEqual(expected);
          expect(popped.every((r) => r.heapIndex === -1)).toBe(true);
        },
      ),
    );
  });
});
