import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CheckResult } from '@vantage/shared';
import { afterEach, describe, expect, it } from 'vitest';
import { ResultSpool } from '../spool/result-spool.js';
import { ResultSender } from './result-sender.js';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

async function spoolWith(count: number): Promise<ResultSpool> {
  const dir = mkdtempSync(join(tmpdir(), 'vantage-sender-'));
  dirs.push(dir);
  const spool = ResultSpool.open({ dir });
  for (let i = 0; i < count; i++) {
    spool.append({
      probeId: 'p',
      monitorId: `m${i}`,
      region: 'r',
      ts: i,
      state: 'up',
      latencyMs: 1,
      message: '',
      attempts: 1,
      probeHealthy: true,
    });
  }
  return spool;
}

function collector() {
  const frames: CheckResult[][] = [];
  const sink = (frame: string) => {
    frames.push((JSON.parse(frame) as { results: CheckResult[] }).results);
    return true;
  };
  return { frames, sink, seqs: () => frames.flat().map((r) => r.seq) };
}

describe('ResultSender', () => {
  it('splits batches that would exceed the frame limit and stops at the unacknowledged window', async () => {
    const spool = await spoolWith(50);
    const oneResult = Buffer.byteLength(JSON.stringify(spool.readAfter(0, 1)));
    const sender = new ResultSender(spool, { maxUnacked: 20, maxFrameBytes: oneResult * 6 });
    const out = collector();
    await sender.flush(out.sink);
    expect(out.seqs()).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    expect(Math.max(...out.frames.map((f) => f.length))).toBeLessThanOrEqual(6);
    sender.acknowledge(20);
    await sender.flush(out.sink);
    expect(out.seqs().slice(20)).toEqual(Array.from({ length: 20 }, (_, i) => i + 21));
    await spool.close();
  });

  it('starts a new session from the last acknowledgement, resending the rest in order', async () => {
    const spool = await spoolWith(10);
    const sender = new ResultSender(spool);
    const first = collector();
    await sender.flush(first.sink);
    sender.acknowledge(4);
    sender.reset();
    const second = collector();
    await sender.flush(second.sink);
    expect(second.seqs()).toEqual([5, 6, 7, 8, 9, 10]);
    await spool.close();
  });

  it('sends nothing more while the socket refuses frames', async () => {
    const spool = await spoolWith(3);
    const sender = new ResultSender(spool);
    await sender.flush(() => false);
    expect(sender.sentUpTo).toBe(0);
    const out = collector();
    await sender.flush(out.sink);
    expect(out.seqs()).toEqual([1, 2, 3]);
    await spool.close();
  });
});
