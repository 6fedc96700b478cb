import { type Monitor, MonitorSchema } from '@vantage/shared';
import { describe, expect, it } from 'vitest';
import { FakeClock } from '../testing/fake-clock.js';
import { CheckScheduler, type ScheduledRun } from './check-scheduler.js';

function tcpMonitor(
  id: string,
  host: string,
  interval: number,
  extra: Record<string, unknown> = {},
): Monitor {
  return MonitorSchema.parse({ id, name: id, type: 'tcp', host, port: 80, interval, ...extra });
}

/** A scheduler on a fake clock whose checks take `durationOf(monitor)` fake milliseconds. */
function harness(
  options: { concurrency?: number; perHost?: number; durationOf?: (m: Monitor) => number } = {},
) {
  const clock = new FakeClock();
  const runs: (ScheduledRun & { endedAt?: number })[] = [];
  const lateness: { id: string; ms: number }[] = [];
  let overlaps = 0;
  let running = 0;
  let maxRunning = 0;
  const runningByHost = new Map<string, number>();
  const maxByHost = new Map<string, number>();
  const scheduler = new CheckScheduler({
    clock,
    concurrency: options.concurrency ?? 100,
    perHost: options.perHost ?? 100,
    execute: (run) => {
      const record: ScheduledRun & { endedAt?: number } = { ...run };
      runs.push(record);
      const host = run.monitor.type === 'tcp' ? run.monitor.host : '';
      running++;
      maxRunning = Math.max(maxRunning, running);
      runningByHost.set(host, (runningByHost.get(host) ?? 0) + 1);
      maxByHost.set(host, Math.max(maxByHost.get(host) ?? 0, runningByHost.get(host) ?? 0));
      return new Promise<void>((resolve) => {
        const end = () => {
          running--;
          runningByHost.set(host, (runningByHost.get(host) ?? 1) - 1);
          record.endedAt = clock.now();
          resolve();
        };
        const duration = options.durationOf?.(run.monitor) ?? 0;
        run.signal.addEventListener('abort', end, { once: true });
        if (duration !== Number.POSITIVE_INFINITY) clock.setTimer(end, duration);
      });
    },
    onLateness: (ms, monitor) => lateness.push({ id: monitor.id, ms }),
    onOverlap: () => {
      overlaps++;
    },
  });
  scheduler.start();
  return {
    clock,
    scheduler,
    runs,
    lateness,
    runsOf: (id: string) => runs.filter((r) => r.monitor.id === id),
    overlaps: () => overlaps,
    maxRunning: () => maxRunning,
    maxOnHost: (host: string) => maxByHost.get(host) ?? 0,
  };
}

