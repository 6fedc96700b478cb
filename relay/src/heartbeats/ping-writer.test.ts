import type { HeartbeatPing } from '@vantage/shared';
import { describe, expect, it } from 'vitest';
import type { NewPing } from './heartbeat-store.js';
import { PingWriter } from './ping-writer.js';

const ping = (n: number): NewPing => ({
  monitorId: 'job',
  at: n,
  kind: 'success',
  exitCode: null,
  rid: null,
  body: `run ${n}`,
});

/** A stand-in for the commit thread: each commit takes a few milliseconds, like an fsync. */
function slowStore(failOn?: number) {
  const batches: number[] = [];
  let nextId = 1;
  let started = () => {};
  /** Resolves when the next commit starts. */
  const commitStarts = () => new Promise<void>((resolve) => (started = resolve));
  const insert = async (pings: readonly NewPing[]): Promise<HeartbeatPing[]> => {
    started();
    await new Promise((resolve) => setTimeout(resolve, 5));
    if (pings.some((p) => p.at === failOn)) throw new Error('disk full');
    batches.push(pings.length);
    return pings.map((p) => ({ ...p, id: nextId++ }));
  };
  return { batches, insert, commitStarts };
}

describe('PingWriter', () => {
  it('commits pings that arrive during a commit together, in order, and answers each after its commit', async () => {
    const store = slowStore();
    const seen: number[] = [];
    const writer = new PingWriter(
      store.insert,
      (pings) => seen.push(...pings.map((p) => p.id)),
      () => {},
    );
    const committing = store.commitStarts();
    const first = writer.write(ping(0));
    await committing;
    const rest = Array.from({ length: 20 }, (_, i) => writer.write(ping(i + 1)));
    const stored = await Promise.all([first, ...rest]);
    expect(stored.map((p) => p.at)).toEqual(Array.from({ length: 21 }, (_, i) => i));
    expect(stored.map((p) => p.id)).toEqual(seen);
    expect(store.batches).toEqual([1, 20]);
  });

  it('fails only the batch whose commit failed, and keeps committing after it', async () => {
    const store = slowStore(3);
    const writer = new PingWriter(
      store.insert,
      () => {},
      () => {},
    );
    const failing = writer.write(ping(3));
    await expect(failing).rejects.toThrow('disk full');
    await expect(writer.write(ping(4))).resolves.toMatchObject({ at: 4, id: 1 });
    await writer.flush();
  });

  it('flush waits for the batch in flight', async () => {
    const store = slowStore();
    const writer = new PingWriter(
      store.insert,
      () => {},
      () => {},
    );
    void writer.write(ping(1));
    await writer.flush();
    expect(store.batches).toEqual([1]);
  });
});
