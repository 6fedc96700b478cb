import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  type CheckResult,
  type ConditionVerdict,
  DEFAULT_CLIENT_FRAME_BYTES,
  decodeMessage,
  FRAME_LIMITS,
  ProbeToRelay,
} from '@vantage/shared';
import { afterEach, describe, expect, it } from 'vitest';
import { ResultSpool } from '../spool/result-spool.js';
import { ResultSender } from './result-sender.js';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

async function spoolWith(
  count: number,
  extra: { message?: string; verdicts?: ConditionVerdict[] } = {},
): Promise<ResultSpool> {
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
      ...extra,
    });
  }
  return spool;
}

/** A sink that checks every frame as the relay would: the shared schema, and its byte size. */
function collector() {
  const frames: CheckResult[][] = [];
  const sizes: number[] = [];
  const sink = (frame: string) => {
    sizes.push(Buffer.byteLength(frame));
    const decoded = decodeMessage(ProbeToRelay, frame, { maxBytes: FRAME_LIMITS.probeToRelay });
    if (!decoded.ok || decoded.value.type !== 'results.batch') throw new Error(`bad frame: ${frame}`);
    frames.push(decoded.value.results);
    return true;
  };
  return { frames, sizes, sink, seqs: () => frames.flat().map((r) => r.seq) };
}

const isRun = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

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

  it("keeps frames under the relay's default 1 MiB limit when a thousand results with long messages wait", async () => {
    // 1000 results of ~6 KB each: one frame of them all would be ~6 MB.
    const spool = await spoolWith(1000, { message: '€'.repeat(2000) });
    const sender = new ResultSender(spool);
    const out = collector();
    sender.reset();
    await sender.flush(out.sink);
    expect(out.seqs()).toEqual(isRun(1, 1000));
    expect(Math.max(...out.sizes)).toBeLessThanOrEqual(DEFAULT_CLIENT_FRAME_BYTES);
    // Frames are filled, not halved: all but the last carry as many results as fit.
    expect(out.frames.length).toBe(Math.ceil(1000 / out.frames[0]!.length));
    await spool.close();
  });

  it('uses the frame limit the relay announces for its session', async () => {
    const spool = await spoolWith(200, { message: 'x'.repeat(1000) });
    const sender = new ResultSender(spool);
    const out = collector();
    sender.reset(16 * 1024);
    expect(sender.frameBytes).toBe(16 * 1024);
    await sender.flush(out.sink);
    expect(out.seqs()).toEqual(isRun(1, 200));
    expect(Math.max(...out.sizes)).toBeLessThanOrEqual(16 * 1024);
    sender.reset(64 * 1024 * 1024);
    expect(sender.frameBytes).toBe(FRAME_LIMITS.probeToRelay);
    await spool.close();
  });

  it('sends a result too big for any frame alone and shrunk, instead of wedging the spool', async () => {
    const verdicts = Array.from({ length: 50 }, (_, i) => ({
      condition: `body contains "${'€'.repeat(1900)}"`,
      pass: i % 2 === 0,
      severity: 'down' as const,
      message: 'b'.repeat(2000),
    }));
    const spool = await spoolWith(3, { message: 'm'.repeat(2000), verdicts });
    const sender = new ResultSender(spool);
    const out = collector();
    sender.reset(4096);
    await sender.flush(out.sink);
    expect(out.seqs()).toEqual([1, 2, 3]);
    expect(Math.max(...out.sizes)).toBeLessThanOrEqual(4096);
    expect(out.frames[0]![0]).toMatchObject({ seq: 1, monitorId: 'm0', state: 'up' });
    sender.reset(200 * 1024);
    const roomier = collector();
    await sender.flush(roomier.sink);
    // With room for the failed verdicts, only the passing ones are left out.
    expect(roomier.frames[0]![0]!.verdicts).toHaveLength(25);
    expect(roomier.frames[0]![0]!.verdicts!.every((v) => !v.pass)).toBe(true);
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
