import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDesktopStore } from './index.js';
import { CRASH_LOG_SHAPE, CRASH_RELAY } from './testing/crash-log.js';
import { monitorIdOf, pagesOf, syntheticResults } from './testing/result-fixtures.js';
import {
  expectedRollups,
  readHeads,
  readStoredResults,
  readStoredRollups,
} from './testing/store-inspection.js';

const WORKER = fileURLToPath(new URL('./testing/ingest-worker.ts', import.meta.url));
const COUNT = 12_000;
const PAGE = 1000;

let dir: string;
let path: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'vantage-desktop-crash-'));
  path = join(dir, 'vantage.db');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/**
 * Starts the ingest worker and SIGKILLs it `delayMs` after it reports a cursor past `killAfter`:
 * a page takes tens of ms, so the kill lands inside a transaction, or between two.
 */
function runAndKill(killAfter: number, delayMs: number, maxBuckets: number | undefined): Promise<number> {
  // `@vantage/source` makes @vantage/shared resolve to its TypeScript sources: no build needed.
  const bound = maxBuckets === undefined ? [] : [String(maxBuckets)];
  const child: ChildProcess = spawn(
    process.execPath,
    ['--conditions=@vantage/source', '--import', 'tsx', WORKER, path, String(COUNT), String(PAGE), ...bound],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let reported = 0;
  let killing = false;
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  return new Promise((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      for (const line of chunk.toString().split('\n')) {
        const match = /^ingested (\d+)$/.exec(line);
        if (match) reported = Number(match[1]);
      }
      if (reported >= killAfter && !killing) {
        killing = true;
        setTimeout(() => child.kill('SIGKILL'), delayMs);
      }
    });
    child.once('exit', (code, signal) => {
      if (signal === 'SIGKILL') resolve(reported);
      else reject(new Error(`worker exited with ${code} before being killed:\n${stderr}`));
    });
  });
}

// Each page of 1,000 results changes ~1,400 buckets: with a bound of 1,500 a checkpoint is written
// every page or two, so kills land in batches with and without one; without a bound the only
// checkpoint is at close, so every restart folds everything again from the raw rows.
describe.each([
  { checkpoints: 'every page or two', maxBuckets: 1_500 },
  { checkpoints: 'only at close', maxBuckets: undefined },
])('kill -9 during ingest, checkpoints $checkpoints', ({ maxBuckets }) => {
  it('leaves raw rows, rollups and cursor consistent: after resuming, each result is stored once and rollups equal a recomputation', async () => {
    let lastKill = 0;
    for (const [after, delayMs] of [
      [1_000, 7],
      [3_000, 23],
      [5_000, 41],
      [7_000, 13],
    ] as const) {
      const reported = await runAndKill(after, delayMs, maxBuckets);
      expect(reported).toBeGreaterThan(lastKill);
      lastKill = reported;
    }

    // The cursor and the rows committed with it agree: results 1 … cursor, each exactly once.
    // Opening folds the rows after the last checkpoint again: rollups, series heads and probe
    // marks then equal a recomputation from the raw rows, and the newest checks walk from the head.
    const store = openDesktopStore(path, { now: () => CRASH_LOG_SHAPE.from });
    const cursor = store.sync.cursorFor(CRASH_RELAY);
    expect(cursor).toBeGreaterThanOrEqual(lastKill);
    const newest = store.lastChecks(monitorIdOf(3), 5, 'us-east');
    store.close();
    const committed = readStoredResults(path);
    expect(committed).toHaveLength(cursor);
    expect(readStoredRollups(path)).toEqual(expectedRollups(committed));
    const heads = readHeads(path);
    expect(heads.stored).toEqual(heads.recomputed);
    const ofSeries = committed.filter((r) => r.monitorId === monitorIdOf(3) && r.region === 'us-east');
    expect(newest.map((r) => r.seq)).toEqual(
      ofSeries
        .slice(-5)
        .reverse()
        .map((r) => r.seq),
    );

    // Resume as the relay would, and resend a stretch before the cursor as a relay may after a lost commit.
    const resumed = openDesktopStore(path, { now: () => CRASH_LOG_SHAPE.from });
    const log = [...syntheticResults({ ...CRASH_LOG_SHAPE, count: COUNT })];
    let duplicates = 0;
    for (const page of pagesOf(log.slice(Math.max(0, cursor - 500)), 1000)) {
      duplicates += resumed.ingestResults(page, { relay: CRASH_RELAY }).duplicates;
    }
    expect(duplicates).toBe(Math.min(cursor, 500));
    resumed.close();

    const stored = readStoredResults(path);
    const ids = stored.map((r) => `${r.probeId}:${r.seq}`);
    expect(new Set(ids).size).toBe(COUNT);
    expect(ids.sort()).toEqual(log.map((r) => `${r.probeId}:${r.seq}`).sort());
    expect(readStoredRollups(path)).toEqual(expectedRollups(stored));
  }, 120_000);
});
