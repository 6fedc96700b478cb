import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDesktopStore } from './index.js';
import { CRASH_LOG_SHAPE, CRASH_RELAY } from './testing/crash-log.js';
import { pagesOf, syntheticResults } from './testing/result-fixtures.js';
import { expectedRollups, readStoredResults, readStoredRollups } from './testing/store-inspection.js';

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
function runAndKill(killAfter: number, delayMs: number): Promise<number> {
  // `@vantage/source` makes @vantage/shared resolve to its TypeScript sources: no build needed.
  const child: ChildProcess = spawn(
    process.execPath,
    ['--conditions=@vantage/source', '--import', 'tsx', WORKER, path, String(COUNT), String(PAGE)],
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

describe('kill -9 during ingest', () => {
  it('leaves raw rows, rollups and cursor consistent: after resuming, each result is stored once and rollups equal a recomputation', async () => {
    let lastKill = 0;
    for (const [after, delayMs] of [
      [1_000, 7],
      [3_000, 23],
      [5_000, 41],
      [7_000, 13],
    ] as const) {
      const reported = await runAndKill(after, delayMs);
      expect(reported).toBeGreaterThan(lastKill);
      lastKill = reported;
    }

    // The cursor and the rows committed with it agree: results 1 … cursor, each exactly once.
    const store = openDesktopStore(path, { now: () => CRASH_LOG_SHAPE.from });
    const cursor = store.sync.cursorFor(CRASH_RELAY);
    expect(cursor).toBeGreaterThanOrEqual(lastKill);
    store.close();
    expect(readStoredResults(path)).toHaveLength(cursor);

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
