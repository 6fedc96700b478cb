import { describe, expect, it } from 'vitest';
import { EventCoalescer } from './event-coalescer.js';
import { ManualTimers } from './testing/manual-timers.js';

function setup(options: { distinct?: boolean; maxItems?: number } = {}) {
  const timers = new ManualTimers();
  const batches: Array<{ at: number; items: string[] }> = [];
  const coalescer = new EventCoalescer<string>({
    windowMs: 1000,
    timers,
    flush: (items) => batches.push({ at: timers.now(), items }),
    ...options,
  });
  return { timers, batches, coalescer };
}

describe('EventCoalescer', () => {
  it('sends a synchronous burst as one batch right away', () => {
    const { timers, batches, coalescer } = setup();
    coalescer.add(['a']);
    coalescer.add(['b', 'c']);
    expect(batches).toEqual([]);
    timers.advance(0);
    expect(batches).toEqual([{ at: 1_000_000, items: ['a', 'b', 'c'] }]);
  });

  it('sends at most one batch per second however many items arrive', () => {
    const { timers, batches, coalescer } = setup();
    for (let ms = 0; ms < 5000; ms += 50) {
      coalescer.add([`item-${ms}`]);
      timers.advance(50);
    }
    timers.advance(1000);
    const times = batches.map((b) => b.at);
    for (let i = 1; i < times.length; i++) expect(times[i]! - times[i - 1]!).toBeGreaterThanOrEqual(1000);
    expect(batches.length).toBeGreaterThanOrEqual(5);
    expect(batches.length).toBeLessThanOrEqual(6);
    expect(batches.flatMap((b) => b.items)).toHaveLength(100);
  });

  it('keeps each item once per batch when asked to', () => {
    const { timers, batches, coalescer } = setup({ distinct: true });
    coalescer.add(['api', 'web', 'api']);
    coalescer.add(['web']);
    timers.advance(0);
    coalescer.add(['api']);
    timers.advance(1000);
    expect(batches.map((b) => b.items)).toEqual([['api', 'web'], ['api']]);
  });

  it('keeps the newest items of an oversized batch', () => {
    const { timers, batches, coalescer } = setup({ maxItems: 3 });
    coalescer.add(['1', '2', '3', '4', '5']);
    timers.advance(0);
    expect(batches[0]?.items).toEqual(['3', '4', '5']);
  });

  it('drops removed items and sends nothing for an emptied batch', () => {
    const { timers, batches, coalescer } = setup({ distinct: true });
    coalescer.add(['gone']);
    coalescer.remove((id) => id === 'gone');
    timers.advance(2000);
    expect(batches).toEqual([]);
    coalescer.add(['gone']);
    timers.advance(0);
    expect(batches.map((b) => b.items)).toEqual([['gone']]);
  });

  it('sends nothing after stop', () => {
    const { timers, batches, coalescer } = setup();
    coalescer.add(['a']);
    coalescer.stop();
    timers.advance(5000);
    expect(batches).toEqual([]);
    expect(timers.pending).toBe(0);
  });
});