describe('CheckScheduler', () => {
  it('runs every monitor once per interval, each on its own beat, on time', async () => {
    const h = harness();
    h.scheduler.replaceAll([
      tcpMonitor('a', 'a.test', 10),
      tcpMonitor('b', 'b.test', 10),
      tcpMonitor('c', 'c.test', 10),
    ]);
    await h.clock.advance(59_999);
    for (const id of ['a', 'b', 'c']) {
      const dues = h.runsOf(id).map((r) => r.dueAt);
      expect(dues).toHaveLength(6);
      expect(dues.slice(1).map((due, i) => due - (dues[i] as number))).toEqual([
        10_000, 10_000, 10_000, 10_000, 10_000,
      ]);
    }
    expect(new Set(h.runs.map((r) => r.dueAt % 10_000)).size).toBe(3);
    expect(Math.max(...h.lateness.map((l) => l.ms))).toBe(0);
  });

  it('keeps checks of other hosts on time while one host is slow, and never exceeds perHost there', async () => {
    const h = harness({
      perHost: 2,
      durationOf: (m) => (m.type === 'tcp' && m.host === 'slow.test' ? 25_000 : 5),
    });
    h.scheduler.replaceAll([
      ...[1, 2, 3, 4, 5].map((i) => tcpMonitor(`slow-${i}`, 'slow.test', 10)),
      tcpMonitor('fast', 'fast.test', 10),
    ]);
    await h.clock.advance(100_000);
    expect(h.maxOnHost('slow.test')).toBe(2);
    const fast = h.lateness.filter((l) => l.id === 'fast');
    expect(fast.length).toBeGreaterThanOrEqual(10);
    expect(fast.every((l) => l.ms === 0)).toBe(true);
    // The slow host's checks queued behind its two slots, and that wait is what lateness shows.
    expect(Math.max(...h.lateness.filter((l) => l.id.startsWith('slow')).map((l) => l.ms))).toBeGreaterThan(
      0,
    );
  });

  it('bounds the checks running at once and starts a waiting one as soon as a slot frees', async () => {
    const h = harness({ concurrency: 2, durationOf: () => 3000 });
    h.scheduler.replaceAll(['w', 'x', 'y', 'z'].map((id) => tcpMonitor(id, `${id}.test`, 1)));
    await h.clock.advance(20_000);
    expect(h.maxRunning()).toBe(2);
    const late = h.runs.filter((r) => r.startedAt > r.dueAt);
    expect(late.length).toBeGreaterThan(0);
    for (const run of late) {
      // A queued check starts at the very moment another one ends.
      expect(h.runs.some((other) => other.endedAt === run.startedAt)).toBe(true);
    }
  });

  it('applies added, re-timed, paused and deleted monitors live', async () => {
    const h = harness();
    h.scheduler.replaceAll([tcpMonitor('m1', 'a.test', 10)]);
    await h.clock.advance(30_000);
    expect(h.runsOf('m1')).toHaveLength(3);

    h.scheduler.upsert(tcpMonitor('m2', 'b.test', 10));
    h.scheduler.upsert(tcpMonitor('m1', 'a.test', 5));
    const before = h.runsOf('m1').length;
    // Just short of 30 s: a beat falling exactly on the window's end (phases are on a 200 ms grid) is not counted twice.
    await h.clock.advance(29_999);
    expect(h.runsOf('m2')).toHaveLength(3);
    expect(h.runsOf('m1').length - before).toBe(6);

    h.scheduler.upsert(tcpMonitor('m2', 'b.test', 10, { paused: true }));
    h.scheduler.remove('m1');
    const counts = [h.runsOf('m1').length, h.runsOf('m2').length];
    await h.clock.advance(60_000);
    expect([h.runsOf('m1').length, h.runsOf('m2').length]).toEqual(counts);
    expect(h.scheduler.size).toBe(0);

    h.scheduler.upsert(tcpMonitor('m2', 'b.test', 10));
    await h.clock.advance(10_000);
    expect(h.runsOf('m2').length).toBe(counts[1]! + 1);
  });

  it('applies a changed target without moving the beat', async () => {
    const h = harness();
    h.scheduler.replaceAll([tcpMonitor('m', 'old.test', 10)]);
    const due = h.scheduler.nextDueOf('m');
    h.scheduler.upsert(tcpMonitor('m', 'new.test', 10));
    expect(h.scheduler.nextDueOf('m')).toBe(due);
    await h.clock.advance(10_000);
    const last = h.runsOf('m').at(-1)?.monitor;
    expect(last?.type === 'tcp' && last.host).toBe('new.test');
  });

  it("holds a check whose target moved while it waited to the new host's limit", async () => {
    const durations: Record<string, number> = { a: 25_000, b: 1000, c: 100_000 };
    const h = harness({ perHost: 1, durationOf: (m) => durations[m.id] ?? 0 });
    h.scheduler.replaceAll([
      tcpMonitor('a', 'x.test', 10),
      tcpMonitor('b', 'x.test', 10),
      tcpMonitor('c', 'y.test', 10),
    ]);
    // By now a holds x.test's one slot for 25 s and b waits behind it; c holds y.test's.
    await h.clock.advance(20_000);
    expect(h.scheduler.waiting).toBeGreaterThan(0);
    h.scheduler.upsert(tcpMonitor('b', 'y.test', 10));
    await h.clock.advance(40_000);
    expect(h.maxOnHost('y.test')).toBe(1);
  });

  it('never runs one monitor twice at once; a beat that finds it running is skipped and counted', async () => {
    const h = harness({ durationOf: () => 25_000 });
    h.scheduler.replaceAll([tcpMonitor('long', 'a.test', 10)]);
    await h.clock.advance(100_000);
    expect(h.maxRunning()).toBe(1);
    expect(h.overlaps()).toBeGreaterThan(0);
    expect(h.runsOf('long').length + h.overlaps()).toBeGreaterThanOrEqual(9);
  });

  it('on stop lets running checks finish within the grace period and aborts the rest after it', async () => {
    const h = harness({ durationOf: (m) => (m.id === 'stuck' ? Number.POSITIVE_INFINITY : 2000) });
    h.scheduler.replaceAll([tcpMonitor('stuck', 'a.test', 1), tcpMonitor('quick', 'b.test', 1)]);
    await h.clock.advance(1000);
    expect(h.scheduler.running).toBe(2);
    const stopped = h.scheduler.stop(5000);
    await h.clock.advance(2000);
    expect(h.runsOf('quick')[0]?.signal.aborted).toBe(false);
    expect(h.runsOf('stuck')[0]?.signal.aborted).toBe(false);
    await h.clock.advance(3000);
    await stopped;
    expect(h.runsOf('stuck')[0]?.signal.aborted).toBe(true);
    expect(h.scheduler.running).toBe(0);
    const runsAtStop = h.runs.length;
    await h.clock.advance(10_000);
    expect(h.runs.length).toBe(runsAtStop);
  });
});
