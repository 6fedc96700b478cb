import { appendFileSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ResultSpool, type ResultSpoolOptions, type UnsequencedResult } from './result-spool.js';

const dirs: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'vantage-spool-'));
  dirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function result(monitorId = 'm1', ts = 1_700_000_000_000): UnsequencedResult {
  return {
    probeId: 'p1',
    monitorId,
    region: 'eu-west',
    ts,
    state: 'up',
    latencyMs: 3,
    message: '',
    attempts: 1,
    probeHealthy: true,
  };
}

function open(dir: string, options: Partial<ResultSpoolOptions> = {}): ResultSpool {
  return ResultSpool.open({ dir, segmentMaxResults: 4, ...options });
}

async function appendMany(spool: ResultSpool, count: number): Promise<void> {
  for (let i = 0; i < count; i++) spool.append(result(`m${i}`, 1_700_000_000_000 + i));
  await spool.sync();
}

describe('ResultSpool', () => {
  it('numbers results 1, 2, 3 ... and hands out only synced ones, oldest first', async () => {
    const spool = open(tempDir());
    expect(spool.append(result()).seq).toBe(1);
    expect(spool.append(result()).seq).toBe(2);
    expect(spool.readAfter(0, 10)).toHaveLength(0);
    await appendMany(spool, 8);
    expect(spool.readAfter(0, 100).map((r) => r.seq)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(spool.readAfter(6, 2).map((r) => r.seq)).toEqual([7, 8]);
    await spool.close();
  });

  it('keeps unacknowledged results across a restart and resends them in order', async () => {
    const dir = tempDir();
    const first = open(dir);
    await appendMany(first, 10);
    first.ack(3);
    await first.close();
    const second = open(dir);
    expect(second.depth).toBe(7);
    expect(second.readAfter(0, 100).map((r) => r.seq)).toEqual([4, 5, 6, 7, 8, 9, 10]);
    expect(second.readAfter(0, 1)[0]).toMatchObject({ monitorId: 'm3', ts: 1_700_000_000_003 });
    expect(second.append(result()).seq).toBe(11);
    await second.close();
  });

  it('never reuses a sequence, even after every result was acknowledged and deleted', async () => {
    const dir = tempDir();
    const first = open(dir);
    await appendMany(first, 9);
    first.ack(9);
    await first.close();
    const second = open(dir);
    expect(second.depth).toBe(0);
    expect(second.append(result()).seq).toBe(10);
    await second.close();
  });

  it('deletes segment files once everything in them is acknowledged', async () => {
    const dir = tempDir();
    const spool = open(dir);
    await appendMany(spool, 12);
    const segments = () => readdirSync(dir).filter((name) => name.startsWith('seg-'));
    expect(segments()).toHaveLength(3);
    spool.ack(8);
    await spool.close();
    expect(segments()).toHaveLength(1);
  });

  it('drops the oldest results past its bound and counts every one', async () => {
    const dir = tempDir();
    const drops: { count: number; reason: string }[] = [];
    const spool = open(dir, { maxResults: 10, onDrop: (count, reason) => drops.push({ count, reason }) });
    await appendMany(spool, 25);
    expect(spool.depth).toBe(10);
    expect(spool.droppedTotal).toBe(15);
    expect(drops.reduce((sum, d) => sum + d.count, 0)).toBe(15);
    expect(drops.every((d) => d.reason === 'max-results')).toBe(true);
    expect(spool.readAfter(0, 100).map((r) => r.seq)).toEqual([16, 17, 18, 19, 20, 21, 22, 23, 24, 25]);
    await spool.close();
    const reopened = open(dir, { maxResults: 10 });
    expect(reopened.readAfter(0, 100).map((r) => r.seq)).toEqual([16, 17, 18, 19, 20, 21, 22, 23, 24, 25]);
    expect(reopened.append(result()).seq).toBe(26);
    await reopened.close();
  });

  it('drops whole oldest segments once the bytes on disk pass the byte bound', async () => {
    const dir = tempDir();
    let dropped = 0;
    const lineBytes = Buffer.byteLength(`${JSON.stringify({ ...result('m0'), seq: 1 })}\n`);
    const spool = open(dir, { maxBytes: lineBytes * 10, onDrop: (count) => (dropped += count) });
    await appendMany(spool, 20);
    expect(dropped).toBeGreaterThan(0);
    expect(dropped + spool.depth).toBe(20);
    const kept = spool.readAfter(0, 100).map((r) => r.seq);
    expect(kept.at(-1)).toBe(20);
    expect(kept[0]).toBe(dropped + 1);
    await spool.close();
  });

  it('detects a torn last line after a crash, skips it and carries on', async () => {
    const dir = tempDir();
    const spool = open(dir, { segmentMaxResults: 100 });
    await appendMany(spool, 5);
    // Simulate the process dying in the middle of writing result 6: no close, half a line on disk.
    const segment = join(dir, readdirSync(dir).find((name) => name.startsWith('seg-')) as string);
    appendFileSync(segment, '{"probeId":"p1","seq":6,"monitorId":"m');
    const problems: string[] = [];
    const reopened = open(dir, { segmentMaxResults: 100, onProblem: (message) => problems.push(message) });
    expect(problems.some((p) => p.includes('torn'))).toBe(true);
    expect(reopened.readAfter(0, 100).map((r) => r.seq)).toEqual([1, 2, 3, 4, 5]);
    expect(readFileSync(segment, 'utf8').endsWith('\n')).toBe(true);
    expect(reopened.append(result()).seq).toBe(6);
    await reopened.sync();
    expect(reopened.readAfter(0, 100).map((r) => r.seq)).toEqual([1, 2, 3, 4, 5, 6]);
    await reopened.close();
  });

  it('numbers after the relay when it acknowledges beyond every sequence issued, resending what it ignored', async () => {
    // The relay already holds seqs 1..50 under this probe id (its data dir was lost): seqs 1..3
    // were taken for copies and dropped there, so reusing them would lose every new result.
    const dir = tempDir();
    const problems: string[] = [];
    const spool = open(dir, { onProblem: (message) => problems.push(message) });
    await appendMany(spool, 3);
    spool.ack(50);
    expect(problems.some((p) => p.includes('beyond this spool'))).toBe(true);
    expect(spool.ackedSeq).toBe(50);
    await spool.sync();
    expect(spool.readAfter(0, 100).map((r) => [r.seq, r.monitorId])).toEqual([
      [51, 'm0'],
      [52, 'm1'],
      [53, 'm2'],
    ]);
    expect(spool.depth).toBe(3);
    expect(spool.append(result('next')).seq).toBe(54);
    await spool.close();
    const reopened = open(dir);
    expect(reopened.readAfter(0, 100).map((r) => r.seq)).toEqual([51, 52, 53, 54]);
    expect(reopened.append(result()).seq).toBe(55);
    await reopened.close();
  });

  it('after a crash resends results whose ack was not yet written, and loses none', async () => {
    const dir = tempDir();
    const spool = open(dir, { ackPersistMs: 60_000 });
    await appendMany(spool, 12);
    spool.ack(4);
    const stateFile = join(dir, 'spool-state.json');
    for (let tries = 0; tries < 200; tries++) {
      if (
        readdirSync(dir).includes('spool-state.json') &&
        readFileSync(stateFile, 'utf8').includes('"ackedSeq":4')
      )
        break;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    spool.ack(8);
    spool.ack(10);
    // No close: the files are left as a kill -9 would leave them.
    const afterCrash = open(dir);
    const floor = afterCrash.ackedSeq;
    expect(floor).toBeGreaterThanOrEqual(4);
    expect(floor).toBeLessThanOrEqual(10);
    const expected = Array.from({ length: 12 - floor }, (_, i) => floor + 1 + i);
    expect(afterCrash.readAfter(0, 100).map((r) => r.seq)).toEqual(expected);
    await afterCrash.close();
    await spool.close();
    const restarted = open(dir);
    expect(restarted.ackedSeq).toBe(10);
    expect(restarted.readAfter(0, 100).map((r) => r.seq)).toEqual([11, 12]);
    await restarted.close();
  });

  it('ignores an acknowledgement below one it already has', async () => {
    const spool = open(tempDir());
    await appendMany(spool, 5);
    spool.ack(4);
    spool.ack(2);
    expect(spool.ackedSeq).toBe(4);
    expect(spool.readAfter(0, 100).map((r) => r.seq)).toEqual([5]);
    await spool.close();
  });
});
