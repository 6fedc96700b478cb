import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { LoggedResult } from '@vantage/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectedRollups, readStoredResults, readStoredRollups } from '../store/testing/store-inspection.js';
import { runTs } from './testing/child-processes.js';
import { type InProcessRelay, startInProcessRelay } from './testing/in-process-relay.js';
import { relayGet } from './testing/sync-fixture.js';
import { TestProbeClient } from './testing/test-probe-client.js';

const WORKER = fileURLToPath(new URL('./testing/sync-worker.ts', import.meta.url));
const REGIONS = ['eu-west', 'us-east', 'ap-south'];
const MONITORS = 20;
const ROUNDS = 200; // 20 monitors × 3 regions × 200 rounds = 12,000 results

let relay: InProcessRelay;
let dir: string;
beforeAll(async () => {
  relay = await startInProcessRelay();
  dir = mkdtempSync(join(tmpdir(), 'vantage-sync-crash-'));
  // Three probes speaking the real probe protocol fill the log: one round a minute over the last hours.
  const from = Date.now() - ROUNDS * 60_000;
  for (const region of REGIONS) {
    const probe = await TestProbeClient.connect(relay.wsUrl, relay.probeToken(region), region);
    const results = Array.from({ length: MONITORS }, (_, m) =>
      probe.results(`mon-${m}`, ROUNDS, { from: from + m * 50, stepMs: 60_000 }).map((r, i) => ({
        ...r,
        state:
          (i + m) % 23 === 0
            ? ('down' as const)
            : (i + m) % 7 === 0
              ? ('degraded' as const)
              : ('up' as const),
      })),
    ).flat();
    // Seqs were handed out monitor after monitor; the log wants them rising per probe, which they are.
    await probe.report(results.sort((a, b) => a.seq - b.seq));
    await probe.close();
  }
}, 120_000);
afterAll(async () => {
  await relay?.dispose();
  rmSync(dir, { recursive: true, force: true });
});

/** Runs the sync worker; SIGKILLs it as soon as it reported `killAfter` results received, unless it finishes first. */
async function runWorker(
  path: string,
  killAfter: number | null,
): Promise<{ killed: boolean; lines: string[] }> {
  const run = runTs(WORKER, [path, relay.wsUrl, relay.desktopToken()]);
  let killed = false;
  run.child.stdout!.on('data', () => {
    if (killAfter === null || killed) return;
    const received = run
      .stdout()
      .split('\n')
      .map((line) => /^progress (\d+) /.exec(line)?.[1])
      .filter((n) => n !== undefined)
      .map(Number);
    if (received.some((n) => n >= killAfter)) {
      killed = true;
      run.child.kill('SIGKILL');
    }
  });
  const exit = await run.exited;
  if (!killed && exit !== 0) throw new Error(`the sync worker failed (${exit}):\n${run.stderr()}`);
  return { killed: killed && exit === 'SIGKILL', lines: run.stdout().split('\n').filter(Boolean) };
}

describe('kill -9 during catch-up', () => {
  it('stores every result exactly once after restarts, with rollups equal to a recomputation', async () => {
    const log = await relayGet<{ head: number }>(relay.url, relay.desktopToken(), '/results?after=0&limit=1');
    expect(log.head).toBe(REGIONS.length * MONITORS * ROUNDS);
    const path = join(dir, 'vantage.db');

    for (const killAfter of [1000, 1000, 2000]) {
      const run = await runWorker(path, killAfter);
      expect(run.killed).toBe(true);
      expect(run.lines.some((l) => l.startsWith('live'))).toBe(false);
    }
    const stored = readStoredResults(path).length;
    expect(stored).toBeGreaterThanOrEqual(1000);
    expect(stored).toBeLessThan(log.head);

    const last = await runWorker(path, null);
    expect(last.lines.at(-1)).toBe(`live ${log.head}`);
    // The last run read only what the killed runs had not stored.
    const firstProgress = last.lines
      .find((l) => l.startsWith('progress'))!
      .split(' ')
      .map(Number);
    expect(firstProgress[1]! + firstProgress[2]!).toBe(log.head - stored);

    const results = readStoredResults(path);
    const ids = results.map((r) => `${r.probeId}:${r.seq}`);
    expect(results).toHaveLength(log.head);
    expect(new Set(ids).size).toBe(log.head);
    const relayIds: string[] = [];
    for (let after = 0; after < log.head; after += 1000) {
      const page = await relayGet<{ results: LoggedResult[] }>(
        relay.url,
        relay.desktopToken(),
        `/results?after=${after}&limit=1000`,
      );
      relayIds.push(...page.results.map((r) => `${r.probeId}:${r.seq}`));
    }
    expect(ids.sort()).toEqual(relayIds.sort());
    expect(readStoredRollups(path)).toEqual(expectedRollups(results));
  }, 180_000);
});
